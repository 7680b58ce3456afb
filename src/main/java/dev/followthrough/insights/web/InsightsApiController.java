package dev.followthrough.insights.web;

import dev.followthrough.insights.Backlogs;
import dev.followthrough.insights.CodebookJson;
import dev.followthrough.insights.Codebooks;
import dev.followthrough.insights.Coding;
import dev.followthrough.insights.InsightCoding;
import dev.followthrough.insights.InsightReports;
import dev.followthrough.insights.InsightsSettings;
import dev.followthrough.platform.Problems;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

/** The insights HTTP API: codebook, coding, review, impact, search, themes, passives and backlogs. */
@RestController
class InsightsApiController {

  private final Codebooks codebooks;
  private final InsightCoding coding;
  private final InsightReports reports;
  private final Backlogs backlogs;
  private final InsightsSettings settings;

  InsightsApiController(Codebooks codebooks, InsightCoding coding, InsightReports reports, Backlogs backlogs,
                        InsightsSettings settings) {
    this.codebooks = codebooks;
    this.coding = coding;
    this.reports = reports;
    this.backlogs = backlogs;
    this.settings = settings;
  }

  // ---- codebook ---------------------------------------------------------------------------------------------

  @GetMapping("/api/v1/codebook")
  Map<String, Object> codebook() {
    return CodebookJson.of(codebooks.current());
  }

  @GetMapping("/api/v1/codebook/versions")
  List<Codebooks.Version> versions() {
    return codebooks.versions();
  }

