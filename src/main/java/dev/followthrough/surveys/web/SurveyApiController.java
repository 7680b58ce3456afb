package dev.followthrough.surveys.web;

import dev.followthrough.platform.InvalidField;
import dev.followthrough.platform.Problems;
import dev.followthrough.surveys.SurveyEvents;
import dev.followthrough.surveys.SurveyPrograms;
import dev.followthrough.surveys.SurveyWidget;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Survey programs ({@code /api/v1/survey-programs}, managers change them), the events that trigger
 * transactional programs ({@code POST /api/v1/events}), a contact's surveys and the widget secret.
 */
@RestController
class SurveyApiController {

  private final SurveyPrograms programs;
  private final SurveyEvents events;
  private final SurveyWidget widget;

  SurveyApiController(SurveyPrograms programs, SurveyEvents events, SurveyWidget widget) {
    this.programs = programs;
    this.events = events;
    this.widget = widget;
  }

  @GetMapping("/api/v1/survey-programs")
  Map<String, Object> list() {
    return Map.of("items", programs.overviews().stream().map(o -> {
      Map<String, Object> m = ProgramJson.json(o.program());
      m.put("stats", ProgramJson.json(o.stats()));
      m.put("botHits", o.botHits());
      return m;
    }).toList());
  }

  @PostMapping(path = "/api/v1/survey-programs", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> create(@RequestBody JsonNode body) {
    return saved(programs.create(ProgramJson.parse(body)), true);
  }

  @PutMapping(path = "/api/v1/survey-programs/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> update(@PathVariable UUID id, @RequestBody JsonNode body) {
    return saved(programs.update(id, ProgramJson.parse(body)), false);
  }

  @GetMapping("/api/v1/survey-programs/{id}")
  ResponseEntity<?> get(@PathVariable UUID id) {
    return programs.overview(id).<ResponseEntity<?>>map(o -> {
      Map<String, Object> m = ProgramJson.json(o.program());
      m.put("stats", ProgramJson.json(o.stats()));
      m.put("botHits", o.botHits());
      return ResponseEntity.ok(m);
    }).orElseGet(SurveyApiController::notFound);
  }

  @GetMapping("/api/v1/survey-programs/{id}/projection")
  ResponseEntity<?> projection(@PathVariable UUID id) {
    return programs.find(id).<ResponseEntity<?>>map(p -> {
      var x = programs.project(p);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("audienceSize", x.audienceSize());
      m.put("sample", x.sample().stream().map(c -> Map.of("id", c.id(), "name", c.name() == null ? "" : c.name())).toList());
      m.put("period", x.period());
      m.put("periodStart", x.periodStart() == null ? null : x.periodStart().toString());
      m.put("periodEnd", x.periodEnd() == null ? null : x.periodEnd().toString());
      Map<String, Long> weeks = new LinkedHashMap<>();
      x.perWeek().forEach((k, v) -> weeks.put(k.toString(), v));
      m.put("perWeek", weeks);
      m.put("first", x.first().stream().map(f -> Map.of("contactId", f.contactId(), "at", f.at().toString(),
          "timeZone", f.timeZone(), "cohort", f.cohort())).toList());
      return ResponseEntity.ok(m);
    }).orElseGet(SurveyApiController::notFound);
  }

  @GetMapping("/api/v1/survey-programs/{id}/sends")
  ResponseEntity<?> sends(@PathVariable UUID id, @RequestParam(required = false) String status,
                          @RequestParam(defaultValue = "100") int limit) {
    if (programs.find(id).isEmpty()) return notFound();
    if (status != null && !Set.of("planned", "sent", "skipped", "responded").contains(status))
      throw new InvalidField("status", "must be planned, sent, skipped or responded");
    return ResponseEntity.ok(Map.of("items", programs.sends(id, status, limit).stream().map(ProgramJson::json).toList()));
  }

  @GetMapping("/api/v1/contacts/{id}/surveys")
  Map<String, Object> contact(@PathVariable UUID id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", programs.contactHistory(id).stream().map(ProgramJson::json).toList());
    m.put("next", programs.nextScheduled(id).map(ProgramJson::json).orElse(null));
    return m;
  }

  @PostMapping(path = "/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> event(@RequestBody JsonNode body) {
    if (body == null || !body.isObject()) throw new InvalidField("body", "must be a JSON object");
    for (Iterator<String> it = body.propertyNames().iterator(); it.hasNext(); ) {
      String f = it.next();
      if (!Set.of("id", "type", "contact", "occurredAt").contains(f)) throw new InvalidField(f, "is not a known field");
    }
    Instant at = null;
    String when = ProgramJson.text(body, "occurredAt");
    if (when != null) {
      try {
        at = Instant.parse(when);
      } catch (DateTimeParseException e) {
        throw new InvalidField("occurredAt", "must be an ISO-8601 instant like 2026-12-01T10:00:00Z");
      }
    }
    var r = events.receive(new SurveyEvents.Event(ProgramJson.text(body, "id"), ProgramJson.text(body, "type"),
        ProgramJson.text(body, "contact"), at));
    return switch (r) {
      case SurveyEvents.Received.Planned p -> ResponseEntity.accepted().body(Map.of("id", p.eventId(), "duplicate", false,
          "sends", p.sends().stream().map(ProgramJson::json).toList()));
      case SurveyEvents.Received.Duplicate d -> ResponseEntity.ok(Map.of("id", d.eventId(), "duplicate", true));
      case SurveyEvents.Received.Rejected x -> Problems.unprocessable(x.field(), x.reason());
    };
  }

  @GetMapping("/api/v1/survey-widget/secret")
  Map<String, Object> secret() {
    return secretJson(widget.secret());
  }

  @PostMapping("/api/v1/survey-widget/secret/rotate")
  Map<String, Object> rotate() {
    return secretJson(widget.rotate());
  }

  private static Map<String, Object> secretJson(SurveyWidget.Secret s) {
    return Map.of("secret", s.secret(), "previousStillAccepted", s.previousStillAccepted(), "rotatedAt", s.rotatedAt().toString());
  }

  private static ResponseEntity<?> saved(SurveyPrograms.Saved s, boolean created) {
    return switch (s) {
      case SurveyPrograms.Saved.Ok ok -> {
        Map<String, Object> m = ProgramJson.json(ok.program());
        yield created ? ResponseEntity.created(URI.create("/api/v1/survey-programs/" + ok.program().id())).body(m)
            : ResponseEntity.ok(m);
      }
      case SurveyPrograms.Saved.Invalid x -> Problems.unprocessable(x.field(), x.reason());
      case SurveyPrograms.Saved.NotFound n -> notFound();
    };
  }

  private static ResponseEntity<?> notFound() {
    return Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "Not found", "id", "no such survey program"));
  }
}
