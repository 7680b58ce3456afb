package dev.followthrough.followup.web;

import dev.followthrough.platform.InvalidField;
import dev.followthrough.platform.JsonFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Strict reading of small JSON request bodies: wrong types, unknown and overlong fields are named. */
final class Json {

  private static final int MAX_TEXT = 20_000;

  private Json() {}

  static void only(JsonNode body, String... allowed) {
    if (body == null || !body.isObject()) throw new InvalidField("body", "must be a JSON object");
    Set<String> ok = Set.of(allowed);
    for (Iterator<String> it = body.propertyNames().iterator(); it.hasNext(); ) {
      String name = it.next();
      if (!ok.contains(name)) throw new InvalidField(name, "is not a known field (allowed: " + String.join(", ", allowed) + ")");
    }
  }

  /** A string field, or null when absent or null; at most 20,000 characters. */
  static String text(JsonNode body, String field) {
    return JsonFields.text(body, field, MAX_TEXT);
  }

  static String required(JsonNode body, String field) {
    String s = text(body, field);
    if (s == null || s.isBlank()) throw new InvalidField(field, "is required");
    return s.strip();
  }

  static LocalDate date(JsonNode body, String field) {
    return JsonFields.date(body, field);
  }

  static List<UUID> ids(JsonNode body, String field, int max) {
    JsonNode n = body.get(field);
    if (n == null || !n.isArray() || n.isEmpty()) throw new InvalidField(field, "must be a non-empty array of case ids");
    if (n.size() > max) throw new InvalidField(field, "has more than " + max + " ids");
    List<UUID> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) out.add(uuid(n.get(i), field + "[" + i + "]"));
    return out;
  }

  static UUID uuid(JsonNode n, String field) {
    if (n == null || !n.isString()) throw new InvalidField(field, "must be a UUID string");
    return uuid(n.asString(), field);
  }

  static UUID uuid(String s, String field) {
    try {
      return UUID.fromString(s.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidField(field, "must be a UUID");
    }
  }

  static List<String> strings(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return List.of();
    if (!n.isArray()) throw new InvalidField(field, "must be an array of strings");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isString() || n.get(i).asString().isBlank()) throw new InvalidField(field + "[" + i + "]", "must be a non-empty string");
      out.add(n.get(i).asString().strip());
    }
    return out;
  }

  static Integer positiveInt(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > 100_000) throw new InvalidField(field, "must be a whole number from 1 to 100000");
    return n.asInt();
  }
}