  /** Replaces the codebook with a new version; the body is the same JSON GET returns (its "version" is ignored). */
  @PutMapping(path = "/api/v1/codebook", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> saveCodebook(@RequestBody JsonNode body, @RequestParam(required = false) String note, Principal who) {
    return switch (CodebookJson.parse(body)) {
      case CodebookJson.Parsed.Invalid x -> Problems.unprocessable(x.field(), x.reason());
      case CodebookJson.Parsed.Ok ok -> ResponseEntity.ok(CodebookJson.of(codebooks.save(ok.codebook(), note, name(who))));
    };
  }

  // ---- coding -----------------------------------------------------------------------------------------------

  @PostMapping(path = "/api/v1/insights/code", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> code(@RequestBody JsonNode body) {
    JsonNode texts = body.get("texts");
    if (texts == null || !texts.isArray()) return Problems.unprocessable("texts", "must be an array of strings");
    if (texts.isEmpty()) return Problems.unprocessable("texts", "must not be empty");
    if (texts.size() > settings.maxTextsPerRequest())
      return Problems.unprocessable("texts", "at most " + settings.maxTextsPerRequest() + " per request, was " + texts.size());
    List<String> in = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      JsonNode t = texts.get(i);
      if (!t.isString() || t.asString().isBlank()) return Problems.unprocessable("texts[" + i + "]", "must be a non-empty string");
      if (t.asString().length() > 20_000) return Problems.unprocessable("texts[" + i + "]", "at most 20000 characters");
      in.add(t.asString());
    }
    List<InsightCoding.CodedText> coded = coding.code(in);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("codebookVersion", coded.isEmpty() ? coding.codebookVersion() : coded.getFirst().codebookVersion());
    out.put("results", coded.stream().map(c -> {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("text", c.text());
      r.put("bestSimilarity", c.bestSimilarity());
      r.put("mechanisms", c.mechanisms().stream().map(m -> {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("mechanism", m.mechanism());
        x.put("category", m.category());
        x.put("confidence", m.confidence());
        x.put("similarity", m.similarity());
        x.put("name", m.mechanismName());
        x.put("owner", m.owner());
        x.put("evidence", Map.of("start", m.evidenceStart(), "end", m.evidenceEnd(), "text", m.evidence()));
        x.put("polarity", m.polarity());
        return x;
      }).toList());
      return r;
    }).toList());
    return ResponseEntity.ok(out);
  }

  @GetMapping("/api/v1/insights/codings")
  ResponseEntity<?> codings(@RequestParam String responseId) {
    UUID id = uuid(responseId);
    if (id == null) return Problems.unprocessable("responseId", "must be a UUID");
    return ResponseEntity.ok(coding.codingsOfResponse(id).stream().map(InsightsApiController::view).toList());
  }

  /** A person codes a response's comment to a mechanism the machine did not give it. */
  @PostMapping(path = "/api/v1/insights/codings", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> assign(@RequestBody JsonNode body, Principal who) {
    UUID responseId = body.get("responseId") == null ? null : uuid(body.get("responseId").asString());
    if (responseId == null) return Problems.unprocessable("responseId", "must be a response id");
    JsonNode m = body.get("mechanism");
    if (m == null || !m.isString()) return Problems.unprocessable("mechanism", "must be a mechanism key of the codebook");
    return reviewed(coding.assign(InsightCoding.RESPONSE, responseId, m.asString(), name(who)));
  }

  @GetMapping("/api/v1/insights/review")
  Map<String, Object> review(@RequestParam(defaultValue = "50") int limit) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pending", reports.reviewQueueSize());
    out.put("agreement", reports.agreement());
    out.put("items", reports.reviewQueue(Math.max(1, Math.min(500, limit))).stream().map(InsightsApiController::view).toList());
    return out;
  }

  @GetMapping("/api/v1/insights/agreement")
  InsightReports.Agreement agreement() {
    return reports.agreement();
  }

  @PostMapping("/api/v1/insights/codings/{id}/confirm")
  ResponseEntity<?> confirm(@PathVariable String id, Principal who) {
    UUID uuid = uuid(id);
    return uuid == null ? notFound() : reviewed(coding.confirm(uuid, name(who)));
  }

  @PostMapping("/api/v1/insights/codings/{id}/reject")
  ResponseEntity<?> reject(@PathVariable String id, Principal who) {
    UUID uuid = uuid(id);
    return uuid == null ? notFound() : reviewed(coding.reject(uuid, name(who)));
  }

  @PostMapping(path = "/api/v1/insights/codings/{id}/correct", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> correct(@PathVariable String id, @RequestBody JsonNode body, Principal who) {
    UUID uuid = uuid(id);
    if (uuid == null) return notFound();
    JsonNode m = body.get("mechanism");
    if (m == null || !m.isString()) return Problems.unprocessable("mechanism", "must be a mechanism key of the codebook");
    return reviewed(coding.correct(uuid, m.asString(), name(who)));
  }

  private static ResponseEntity<?> reviewed(InsightCoding.Review r) {
    return switch (r) {
      case InsightCoding.Review.Done d -> ResponseEntity.ok(Map.of("id", d.codingId(), "status", d.status(), "mechanism", d.mechanism()));
      case InsightCoding.Review.NotFound n -> notFound();
      case InsightCoding.Review.Invalid x -> Problems.unprocessable(x.field(), x.reason());
    };
  }

  private static ResponseEntity<?> notFound() {
    return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", "no such coding"));
  }

  static Map<String, Object> view(Coding c) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("id", c.id());
    x.put("sourceType", c.sourceType());
    x.put("sourceId", c.sourceId());
    x.put("link", c.link());
    x.put("mechanism", c.mechanism());
    x.put("category", c.category());
    x.put("confidence", c.confidence());
    x.put("evidence", Map.of("start", c.evidenceStart(), "end", c.evidenceEnd(), "text", c.evidence()));
    x.put("statedReason", c.statedReason());
    x.put("polarity", c.polarity());
    x.put("codebookVersion", c.codebookVersion());
    x.put("status", c.status());
    x.put("needsReview", c.needsReview());
    x.put("machineMechanism", c.machineMechanism());
    x.put("reviewedBy", c.reviewedBy());
    x.put("text", c.text());
    x.put("npsCategory", c.npsCategory());
    x.put("score", c.score());
    return x;
  }

  // ---- impact, search, themes, passives -----------------------------------------------------------------------

  private static final List<String> POLARITIES = java.util.Arrays.stream(dev.followthrough.insights.domain.Polarity.values())
      .map(dev.followthrough.insights.domain.Polarity::key).toList();

  @GetMapping("/api/v1/insights/impact")
  ResponseEntity<?> impact(@RequestParam Map<String, String> params) {
    String polarity = params.get("polarity");
    if (polarity != null && !polarity.isBlank() && !POLARITIES.contains(polarity))
      return Problems.unprocessable("polarity", "must be one of " + String.join(", ", POLARITIES));
    String p = polarity == null || polarity.isBlank() ? null : polarity;
    return withFilter(params, reports.zone(), f -> ResponseEntity.ok(reports.impact(f, p)));
  }

  @GetMapping("/api/v1/insights/search")
  ResponseEntity<?> search(@RequestParam Map<String, String> params) {
    String q = params.get("q");
    if (q == null || q.isBlank()) return Problems.unprocessable("q", "is required");
    if (q.length() > 500) return Problems.unprocessable("q", "at most 500 characters");
    String mode = params.getOrDefault("mode", "text");
    if (!Set.of("text", "semantic").contains(mode)) return Problems.unprocessable("mode", "must be text or semantic");
    int limit = Math.max(1, Math.min(200, parseInt(params.get("limit"), 20)));
    return withFilter(params, reports.zone(), f -> ResponseEntity.ok(Map.of("mode", mode, "items",
        reports.search(q, InsightReports.SearchMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT)), f, limit))));
  }

  @GetMapping("/api/v1/insights/themes")
  ResponseEntity<?> themes(@RequestParam Map<String, String> params) {
    return withFilter(params, reports.zone(), f -> ResponseEntity.ok(reports.themes(f)));
  }

  /** Promotes an emerging theme into the codebook as a new mechanism (a new codebook version). */
  @PostMapping(path = "/api/v1/insights/themes/promote", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> promote(@RequestBody JsonNode body, Principal who) {
    List<String> examples = new ArrayList<>();
    JsonNode ex = body.get("examples");
    if (ex != null && ex.isArray()) ex.forEach(e -> { if (e.isString()) examples.add(e.asString()); });
    return switch (codebooks.addMechanism(str(body, "category"), str(body, "key"), str(body, "name"), str(body, "description"),
        str(body, "owner"), examples, name(who))) {
      case CodebookJson.Parsed.Invalid x -> Problems.unprocessable(x.field(), x.reason());
      case CodebookJson.Parsed.Ok ok -> ResponseEntity.ok(CodebookJson.of(ok.codebook()));
    };
  }

  @GetMapping("/api/v1/insights/passives")
  ResponseEntity<?> passives(@RequestParam Map<String, String> params) {
    return withFilter(params, reports.zone(), f -> ResponseEntity.ok(reports.passives(f)));
  }

  // ---- backlogs ------------------------------------------------------------------------------------------------

  @PostMapping("/api/v1/insights/backlog")
  ResponseEntity<?> startBacklog(@RequestBody(required = false) JsonNode body, Principal who) {
    String scope = body == null || body.get("scope") == null ? "uncoded" : body.get("scope").asString();
    Backlogs.Scope s;
    switch (scope) {
      case "uncoded" -> s = Backlogs.Scope.UNCODED;
      case "all" -> s = Backlogs.Scope.ALL;
      default -> { return Problems.unprocessable("scope", "must be uncoded or all"); }
    }
    String source = body == null || body.get("source") == null || body.get("source").isNull() ? null : body.get("source").asString();
    if (source != null && source.isBlank()) return Problems.unprocessable("source", "must not be blank when given");
    Backlogs.Job job = backlogs.start(s, source, name(who));
    return ResponseEntity.accepted().location(URI.create("/api/v1/insights/backlog/" + job.id())).body(job);
  }

  @GetMapping("/api/v1/insights/backlog/{id}")
  ResponseEntity<?> backlog(@PathVariable String id) {
    UUID uuid = uuid(id);
    return (uuid == null ? java.util.Optional.<Backlogs.Job>empty() : backlogs.progress(uuid))
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", "no such backlog job")));
  }

  @GetMapping("/api/v1/insights/backlog")
  List<Backlogs.Job> backlogs() {
    return backlogs.recent(50);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  /** Parses {@code from}/{@code to} (dates, to exclusive), {@code tier}, {@code category} and {@code mechanism}. */
  static ResponseEntity<?> withFilter(Map<String, String> p, ZoneId zone,
                                      java.util.function.Function<InsightReports.Filter, ResponseEntity<?>> then) {
    Instant from = null, to = null;
    try {
      if (blank(p.get("from")) == null) from = null; else from = LocalDate.parse(p.get("from").trim()).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      return Problems.unprocessable("from", "must be a date like 2026-01-31");
    }
    try {
      if (blank(p.get("to")) != null) to = LocalDate.parse(p.get("to").trim()).plusDays(1).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      return Problems.unprocessable("to", "must be a date like 2026-01-31");
    }
    String category = blank(p.get("category"));
    if (category != null && !Set.of("promoter", "passive", "detractor").contains(category))
      return Problems.unprocessable("category", "must be promoter, passive or detractor");
    return then.apply(new InsightReports.Filter(from, to, blank(p.get("tier")), category, blank(p.get("mechanism"))));
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static int parseInt(String s, int fallback) {
    try {
      return s == null ? fallback : Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String str(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || !v.isString() ? null : v.asString().trim();
  }

  static UUID uuid(String s) {
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String name(Principal who) {
    return who == null ? "api" : who.getName();
  }
}
