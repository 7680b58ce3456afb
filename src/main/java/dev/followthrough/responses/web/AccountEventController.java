package dev.followthrough.responses.web;

import dev.followthrough.platform.ApiSettings;
import dev.followthrough.platform.Problems;
import dev.followthrough.responses.AccountEvents;
import dev.followthrough.responses.AccountEvents.Command;
import dev.followthrough.responses.AccountEvents.Event;
import dev.followthrough.responses.AccountEvents.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Renewal and churn events of accounts. {@code POST /api/v1/accounts/{id}/events} (id = our uuid or the
 * account's external id): 201 recorded, 200 duplicate (the existing event), 409 same identity with other
 * content, 404 unknown account, 422 naming the field. {@code POST /api/v1/accounts/events/batch} and
 * {@code POST /api/v1/imports/account-events} (CSV, streamed) answer per item / per row.
 */
@RestController
class AccountEventController {

  static final int MAX_ERRORS = 1000;
  private static final int MAX_EXTERNAL_ID = 200;

  private final AccountEvents events;
  private final ApiSettings settings;

  AccountEventController(AccountEvents events, ApiSettings settings) {
    this.events = events;
    this.settings = settings;
  }

  /** A parsed request: a command or the field that is wrong. */
  sealed interface Parsed {
    record Ok(Command command) implements Parsed {}
    record Invalid(String field, String reason) implements Parsed {}
  }

  static Parsed parse(String kind, String date, String arrChange, String externalId, String source) {
    if (kind == null || kind.isBlank()) return new Parsed.Invalid("kind", "is required: one of " + AccountEvents.KINDS);
    String k = kind.strip().toLowerCase(Locale.ROOT);
    if (!AccountEvents.KINDS.contains(k)) return new Parsed.Invalid("kind", "must be one of " + AccountEvents.KINDS);
    if (date == null || date.isBlank()) return new Parsed.Invalid("date", "is required (yyyy-mm-dd)");
    LocalDate d;
    try {
      d = LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      return new Parsed.Invalid("date", "must be a date like 2026-11-30");
    }
    BigDecimal arr = null;
    if (arrChange != null && !arrChange.isBlank()) {
      try {
        arr = new BigDecimal(arrChange.strip());
      } catch (NumberFormatException e) {
        return new Parsed.Invalid("arrChange", "must be a number");
      }
      if (arr.abs().compareTo(new BigDecimal("1e13")) >= 0) return new Parsed.Invalid("arrChange", "is too large");
    }
    String ext = externalId == null || externalId.isBlank() ? null : externalId.strip();
    if (ext != null && ext.length() > MAX_EXTERNAL_ID)
      return new Parsed.Invalid("externalId", "must be at most " + MAX_EXTERNAL_ID + " characters");
    return new Parsed.Ok(new Command(k, d, arr, ext, source));
  }

  static Parsed parse(JsonNode n, String source) {
    if (n == null || !n.isObject()) return new Parsed.Invalid("body", "must be a JSON object");
    for (String name : n.propertyNames()) {
      if (!List.of("kind", "date", "arrChange", "externalId", "account").contains(name))
        return new Parsed.Invalid(name, "is not a known field; use kind, date, arrChange, externalId");
    }
    JsonNode arr = n.get("arrChange");
    if (arr != null && !arr.isNull() && !arr.isNumber()) return new Parsed.Invalid("arrChange", "must be a number");
    return parse(text(n, "kind"), text(n, "date"), arr == null || arr.isNull() ? null : arr.decimalValue().toPlainString(),
        text(n, "externalId"), source);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "Record an account event (renewal, churn, …)",
      description = "`{id}` is our uuid or the account's external id. 201 recorded, 200 duplicate, 409 same identity with other content.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
          mediaType = MediaType.APPLICATION_JSON_VALUE,
          schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ResponseApiSchemas.AccountEventRequest.class),
          examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "churn", value = ResponseApiSchemas.ACCOUNT_EVENT_EXAMPLE))))
  @PostMapping(path = "/api/v1/accounts/{id}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> record(@PathVariable String id, @RequestBody JsonNode body) {
    return switch (parse(body, "api")) {
      case Parsed.Invalid x -> Problems.unprocessable(x.field(), x.reason());
      case Parsed.Ok ok -> switch (events.record(id, ok.command())) {
        case Outcome.Recorded r -> ResponseEntity.created(URI.create("/api/v1/accounts/" + r.event().accountId() + "/events"))
            .body(json(r.event(), "recorded"));
        case Outcome.Duplicate d -> ResponseEntity.ok(json(d.event(), "duplicate"));
        case Outcome.Conflict c -> {
          var p = Problems.withField(HttpStatus.CONFLICT, "Conflicting account event", c.field(),
              "an event with the same " + (c.existing().externalId() != null && c.existing().externalId().equals(ok.command().externalId())
                  ? "external id" : "kind and date") + " exists with another " + c.field());
          p.setProperty("existing", json(c.existing(), "existing"));
          yield Problems.response(p);
        }
        case Outcome.NoSuchAccount n -> noAccount();
      };
    };
  }

  private static ResponseEntity<?> noAccount() {
    return Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "No such account", "id",
        "no account has this id or external id"));
  }

  @GetMapping("/api/v1/accounts/{id}/events")
  ResponseEntity<?> list(@PathVariable String id) {
    return events.list(id)
        .<ResponseEntity<?>>map(list -> ResponseEntity.ok(Map.of("items", list.stream().map(e -> json(e, null)).toList())))
        .orElseGet(AccountEventController::noAccount);
  }

  /** {@code {"items": [{"account", "kind", "date", "arrChange", "externalId"}]}}: a result per item, in order. */
  @PostMapping(path = "/api/v1/accounts/events/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> batch(@RequestBody JsonNode body) {
    JsonNode items = body.isArray() ? body : body.get("items");
    if (items == null || !items.isArray()) return Problems.unprocessable("items", "must be an array of account events");
    if (items.size() > settings.maxBatchItems())
      return Problems.unprocessable("items", "at most " + settings.maxBatchItems() + " per batch, was " + items.size());
    Tally tally = new Tally();
    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String account = item != null && item.isObject() ? text(item, "account") : null;
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("index", i);
      r.putAll(account == null || account.isBlank() ? rejected("account", "is required: our id or the account's external id")
          : one(account, parse(item, "batch")));
      tally.count((String) r.get("status"));
      results.add(r);
    }
    return ResponseEntity.ok(Map.of("summary", tally.summary(), "results", results));
  }

  /**
   * CSV with a header row: {@code account}, {@code kind}, {@code date}, optional {@code arrChange} (or
   * {@code arr_change}) and {@code externalId} (or {@code external_id}, {@code event_id}). Read row by row;
   * each row is its own transaction, so a bad row costs only itself.
   */
  @PostMapping(path = "/api/v1/imports/account-events", consumes = {"text/csv", MediaType.MULTIPART_FORM_DATA_VALUE})
  ResponseEntity<?> importCsv(HttpServletRequest request) throws IOException, jakarta.servlet.ServletException {
    boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/");
    var part = multipart ? request.getPart("file") : null;
    if (multipart && part == null) return Problems.unprocessable("file", "is required: send the CSV as the multipart part \"file\"");
    try (InputStream in = multipart ? part.getInputStream() : request.getInputStream();
         CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8), null)) {
      CsvReader.Row header = csv.next();
      if (header == null || header.malformed() != null) return Problems.unprocessable("file", "needs a header row");
      Map<String, Integer> columns = columns(header.fields());
      for (String required : List.of("account", "kind", "date")) {
        if (!columns.containsKey(required))
          return Problems.unprocessable(required, "no column for it; the header needs account, kind, date (arrChange, externalId optional)");
      }
      Tally tally = new Tally();
      List<Map<String, Object>> errors = new ArrayList<>();
      long rows = 0;
      for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
        if (row.isBlank()) continue;
        rows++;
        Map<String, Object> r = row.malformed() != null ? rejected("row", row.malformed()) : one(
            cell(row, columns, "account"),
            parse(cell(row, columns, "kind"), cell(row, columns, "date"), cell(row, columns, "arrChange"),
                cell(row, columns, "externalId"), "csv"));
        if (r.get("status").equals("rejected") && cell(row, columns, "account") == null && row.malformed() == null)
          r = rejected("account", "is required");
        String status = (String) r.get("status");
        tally.count(status);
        if ((status.equals("rejected") || status.equals("conflict")) && errors.size() < MAX_ERRORS) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("row", row.number());
          e.put("line", row.line());
          e.put("field", r.get("field"));
          e.put("reason", r.get("reason"));
          errors.add(e);
        }
      }
      Map<String, Object> out = new LinkedHashMap<>(tally.summary());
      out.put("rows", rows);
      out.put("errors", errors);
      return ResponseEntity.ok(out);
    }
  }

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("account", "account"), Map.entry("accountid", "account"), Map.entry("account_id", "account"),
      Map.entry("kind", "kind"), Map.entry("event", "kind"), Map.entry("type", "kind"),
      Map.entry("date", "date"), Map.entry("eventdate", "date"), Map.entry("event_date", "date"),
      Map.entry("arrchange", "arrChange"), Map.entry("arr_change", "arrChange"), Map.entry("arr", "arrChange"),
      Map.entry("externalid", "externalId"), Map.entry("external_id", "externalId"), Map.entry("event_id", "externalId"),
      Map.entry("eventid", "externalId"));

  static Map<String, Integer> columns(List<String> header) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String field = ALIASES.get(header.get(i).strip().toLowerCase(Locale.ROOT));
      if (field != null) out.putIfAbsent(field, i);
    }
    return out;
  }

  private static String cell(CsvReader.Row row, Map<String, Integer> columns, String field) {
    Integer i = columns.get(field);
    if (i == null || i >= row.fields().size()) return null;
    String v = row.fields().get(i).strip();
    return v.isEmpty() ? null : v;
  }

  private Map<String, Object> one(String account, Parsed parsed) {
    if (account == null) return rejected("account", "is required");
    return switch (parsed) {
      case Parsed.Invalid x -> rejected(x.field(), x.reason());
      case Parsed.Ok ok -> switch (events.record(account, ok.command())) {
        case Outcome.Recorded r -> json(r.event(), "recorded");
        case Outcome.Duplicate d -> json(d.event(), "duplicate");
        case Outcome.Conflict c -> {
          Map<String, Object> m = json(c.existing(), "conflict");
          m.put("field", c.field());
          m.put("reason", "an event with the same identity exists with another " + c.field());
          yield m;
        }
        case Outcome.NoSuchAccount n -> rejected("account", "no account has this id or external id");
      };
    };
  }

  private static Map<String, Object> rejected(String field, String reason) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", "rejected");
    m.put("field", field);
    m.put("reason", reason);
    return m;
  }

  static Map<String, Object> json(Event e, String status) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (status != null) m.put("status", status);
    m.put("id", e.id());
    m.put("accountId", e.accountId());
    m.put("account", e.accountExternalId());
    m.put("kind", e.kind());
    m.put("date", e.date().toString());
    m.put("arrChange", e.arrChange());
    m.put("externalId", e.externalId());
    m.put("source", e.source());
    m.put("recordedAt", e.recordedAt().toString());
    return m;
  }

  private static final class Tally {
    private final Map<String, Long> counts = new LinkedHashMap<>();

    Tally() {
      for (String s : List.of("recorded", "duplicate", "conflict", "rejected")) counts.put(s, 0L);
    }

    void count(String status) {
      counts.merge(status, 1L, Long::sum);
    }

    Map<String, Long> summary() {
      return counts;
    }
  }
}
