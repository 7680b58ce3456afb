package dev.followthrough.actions.web;

import dev.followthrough.platform.InvalidField;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Reading request bodies of the actions API beyond {@link dev.followthrough.platform.JsonFields}: a wrong field is a 422 naming it. */
final class Body {

  private Body() {}

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
