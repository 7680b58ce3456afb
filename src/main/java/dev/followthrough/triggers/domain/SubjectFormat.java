package dev.followthrough.triggers.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A sample response for a dry run ({@code POST /api/v1/rules/test}), read as strictly as a rule. */
public final class SubjectFormat {

  private static final Set<String> KEYS = Set.of("score", "tier", "arr", "program", "kind", "touchpoint", "comment",
      "hasComment", "language", "attributes", "previousScore", "renewalDate", "respondedAt", "optedOut", "hasOpenCase",
      "lastFollowUpAt", "contactId");

  private SubjectFormat() {}

  public static Subject read(Object node, String prefix, Instant now) {
    Map<String, Object> m = RuleFormat.object(node, prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1));
    for (String k : m.keySet()) {
      if (!KEYS.contains(k)) throw new RuleFormat.Invalid(prefix + k, "is not a known field");
    }
    Integer score = RuleFormat.integer(m.get("score"), prefix + "score", 0, 10);
    if (score == null) throw new RuleFormat.Invalid(prefix + "score", "is required");
    String comment = RuleFormat.text(m.get("comment"), prefix + "comment");
    Boolean hasComment = RuleFormat.bool(m.get("hasComment"), prefix + "hasComment");
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (m.get("attributes") != null) {
      RuleFormat.object(m.get("attributes"), prefix + "attributes").forEach((k, v) -> {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) attributes.put(k, v);
        else if (v != null) throw new RuleFormat.Invalid(prefix + "attributes." + k, "must be a string, number or boolean");
      });
    }
    Instant respondedAt = instant(m.get("respondedAt"), prefix + "respondedAt");
    UUID contact = null;
    String c = RuleFormat.text(m.get("contactId"), prefix + "contactId");
    if (c != null) {
      try {
        contact = UUID.fromString(c);
      } catch (IllegalArgumentException e) {
        throw new RuleFormat.Invalid(prefix + "contactId", "must be a UUID");
      }
    }
    BigDecimal arr = RuleFormat.decimal(m.get("arr"), prefix + "arr");
    return new Subject(UUID.randomUUID(), 1, contact, null, score, RuleFormat.text(m.get("tier"), prefix + "tier"), arr,
        RuleFormat.text(m.get("program"), prefix + "program"), RuleFormat.text(m.get("kind"), prefix + "kind"),
        RuleFormat.text(m.get("touchpoint"), prefix + "touchpoint"),
        hasComment != null ? hasComment : comment != null, RuleFormat.text(m.get("language"), prefix + "language"),
        attributes, RuleFormat.integer(m.get("previousScore"), prefix + "previousScore", 0, 10),
        date(m.get("renewalDate"), prefix + "renewalDate"), respondedAt == null ? now : respondedAt,
        now, Boolean.TRUE.equals(RuleFormat.bool(m.get("optedOut"), prefix + "optedOut")),
        Boolean.TRUE.equals(RuleFormat.bool(m.get("hasOpenCase"), prefix + "hasOpenCase")),
        instant(m.get("lastFollowUpAt"), prefix + "lastFollowUpAt"));
  }

  private static Instant instant(Object v, String field) {
    if (v instanceof java.util.Date d) return d.toInstant(); // YAML timestamps
    String s = RuleFormat.text(v, field);
    if (s == null) return null;
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new RuleFormat.Invalid(field, "must be an ISO-8601 timestamp with offset, like 2026-03-01T09:30:00Z");
    }
  }

  private static LocalDate date(Object v, String field) {
    String s = RuleFormat.text(v, field);
    if (s == null) return null;
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new RuleFormat.Invalid(field, "must be a date like 2026-09-30");
    }
  }
}
