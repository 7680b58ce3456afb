package dev.followthrough.interviews.web;

import dev.followthrough.interviews.InterviewGuides;
import dev.followthrough.interviews.Interviews;
import dev.followthrough.platform.InvalidField;
import dev.followthrough.platform.Problems;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff side: guides ({@code /api/v1/interview-guides}, saving needs MANAGER), the funnel per guide
 * ({@code /api/v1/interview-funnel}) and a case's interview with transcript and result.
 */
@RestController
class InterviewConsoleApiController {

  private final Interviews interviews;
  private final InterviewGuides guides;
  private final Clock clock;

  InterviewConsoleApiController(Interviews interviews, InterviewGuides guides, Clock clock) {
    this.interviews = interviews;
    this.guides = guides;
    this.clock = clock;
  }

  @GetMapping("/api/v1/interview-guides")
  Map<String, Object> guides() {
    return Map.of("items", guides.list());
  }

  @GetMapping("/api/v1/interview-guides/{key}")
  ResponseEntity<?> guide(@PathVariable String key, @RequestParam(required = false) Integer version) {
    return guides.json(key, version)
        .<ResponseEntity<?>>map(g -> {
          Map<String, Object> out = new LinkedHashMap<>(g);
          out.put("versions", guides.versions(key));
          return ResponseEntity.ok(out);
        })
        .orElseGet(() -> Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "No such guide", "key", "no guide " + key
            + (version == null ? "" : " version " + version))));
  }

  @PutMapping(path = "/api/v1/interview-guides/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> save(@PathVariable String key, @RequestBody String body, Principal p) {
    return switch (guides.save(key, body, p == null ? "unknown" : p.getName())) {
      case InterviewGuides.Saved.Created c -> ResponseEntity.status(HttpStatus.CREATED).body(c.guide());
      case InterviewGuides.Saved.Unchanged u -> ResponseEntity.ok(u.guide());
      case InterviewGuides.Saved.Invalid x -> Problems.unprocessable(x.field(), x.reason());
    };
  }

  /** Invited → opened → started → completed per guide and channel, with depth and duration; default: last 90 days. */
  @GetMapping("/api/v1/interview-funnel")
  Map<String, Object> funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Instant t = to == null ? clock.instant().plusSeconds(1) : instant(to, "to");
    Instant f = from == null ? t.minus(Duration.ofDays(90)) : instant(from, "from");
    if (!f.isBefore(t)) throw new InvalidField("from", "must be before to");
    return Map.of("from", f, "to", t, "guides", interviews.funnel(f, t));
  }

  @GetMapping("/api/v1/cases/{id}/interview")
  ResponseEntity<?> ofCase(@PathVariable String id) {
    UUID caseId;
    try {
      caseId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidField("id", "must be a UUID");
    }
    return interviews.forCase(caseId).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "No interview", "id", "this case has no interview")));
  }

  private static Instant instant(String s, String field) {
    try {
      return Instant.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, "must be an instant like 2026-11-01T00:00:00Z");
    }
  }
}
