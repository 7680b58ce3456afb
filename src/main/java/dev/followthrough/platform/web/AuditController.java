package dev.followthrough.platform.web;

import dev.followthrough.platform.Audit;
import dev.followthrough.platform.InvalidField;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin-only: the audit log, newest first; page back with {@code before=<id of the last entry>}. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

  private final Audit audit;

  AuditController(Audit audit) {
    this.audit = audit;
  }

  @GetMapping
  Map<String, Object> list(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
                           @RequestParam(required = false) String since, @RequestParam(required = false) String before,
                           @RequestParam(required = false) String limit) {
    List<Audit.Entry> items = audit.list(blank(action), blank(actor), instant("since", since), number("before", before, Long.MAX_VALUE),
        number("limit", limit, 500) == null ? 100 : number("limit", limit, 500).intValue());
    return Map.of("items", items.stream().map(e -> {
      var j = new java.util.LinkedHashMap<String, Object>();
      j.put("id", e.id());
      j.put("at", e.at().toString());
      j.put("actor", e.actor());
      j.put("action", e.action());
      if (e.target() != null) j.put("target", e.target());
      if (e.ip() != null) j.put("ip", e.ip());
      j.put("details", tools.jackson.databind.json.JsonMapper.builder().build().readTree(e.details()));
      return j;
    }).toList());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Instant instant(String field, String v) {
    if (blank(v) == null) return null;
    try {
      return Instant.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
    }
  }

  private static Long number(String field, String v, long max) {
    if (blank(v) == null) return null;
    try {
      long n = Long.parseLong(v.strip());
      if (n < 1 || n > max) throw new InvalidField(field, "must be between 1 and " + max);
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidField(field, "must be a whole number");
    }
  }
}
