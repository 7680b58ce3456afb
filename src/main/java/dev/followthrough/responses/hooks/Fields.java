package dev.followthrough.responses.hooks;

import dev.followthrough.responses.domain.Score;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading vendor payloads by hand: each value is checked for its type, and a wrong one names its
 * field ({@code event_data.score}) the way the vendor spells it.
 */
final class Fields {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS] Z");

  private Fields() {}

  /** A wrong field; adapters throw it and {@link #parse} turns it into {@code Parsed.Invalid}. */
  static final class Bad extends RuntimeException {
    final String field;

    Bad(String field, String reason) {
      super(reason, null, false, false);
      this.field = field;
    }
  }

  interface Reader {
    VendorAdapter.Parsed read(JsonNode root);
  }

  /** Parses the body as JSON and hands it to the reader; broken JSON → Malformed, a Bad field → Invalid. */
  static VendorAdapter.Parsed parse(HookRequest r, Reader reader) {
    JsonNode root;
    try {
      root = JSON.readTree(r.body());
    } catch (JacksonException e) {
      return new VendorAdapter.Parsed.Malformed("not valid JSON: " + firstLine(e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode()) return new VendorAdapter.Parsed.Malformed("the body is empty");
    return read(root, reader);
  }

  static VendorAdapter.Parsed read(JsonNode root, Reader reader) {
    try {
      return reader.read(root);
    } catch (Bad b) {
      return new VendorAdapter.Parsed.Invalid(b.field, b.getMessage());
    }
  }

  static String firstLine(String m) {
    if (m == null) return "unreadable";
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  static boolean absent(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode();
  }

  static JsonNode object(JsonNode parent, String name, String field) {
    JsonNode n = parent.get(name);
    if (absent(n)) throw new Bad(field, "is required");
    if (!n.isObject()) throw new Bad(field, "must be an object");
    return n;
  }

  /** A score 0..10; {@code lenient}: a numeric string such as Wootric's "10" counts too. */
  static Score score(JsonNode n, String field, boolean lenient) {
    if (absent(n)) throw new Bad(field, "is required");
    BigDecimal value;
    if (n.isNumber()) value = n.decimalValue();
    else if (lenient && n.isString()) {
      try {
        value = new BigDecimal(n.asString().strip());
      } catch (NumberFormatException e) {
        throw new Bad(field, "must be a whole number from 0 to 10, was \"" + clip(n.asString()) + "\"");
      }
    } else throw new Bad(field, "must be a whole number from 0 to 10, was " + clip(n.toString()));
    return score(value, field);
  }

  static Score score(BigDecimal value, String field) {
    if (value.stripTrailingZeros().scale() > 0) throw new Bad(field, "must be a whole number from 0 to 10, was " + value);
    if (value.compareTo(BigDecimal.ZERO) < 0 || value.compareTo(BigDecimal.TEN) > 0)
      throw new Bad(field, "must be from 0 to 10, was " + value.toPlainString());
    return new Score(value.intValue());
  }

  /** A text; numbers are accepted as their text (vendors send ids both ways); blank → null. */
  static String text(JsonNode parent, String name, String field) {
    if (parent == null) return null;
    return text(parent.get(name), field);
  }

  static String text(JsonNode n, String field) {
    if (absent(n)) return null;
    String s;
    if (n.isString()) s = n.asString();
    else if (n.isNumber() || n.isBoolean()) s = n.asString();
    else throw new Bad(field, "must be a string");
    s = s.strip();
    if (s.length() > 20_000) throw new Bad(field, "is too long");
    return s.isEmpty() ? null : s;
  }

  /** ISO-8601 with offset, "2018-03-28 15:06:23 -0700" (Wootric), a date, or Unix seconds / milliseconds. */
  static Instant instant(JsonNode n, String field) {
    if (absent(n)) return null;
    if (n.isNumber()) return epoch(n.longValue());
    if (!n.isString()) throw new Bad(field, "must be a timestamp");
    return instant(n.asString(), field);
  }

  static Instant instant(String s, String field) {
    if (s == null || s.isBlank()) return null;
    s = s.strip();
    if (s.matches("\\d{9,13}")) return epoch(Long.parseLong(s));
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s, SPACED).toInstant();
      } catch (DateTimeParseException e2) {
        try {
          return Instant.parse(s);
        } catch (DateTimeParseException e3) {
          try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
          } catch (DateTimeParseException e4) {
            throw new Bad(field, "must be a timestamp like 2026-03-01T09:30:00Z, was \"" + clip(s) + "\"");
          }
        }
      }
    }
  }

  private static Instant epoch(long v) {
    return v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
  }

  /** Simple values of an object (strings, numbers, booleans); nested values are left out, not refused. */
  static Map<String, Object> simple(JsonNode n) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (absent(n) || !n.isObject()) return out;
    for (var e : n.properties()) {
      JsonNode v = e.getValue();
      if (out.size() >= 100 || e.getKey().length() > 100) break;
      if (v.isString()) out.put(e.getKey(), clip(v.asString(), 1000));
      else if (v.isIntegralNumber()) out.put(e.getKey(), v.longValue());
      else if (v.isNumber()) out.put(e.getKey(), v.decimalValue());
      else if (v.isBoolean()) out.put(e.getKey(), v.booleanValue());
    }
    return out;
  }

  static String clip(String s) {
    return clip(s, 40);
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  /**
   * A form body (application/x-www-form-urlencoded) as JSON, bracketed keys nested as Rails and PHP
   * do: {@code response[end_user_properties][plan]=Pro} → {"response":{"end_user_properties":{"plan":"Pro"}}}.
   */
  static ObjectNode form(String body) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    if (body == null || body.isBlank()) return root;
    for (String pair : body.strip().split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      java.util.List<String> path = new java.util.ArrayList<>();
      int open = k.indexOf('[');
      path.add(open < 0 ? k : k.substring(0, open));
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([^\\]]*)\\]").matcher(open < 0 ? "" : k.substring(open));
      while (m.find()) path.add(m.group(1));
      ObjectNode at = root;
      for (int i = 0; i < path.size() - 1; i++) {
        JsonNode next = at.get(path.get(i));
        ObjectNode child;
        if (next instanceof ObjectNode o) child = o;
        else {
          child = JsonNodeFactory.instance.objectNode();
          at.set(path.get(i), child);
        }
        at = child;
      }
      at.put(path.get(path.size() - 1), v);
    }
    return root;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Bad("body", "is not a valid form body");
    }
  }
}
