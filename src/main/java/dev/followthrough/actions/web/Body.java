package dev.followthrough.actions.web;

import dev.followthrough.platform.InvalidField;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Reading request bodies of the actions API: a wrong field is a 422 naming it. */
final class Body {

  private Body() {}

  /** Null when absent or JSON null. */
  static String text(JsonNode body, String field) {
    JsonNode n = body == null ? null : body.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isString()) throw new InvalidField(field, "must be a string");
    return n.asString();
  }

  static Integer integer(JsonNode body, String field) {
    JsonNode n = body == null ? null : body.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isIntegralNumber()) throw new InvalidField(field, "must be a whole number");
    return n.asInt();
  }

  static LocalDate date(JsonNode body, String field) {
    String s = text(body, field);
    if (s == null || s.isBlank()) return null;
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, "must be a date like 2026-12-31");
    }
  }

  static List<String> strings(JsonNode body, String field) {
    JsonNode n = body == null ? null : body.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isArray()) throw new InvalidField(field, "must be a list of strings");
    List<String> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.isString() || e.asString().isBlank()) throw new InvalidField(field, "must be a list of non-empty strings");
      out.add(e.asString().strip());
    }
    return out;
  }

  static UUID id(String s) {
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw new InvalidField("id", "must be a UUID");
    }
  }
}
