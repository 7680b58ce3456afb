package dev.followthrough.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** Strict reading of fields of small JSON request bodies: a field of the wrong type is an {@link InvalidField} naming it. */
public final class JsonFields {

  private JsonFields() {}

  /** A string field; null when the body or the field is absent or JSON null. */
  public static String text(JsonNode body, String field) {
    JsonNode n = body == null ? null : body.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isString()) throw new InvalidField(field, "must be a string");
    return n.asString();
  }

  /** {@link #text(JsonNode, String)}, refused above {@code maxLength} characters. */
  public static String text(JsonNode body, String field, int maxLength) {
    String s = text(body, field);
    if (s != null && s.length() > maxLength) throw new InvalidField(field, "is longer than " + maxLength + " characters");
    return s;
  }

  /** A whole number; null when absent or JSON null. */
  public static Integer integer(JsonNode body, String field) {
    JsonNode n = body == null ? null : body.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isIntegralNumber()) throw new InvalidField(field, "must be a whole number");
    return n.asInt();
  }

  /** An ISO date ({@code 2026-12-31}); null when absent, JSON null or blank. */
  public static LocalDate date(JsonNode body, String field) {
    String s = text(body, field);
    if (s == null || s.isBlank()) return null;
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, "must be a date like 2026-12-31");
    }
  }
}
