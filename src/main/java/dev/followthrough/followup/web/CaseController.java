package dev.followthrough.followup.web;

import dev.followthrough.followup.CaseLinks;
import dev.followthrough.followup.CaseQueries;
import dev.followthrough.followup.CaseQueries.CaseFilter;
import dev.followthrough.followup.CaseQueries.CaseView;
import dev.followthrough.followup.CaseQueries.View;
import dev.followthrough.followup.CaseResult;
import dev.followthrough.followup.FollowUps;
import dev.followthrough.followup.CaseOutcome;
import dev.followthrough.followup.CaseStatus;
import dev.followthrough.platform.InvalidField;
import dev.followthrough.platform.Problems;
import dev.followthrough.platform.Users;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/cases}: the follow-up inbox, a case with its timeline, and every command on it. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

  private static final Set<String> SORTS = Set.of("priority", "due", "opened");
  private static final Set<String> STATUSES = Set.of("open", "contacted", "in_conversation", "awaiting_action", "closed");

  private final CaseQueries queries;
  private final FollowUps followUps;
  private final Users users;
  private final Clock clock;
  private final List<CaseLinks> links;

  CaseController(CaseQueries queries, FollowUps followUps, Users users, Clock clock, List<CaseLinks> links) {
    this.queries = queries;
    this.followUps = followUps;
    this.users = users;
    this.clock = clock;
    this.links = links;
  }

  /** The case's fields plus the links other capabilities offer for it (interviewUrl). */
  private Map<String, Object> view(CaseView c, Instant now) {
    Map<String, Object> m = json(c, now);
    for (CaseLinks l : links) m.putAll(l.linksFor(c));
    return m;
  }

  @GetMapping
  Map<String, Object> list(@RequestParam(required = false) String view, @RequestParam(required = false) String status,
                           @RequestParam(required = false) String owner, @RequestParam(required = false) String team,
                           @RequestParam(required = false) String channel, @RequestParam(required = false) String category,
                           @RequestParam(required = false) String responseId, @RequestParam(required = false) String contactId,
                           @RequestParam(required = false) String accountId, @RequestParam(required = false) String sort,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                           Principal principal) {
    View v = view == null ? View.ALL : parseView(view);
    if (status != null && !STATUSES.contains(status)) throw new InvalidField("status", "must be one of " + STATUSES);
    if (sort != null && !SORTS.contains(sort)) throw new InvalidField("sort", "must be one of " + SORTS);
    if (page < 0) throw new InvalidField("page", "must be 0 or more");
    if (size < 1 || size > 500) throw new InvalidField("size", "must be from 1 to 500");
    CaseFilter f = new CaseFilter(v, me(principal), status, owner, team, channel, category,
        responseId == null ? null : Json.uuid(responseId, "responseId"),
        contactId == null ? null : Json.uuid(contactId, "contactId"),
        accountId == null ? null : Json.uuid(accountId, "accountId"), sort);
    var result = queries.list(f, page, size);
    Instant now = clock.instant();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", result.items().stream().map(c -> view(c, now)).toList());
    out.put("total", result.total());
    out.put("page", page);
    out.put("size", size);
    return out;
  }

  @GetMapping("/counts")
  CaseQueries.InboxCounts counts(Principal principal) {
    return queries.counts(me(principal), clock.instant());
  }

  @GetMapping("/{id}")
  ResponseEntity<?> get(@PathVariable String id) {
    UUID caseId = Json.uuid(id, "id");
    return queries.find(caseId)
        .<ResponseEntity<?>>map(c -> {
          Map<String, Object> out = view(c, clock.instant());
          out.put("timeline", queries.timeline(caseId));
          return ResponseEntity.ok(out);
        })
        .orElseGet(CaseController::missing);
  }

  @Operation(summary = "Move a case forward", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseApiSchemas.StatusChange.class),
          examples = @ExampleObject(name = "example", value = CaseApiSchemas.STATUS_EXAMPLE))),
      responses = @ApiResponse(responseCode = "409", description = "not allowed in the case's state (`field` and `reason` say why)",
          content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem"))))
  @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> status(@PathVariable String id, @RequestBody JsonNode body, Principal p) {
    Json.only(body, "to");
    String to = Json.required(body, "to");
    CaseStatus s = CaseStatus.parse(to).orElseThrow(() -> new InvalidField("to",
        "must be one of contacted, in_conversation, awaiting_action (close and reopen have their own endpoints)"));
    return reply(followUps.move(Json.uuid(id, "id"), s, actor(p)));
  }

  @Operation(summary = "Close a case", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseApiSchemas.Close.class),
          examples = @ExampleObject(name = "example", value = CaseApiSchemas.CLOSE_EXAMPLE))),
      responses = @ApiResponse(responseCode = "409", description = "not allowed in the case's state (`field` and `reason` say why)",
          content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem"))))
  @PostMapping(path = "/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> close(@PathVariable String id, @RequestBody JsonNode body, Principal p) {
    Json.only(body, "outcome", "rootCause", "action");
    CaseOutcome outcome = CaseOutcome.parse(Json.required(body, "outcome"))
        .orElseThrow(() -> new InvalidField("outcome", "must be resolved, not_resolved or no_response"));
    return reply(followUps.close(Json.uuid(id, "id"), outcome, Json.text(body, "rootCause"), Json.text(body, "action"), actor(p)));
  }

  @Operation(summary = "Reopen a closed case (a new SLA cycle)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseApiSchemas.Reason.class),
          examples = @ExampleObject(name = "example", value = CaseApiSchemas.REOPEN_EXAMPLE))),
      responses = @ApiResponse(responseCode = "409", description = "not allowed in the case's state (`field` and `reason` say why)",
          content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem"))))
  @PostMapping(path = "/{id}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> reopen(@PathVariable String id, @RequestBody JsonNode body, Principal p) {
    Json.only(body, "reason");
    return reply(followUps.reopen(Json.uuid(id, "id"), Json.required(body, "reason"), actor(p)));
  }

  @Operation(summary = "Assign a case", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseApiSchemas.Assign.class),
          examples = @ExampleObject(name = "example", value = CaseApiSchemas.ASSIGN_EXAMPLE))),
      responses = @ApiResponse(responseCode = "409", description = "not allowed in the case's state (`field` and `reason` say why)",
          content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem"))))
  @PostMapping(path = "/{id}/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> assign(@PathVariable String id, @RequestBody JsonNode body, Principal p) {
    Json.only(body, "owner", "team", "reason");
    return reply(followUps.assign(Json.uuid(id, "id"), Json.text(body, "owner"), Json.text(body, "team"),
        Json.text(body, "reason"), actor(p)));
  }

  /** Bulk assignment: every case gets the owner; the answer lists each case's result. */
  @Operation(summary = "Assign many cases (a result per case)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseApiSchemas.AssignAll.class),
          examples = @ExampleObject(name = "example", value = CaseApiSchemas.ASSIGN_ALL_EXAMPLE))))
  @PostMapping(path = "/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> assignAll(@RequestBody JsonNode body, Principal p) {
    Json.only(body, "ids", "owner", "team", "reason");
    List<UUID> ids = Json.ids(body, "ids", 500);
    String owner = Json.text(body, "owner");
    String team = Json.text(body, "team");
    String reason = Json.text(body, "reason");
    List<Map<String, Object>> results = new ArrayList<>();
    for (UUID caseId : ids) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", caseId);
      switch (followUps.assign(caseId, owner, team, reason, actor(p))) {
        case CaseResult.Done d -> { r.put("status", "assigned"); r.put("owner", d.view().owner()); }
        case CaseResult.Missing m -> { r.put("status", "missing"); }
        case CaseResult.Refused x -> { r.put("status", "refused"); r.put("field", x.field()); r.put("reason", x.reason()); }
      }
      results.add(r);
    }
    return ResponseEntity.ok(Map.of("results", results));
  }

  @Operation(summary = "Escalate one level by hand", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseApiSchemas.Reason.class),
          examples = @ExampleObject(name = "example", value = CaseApiSchemas.ESCALATE_EXAMPLE))),
      responses = @ApiResponse(responseCode = "409", description = "not allowed in the case's state (`field` and `reason` say why)",
          content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem"))))
  @PostMapping(path = "/{id}/escalate", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> escalate(@PathVariable String id, @RequestBody JsonNode body, Principal p) {
    Json.only(body, "reason");
    return reply(followUps.escalate(Json.uuid(id, "id"), Json.required(body, "reason"), actor(p)));
  }

  @Operation(summary = "Record a contact attempt", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseApiSchemas.Attempt.class),
          examples = @ExampleObject(name = "example", value = CaseApiSchemas.ATTEMPT_EXAMPLE))))
  @PostMapping(path = "/{id}/attempts", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> attempt(@PathVariable String id, @RequestBody JsonNode body, Principal p) {
    Json.only(body, "channel", "result", "note");
    return reply(followUps.attempt(Json.uuid(id, "id"), Json.required(body, "channel"), Json.required(body, "result"),
        Json.text(body, "note"), actor(p)));
  }

  @Operation(summary = "Add a note", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseApiSchemas.Note.class),
          examples = @ExampleObject(name = "example", value = CaseApiSchemas.NOTE_EXAMPLE))))
  @PostMapping(path = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> note(@PathVariable String id, @RequestBody JsonNode body, Principal p) {
    Json.only(body, "text");
    return reply(followUps.note(Json.uuid(id, "id"), Json.required(body, "text"), actor(p)));
  }

  @Operation(summary = "Record the outcome (absent fields keep their values)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseApiSchemas.Outcome.class),
          examples = @ExampleObject(name = "example", value = CaseApiSchemas.OUTCOME_EXAMPLE))))
  @PutMapping(path = "/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> outcome(@PathVariable String id, @RequestBody JsonNode body, Principal p) {
    Json.only(body, "summary", "rootCause", "action", "commitment", "commitmentDue");
    return reply(followUps.record(Json.uuid(id, "id"), Json.text(body, "summary"), Json.text(body, "rootCause"),
        Json.text(body, "action"), Json.text(body, "commitment"), Json.date(body, "commitmentDue"), actor(p)));
  }

  private ResponseEntity<?> reply(CaseResult result) {
    return switch (result) {
      case CaseResult.Done d -> ResponseEntity.ok(view(d.view(), clock.instant()));
      case CaseResult.Missing m -> missing();
      case CaseResult.Refused x -> x.conflict()
          ? Problems.response(Problems.withField(HttpStatus.CONFLICT, "Not allowed in the case's state", x.field(), x.reason()))
          : Problems.unprocessable(x.field(), x.reason());
    };
  }

  static ResponseEntity<?> missing() {
    return Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "No such case", "id", "no case has this id"));
  }

  private static View parseView(String view) {
    try {
      return View.valueOf(view.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidField("view", "must be one of all, mine, team, unassigned, overdue, escalated, closed");
    }
  }

  /** The names the caller goes by: their login (email) and display name. */
  private List<String> me(Principal principal) {
    if (principal == null) return List.of();
    List<String> names = new ArrayList<>(List.of(principal.getName()));
    users.byEmail(principal.getName()).ifPresent(u -> names.add(u.displayName()));
    return names;
  }

  private static String actor(Principal p) {
    return p == null ? "unknown" : p.getName();
  }

  static Map<String, Object> json(CaseView c, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("responseId", c.responseId());
    m.put("contactId", c.contactId());
    m.put("accountId", c.accountId());
    m.put("score", c.score());
    m.put("category", c.category());
    m.put("status", c.status());
    m.put("outcome", c.outcome());
    m.put("owner", c.owner());
    m.put("team", c.team());
    m.put("queued", c.queued());
    m.put("channel", c.channel());
    m.put("play", c.play());
    m.put("priority", c.priority());
    m.put("priorityFactors", c.priorityFactors());
    m.put("rule", c.ruleName());
    m.put("ruleId", c.ruleId());
    m.put("openedAt", c.openedAt());
    m.put("receivedAt", c.receivedAt());
    m.put("dueAt", c.dueAt());
    m.put("calendar", c.calendar());
    m.put("overdue", c.overdue(now));
    m.put("slaMet", c.slaMet(now));
    m.put("escalationLevel", c.escalationLevel());
    m.put("escalatedTo", c.escalatedTo());
    m.put("reminded", c.reminded());
    m.put("cycle", c.cycle());
    m.put("firstContactAt", c.firstContactAt());
    m.put("closedAt", c.closedAt());
    m.put("summary", c.summary());
    m.put("rootCause", c.rootCause());
    m.put("action", c.actionTaken());
    m.put("commitment", c.commitment());
    m.put("commitmentDue", c.commitmentDue());
    m.put("resurveyDueAt", c.resurveyDueAt());
    m.put("recoveredScore", c.recoveredScore());
    m.put("recoveredAt", c.recoveredAt());
    m.put("version", c.version());
    m.put("severity", c.severity());
    m.put("nextStep", c.nextStep());
    return m;
  }
}
