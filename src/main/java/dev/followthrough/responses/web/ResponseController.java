package dev.followthrough.responses.web;

import dev.followthrough.platform.ApiSettings;
import dev.followthrough.platform.Problems;
import dev.followthrough.responses.ResponseIntake;
import dev.followthrough.platform.InvalidField;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.ResponseQueries.ResponseFilter;
import dev.followthrough.responses.domain.Intake;
import dev.followthrough.responses.domain.ResponseCommand;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

@RestController
@RequestMapping("/api/v1/responses")
class ResponseController {

  private final ResponseIntake intake;
  private final ResponseQueries queries;
  private final ApiSettings settings;

  ResponseController(ResponseIntake intake, ResponseQueries queries, ApiSettings settings) {
    this.intake = intake;
    this.queries = queries;
    this.settings = settings;
  }

  @Operation(summary = "Record one response", description = "With nested `contact` and `account`; idempotent by source and sourceId.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ResponseApiSchemas.ResponseRequest.class),
          examples = @ExampleObject(name = "detractor", value = ResponseApiSchemas.RESPONSE_EXAMPLE))),
      responses = {
          @ApiResponse(responseCode = "201", description = "recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = ResponseApiSchemas.StoredResponse.class),
              examples = @ExampleObject(name = "recorded", value = ResponseApiSchemas.STORED_EXAMPLE))),
          @ApiResponse(responseCode = "200", description = "a duplicate (same content) or an update (new content, next revision)",
              content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                  schema = @Schema(implementation = ResponseApiSchemas.StoredResponse.class)))})
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> record(@RequestBody JsonNode body) {
    return switch (ResponseRequestParser.parse(body, "api")) {
      case ResponseRequestParser.Parsed.Invalid x -> Problems.unprocessable(x.rejected().field(), x.rejected().reason());
      case ResponseRequestParser.Parsed.Ok ok -> switch (intake.record(ok.command())) {
        case Intake.Recorded r -> ResponseEntity.created(URI.create("/api/v1/responses/" + r.id())).body(stored(r.id(), "recorded"));
        case Intake.Updated u -> ResponseEntity.ok(stored(u.id(), "updated"));
        case Intake.Duplicate d -> ResponseEntity.ok(stored(d.id(), "duplicate"));
        case Intake.Rejected x -> Problems.unprocessable(x.field(), x.reason());
      };
    };
  }

  private Map<String, Object> stored(UUID id, String status) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status);
    queries.find(id).ifPresent(v -> out.putAll(ResponseJson.of(v)));
    return out;
  }

  /** Up to {@code followthrough.api.max-batch-items} items; a result per item, in order. */
  @Operation(summary = "Record many responses", description = "A result per item, in order; one bad item does not reject the rest.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ResponseApiSchemas.BatchRequest.class),
          examples = @ExampleObject(name = "two", value = ResponseApiSchemas.BATCH_EXAMPLE))),
      responses = @ApiResponse(responseCode = "200", description = "a result per item and a summary", content = @Content(
          mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ResponseApiSchemas.BatchResult.class),
          examples = @ExampleObject(name = "one recorded, one rejected", value = ResponseApiSchemas.BATCH_RESULT_EXAMPLE))))
  @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> batch(@RequestBody JsonNode body) {
    JsonNode items = body.isArray() ? body : body.get("items");
    if (items == null || !items.isArray()) return Problems.unprocessable("items", "must be an array of responses");
    if (items.isEmpty()) return Problems.unprocessable("items", "must hold at least one response");
    if (items.size() > settings.maxBatchItems())
      return Problems.unprocessable("items", "at most " + settings.maxBatchItems() + " per batch, was " + items.size());
    List<ResponseCommand> commands = new ArrayList<>();
    List<Integer> commandIndex = new ArrayList<>();
    Map<Integer, Intake.Rejected> parseErrors = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      switch (ResponseRequestParser.parse(items.get(i), "api")) {
        case ResponseRequestParser.Parsed.Ok ok -> { commands.add(ok.command()); commandIndex.add(i); }
        case ResponseRequestParser.Parsed.Invalid x -> parseErrors.put(i, x.rejected());
      }
    }
    List<Intake> outcomes = intake.recordAll(commands);
    Object[] results = new Object[items.size()];
    parseErrors.forEach((i, x) -> results[i] = item(i, x));
    for (int k = 0; k < outcomes.size(); k++) results[commandIndex.get(k)] = item(commandIndex.get(k), outcomes.get(k));
    Map<String, Long> summary = new LinkedHashMap<>();
    for (String s : List.of("recorded", "updated", "duplicate", "rejected")) summary.put(s, 0L);
    for (Object r : results) {
      @SuppressWarnings("unchecked") String s = (String) ((Map<String, Object>) r).get("status");
      summary.merge(s, 1L, Long::sum);
    }
    return ResponseEntity.ok(Map.of("summary", summary, "results", List.of(results)));
  }

  static Map<String, Object> item(int index, Intake outcome) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", index);
    switch (outcome) {
      case Intake.Recorded r -> { m.put("status", "recorded"); m.put("id", r.id()); m.put("category", r.category().key()); }
      case Intake.Updated u -> { m.put("status", "updated"); m.put("id", u.id()); m.put("category", u.category().key()); m.put("revision", u.revision()); }
      case Intake.Duplicate d -> { m.put("status", "duplicate"); m.put("id", d.id()); m.put("category", d.category().key()); }
      case Intake.Rejected x -> { m.put("status", "rejected"); m.put("field", x.field()); m.put("reason", x.reason()); }
    }
    return m;
  }

  @Operation(summary = "List responses", responses = @ApiResponse(responseCode = "200", content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ResponseApiSchemas.ResponsePage.class),
      examples = @ExampleObject(name = "empty", value = ResponseApiSchemas.LIST_EXAMPLE))))
  @GetMapping
  Map<String, Object> list(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                           @RequestParam(required = false) String program, @RequestParam(required = false) String kind,
                           @RequestParam(required = false) String tier, @RequestParam(required = false) String touchpoint,
                           @RequestParam(required = false) String account, @RequestParam(required = false) String category,
                           @RequestParam(required = false) String source, @RequestParam(required = false) String q,
                           @RequestParam(required = false) String language,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
    if (size < 1 || size > 500) throw new IllegalArgumentException("size must be 1..500");
    if (category != null && !List.of("promoter", "passive", "detractor").contains(category))
      throw new IllegalArgumentException("category must be promoter, passive or detractor");
    if (language != null && !language.matches("[a-z]{2,3}"))
      throw new InvalidField("language", "must be a detected language code such as fr, or und (too short to tell)");
    var result = queries.list(new ResponseFilter(from, to, program, kind, tier, touchpoint, account, category, source, q,
        language), page, size);
    return Map.of("items", result.items().stream().map(ResponseJson::of).toList(), "total", result.total(),
        "page", result.page(), "size", result.size());
  }

  @Operation(summary = "One response with its revision history", responses = @ApiResponse(responseCode = "200",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ResponseApiSchemas.StoredResponse.class))))
  @GetMapping("/{id}")
  ResponseEntity<?> get(@PathVariable UUID id) {
    return queries.find(id)
        .<ResponseEntity<?>>map(v -> {
          Map<String, Object> out = ResponseJson.of(v);
          out.put("history", queries.history(id));
          return ResponseEntity.ok(out);
        })
        .orElseGet(() -> Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", "no response " + id)));
  }
}
