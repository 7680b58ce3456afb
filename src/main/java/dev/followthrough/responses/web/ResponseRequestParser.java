package dev.followthrough.responses.web;

import dev.followthrough.responses.domain.AccountData;
import dev.followthrough.responses.domain.ContactData;
import dev.followthrough.responses.domain.Intake;
import dev.followthrough.responses.domain.Kind;
import dev.followthrough.responses.domain.ResponseCommand;
import dev.followthrough.responses.domain.Score;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a response from JSON by hand rather than by data binding: binding would silently turn 7.5
 * into 7 and cannot name the offending field of a nested object. Every rejection names its field.
 */
public final class ResponseRequestParser {

  /** Either a command or the reason there is none. */
  public sealed interface Parsed {
    record Ok(ResponseCommand command) implements Parsed {}
    record Invalid(Intake.Rejected rejected) implements Parsed {}
  }

  private static final class Bad extends RuntimeException {
    final String field;
    Bad(String field, String reason) {
      super(reason, null, false, false);
      this.field = field;
    }
  }

  private static final Set<String> TOP = Set.of("source", "sourceId", "score", "comment", "respondedAt", "program",
      "kind", "touchpoint", "language", "attributes", "contact", "account");

  private ResponseRequestParser() {}

  public static Parsed parse(JsonNode node, String defaultSource) {
    try {
      return new Parsed.Ok(read(node, defaultSource));
    } catch (Bad b) {
      return new Parsed.Invalid(new Intake.Rejected(b.field, b.getMessage()));
    }
  }

  private static ResponseCommand read(JsonNode node, String defaultSource) {
    if (node == null || !node.isObject()) throw new Bad("body", "must be a JSON object");
    for (var e : node.properties()) {
      if (!TOP.contains(e.getKey())) throw new Bad(e.getKey(), "is not a known field");
    }
    Score score = score(node.get("score"));
    String source = text(node, "source", "");
    if (source == null) source = defaultSource;
    return new ResponseCommand(source, text(node, "sourceId", ""), score, text(node, "comment", ""),
        instant(node, "respondedAt", ""), text(node, "program", ""), kind(node.get("kind")),
        text(node, "touchpoint", ""), text(node, "language", ""), attributes(node.get("attributes"), "attributes"),
        contact(node.get("contact")), account(node.get("account")));
  }

  static Score score(JsonNode n) {
    if (n == null || n.isNull()) throw new Bad("score", "is required");
    if (!n.isNumber()) throw new Bad("score", "must be a whole number from 0 to 10, was " + n);
    if (!n.isIntegralNumber()) {
      double d = n.asDouble();
      if (d != Math.rint(d)) throw new Bad("score", "must be a whole number from 0 to 10, was " + n);
    }
    double d = n.asDouble();
    if (d < 0 || d > 10) throw new Bad("score", "must be from 0 to 10, was " + n);
    return new Score((int) d);
  }

  static Kind kind(JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (!n.isString()) throw new Bad("kind", "must be \"relational\" or \"transactional\"");
    return Kind.parse(n.asString()).orElseThrow(() -> new Bad("kind", "must be \"relational\" or \"transactional\""));
  }

  private static ContactData contact(JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (!n.isObject()) throw new Bad("contact", "must be an object");
    allow(n, "contact", Set.of("externalId", "email", "name", "role", "attributes"));
    return new ContactData(text(n, "externalId", "contact."), text(n, "email", "contact."), text(n, "name", "contact."),
        text(n, "role", "contact."), attributes(n.get("attributes"), "contact.attributes"));
  }

  private static AccountData account(JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (!n.isObject()) throw new Bad("account", "must be an object");
    allow(n, "account", Set.of("externalId", "name", "tier", "arr", "renewalDate", "owner", "attributes"));
    BigDecimal arr = null;
    JsonNode a = n.get("arr");
    if (a != null && !a.isNull()) {
      if (!a.isNumber() || !Double.isFinite(a.doubleValue())) throw new Bad("account.arr", "must be a finite number");
      arr = a.decimalValue();
    }
    LocalDate renewal = null;
    String r = text(n, "renewalDate", "account.");
    if (r != null) {
      try {
        renewal = LocalDate.parse(r);
      } catch (DateTimeParseException e) {
        throw new Bad("account.renewalDate", "must be a date like 2026-09-30");
      }
    }
    return new AccountData(text(n, "externalId", "account."), text(n, "name", "account."), text(n, "tier", "account."),
        arr, renewal, text(n, "owner", "account."), attributes(n.get("attributes"), "account.attributes"));
  }

  private static void allow(JsonNode n, String prefix, Set<String> allowed) {
    for (var e : n.properties()) {
      if (!allowed.contains(e.getKey())) throw new Bad(prefix + "." + e.getKey(), "is not a known field");
    }
  }

  private static String text(JsonNode parent, String name, String prefix) {
    JsonNode n = parent.get(name);
    if (n == null || n.isNull()) return null;
    if (n.isNumber() && (name.equals("sourceId") || name.equals("externalId"))) return n.asString();
    if (!n.isString()) throw new Bad(prefix + name, "must be a string");
    String s = n.asString().strip();
    if (s.length() > (name.equals("comment") ? ResponseCommand.MAX_COMMENT : ResponseCommand.MAX_TEXT))
      throw new Bad(prefix + name, "is too long");
    return s.isEmpty() ? null : s;
  }

  private static Instant instant(JsonNode parent, String name, String prefix) {
    String s = text(parent, name, prefix);
    if (s == null) return null;
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new Bad(prefix + name, "must be an ISO-8601 timestamp with offset, like 2026-03-01T09:30:00Z");
      }
    }
  }

  private static Map<String, Object> attributes(JsonNode n, String field) {
    if (n == null || n.isNull()) return Map.of();
    if (!n.isObject()) throw new Bad(field, "must be an object of simple values");
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : n.properties()) {
      JsonNode v = e.getValue();
      if (e.getKey().length() > 100) throw new Bad(field, "has a key longer than 100 characters");
      if (v.isString()) out.put(e.getKey(), v.asString());
      else if (v.isIntegralNumber()) out.put(e.getKey(), v.longValue());
      else if (v.isNumber()) out.put(e.getKey(), v.decimalValue());
      else if (v.isBoolean()) out.put(e.getKey(), v.booleanValue());
      else if (v.isNull()) continue;
      else throw new Bad(field + "." + e.getKey(), "must be a string, number or boolean");
    }
    if (out.size() > 100) throw new Bad(field, "has more than 100 entries");
    return out;
  }
}
