package dev.followthrough.triggers.domain;

import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.OwnerPolicy;
import dev.followthrough.triggers.Play;
import dev.followthrough.triggers.SlaCalendar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Rules as plain maps and lists — the one shape for the JSON API, the YAML export/import and the
 * stored rows. Reading is strict: unknown keys, wrong types and impossible values are rejected with
 * the field's path ({@code rules[2].outcome.sla}) and the reason.
 */
public final class RuleFormat {

  /** A rejected field. Thrown only inside reading; callers get it from {@link #readRule}/{@link #readBook}. */
  public static final class Invalid extends RuntimeException {
    private final String field;

    public Invalid(String field, String reason) {
      super(reason, null, false, false);
      this.field = field;
    }

    public String field() {
      return field;
    }

    public String reason() {
      return getMessage();
    }
  }

  public static final int MAX_RULES = 1000;
  static final int MAX_TEXT = 500;

  private static final Set<String> RULE_KEYS = Set.of("id", "name", "position", "enabled", "description",
      "conditions", "outcome", "version");
  private static final Set<String> CONDITION_KEYS = Set.of("categories", "scoreMin", "scoreMax", "tiers", "arrMin",
      "arrMax", "programs", "kinds", "touchpoints", "comment", "languages", "attributes", "droppedBy", "firstScore",
      "renewalWithinDays");
  private static final Set<String> OUTCOME_KEYS = Set.of("followUp", "channel", "play", "sla", "calendar",
      "priorityBoost", "ownerPolicy", "team", "owner", "overflow", "sampleRate", "quietPeriod", "resurveyAfter");
  private static final Set<String> BOOK_KEYS = Set.of("version", "rules");

  private RuleFormat() {}

  // ---------------------------------------------------------------- writing

  public static Map<String, Object> write(Rule r, boolean withIdentity) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (withIdentity) m.put("id", r.id() == null ? null : r.id().toString());
    m.put("name", r.name());
    if (withIdentity) m.put("position", r.position());
    m.put("enabled", r.enabled());
    if (r.description() != null) m.put("description", r.description());
    m.put("conditions", write(r.conditions()));
    m.put("outcome", write(r.outcome()));
    if (withIdentity) m.put("version", r.version());
    return m;
  }

  public static Map<String, Object> write(Conditions c) {
    Map<String, Object> m = new LinkedHashMap<>();
    list(m, "categories", c.categories());
    put(m, "scoreMin", c.scoreMin());
    put(m, "scoreMax", c.scoreMax());
    list(m, "tiers", c.tiers());
    put(m, "arrMin", c.arrMin());
    put(m, "arrMax", c.arrMax());
    list(m, "programs", c.programs());
    list(m, "kinds", c.kinds());
    list(m, "touchpoints", c.touchpoints());
    if (c.comment() != null) m.put("comment", c.comment().name().toLowerCase(Locale.ROOT));
    list(m, "languages", c.languages());
    if (!c.attributes().isEmpty()) {
      Map<String, Object> a = new LinkedHashMap<>();
      c.attributes().forEach((k, v) -> a.put(k, new ArrayList<>(v)));
      m.put("attributes", a);
    }
    put(m, "droppedBy", c.droppedBy());
    put(m, "firstScore", c.firstScore());
    put(m, "renewalWithinDays", c.renewalWithinDays());
    return m;
  }

  public static Map<String, Object> write(Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("followUp", o.followUp());
    if (!o.followUp()) return m;
    m.put("channel", key(o.channel()));
    m.put("play", key(o.play()));
    m.put("sla", Durations.format(o.sla()));
    m.put("calendar", key(o.calendar()));
    if (o.priorityBoost() != 0) m.put("priorityBoost", o.priorityBoost());
    m.put("ownerPolicy", key(o.ownerPolicy()));
    put(m, "team", o.team());
    put(m, "owner", o.owner());
    if (o.overflow() != null) m.put("overflow", key(o.overflow()));
    m.put("sampleRate", o.sampleRate());
    if (o.quietPeriod() != null) m.put("quietPeriod", Durations.format(o.quietPeriod()));
    if (o.resurveyAfter() != null) m.put("resurveyAfter", Durations.format(o.resurveyAfter()));
    return m;
  }

  /** The export document: {@code version: 1} and the rules in order, without ids. */
  public static Map<String, Object> writeBook(List<Rule> rules) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", 1);
    m.put("rules", rules.stream().map(r -> (Object) write(r, false)).toList());
    return m;
  }

  public static String key(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT);
  }

  private static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) m.put(k, v);
  }

  private static void list(Map<String, Object> m, String k, Set<String> v) {
    if (!v.isEmpty()) m.put(k, new ArrayList<>(v));
  }

  // ---------------------------------------------------------------- reading

  /** A rule from a map; {@code id}, {@code position} and {@code version} are read but may be absent. */
  public static Rule readRule(Object node, String prefix) {
    Map<String, Object> m = object(node, prefix.isEmpty() ? "body" : strip(prefix));
    allow(m, RULE_KEYS, prefix);
    String name = text(m.get("name"), prefix + "name");
    if (name == null) throw new Invalid(prefix + "name", "is required");
    if (name.length() > 200) throw new Invalid(prefix + "name", "is longer than 200 characters");
    UUID id = null;
    String idText = text(m.get("id"), prefix + "id");
    if (idText != null) {
      try {
        id = UUID.fromString(idText);
      } catch (IllegalArgumentException e) {
        throw new Invalid(prefix + "id", "must be a UUID");
      }
    }
    Integer position = integer(m.get("position"), prefix + "position", 1, MAX_RULES);
    Boolean enabled = bool(m.get("enabled"), prefix + "enabled");
    Integer version = integer(m.get("version"), prefix + "version", 0, Integer.MAX_VALUE);
    String description = text(m.get("description"), prefix + "description");
    Conditions c = readConditions(m.get("conditions"), prefix + "conditions.");
    Outcome o = readOutcome(m.get("outcome"), prefix + "outcome.");
    return new Rule(id, name, position == null ? 0 : position, enabled == null || enabled, c, o, description,
        version == null ? 0 : version);
  }

  public static Conditions readConditions(Object node, String prefix) {
    if (node == null) return Conditions.none();
    Map<String, Object> m = object(node, strip(prefix));
    allow(m, CONDITION_KEYS, prefix);
    Set<String> categories = texts(m.get("categories"), prefix + "categories");
    for (String cat : categories) {
      if (!Conditions.CATEGORIES.contains(cat.toLowerCase(Locale.ROOT)))
        throw new Invalid(prefix + "categories", "must be detractor, passive or promoter, was \"" + cat + "\"");
    }
    Integer scoreMin = integer(m.get("scoreMin"), prefix + "scoreMin", 0, 10);
    Integer scoreMax = integer(m.get("scoreMax"), prefix + "scoreMax", 0, 10);
    if (scoreMin != null && scoreMax != null && scoreMin > scoreMax)
      throw new Invalid(prefix + "scoreMax", "must not be below scoreMin");
    BigDecimal arrMin = decimal(m.get("arrMin"), prefix + "arrMin");
    BigDecimal arrMax = decimal(m.get("arrMax"), prefix + "arrMax");
    if (arrMin != null && arrMax != null && arrMin.compareTo(arrMax) > 0)
      throw new Invalid(prefix + "arrMax", "must not be below arrMin");
    Conditions.CommentPresence comment = null;
    String cm = text(m.get("comment"), prefix + "comment");
    if (cm != null) {
      comment = switch (cm.toLowerCase(Locale.ROOT)) {
        case "present" -> Conditions.CommentPresence.PRESENT;
        case "absent" -> Conditions.CommentPresence.ABSENT;
        default -> throw new Invalid(prefix + "comment", "must be \"present\" or \"absent\"");
      };
    }
    Map<String, Set<String>> attributes = new LinkedHashMap<>();
    Object a = m.get("attributes");
    if (a != null) {
      for (var e : object(a, prefix + "attributes").entrySet()) {
        Set<String> values = texts(e.getValue(), prefix + "attributes." + e.getKey());
        if (values.isEmpty()) throw new Invalid(prefix + "attributes." + e.getKey(), "must list at least one value");
        attributes.put(e.getKey(), values);
      }
    }
    return new Conditions(categories, scoreMin, scoreMax, texts(m.get("tiers"), prefix + "tiers"), arrMin, arrMax,
        texts(m.get("programs"), prefix + "programs"), texts(m.get("kinds"), prefix + "kinds"),
        texts(m.get("touchpoints"), prefix + "touchpoints"), comment, texts(m.get("languages"), prefix + "languages"),
        attributes, integer(m.get("droppedBy"), prefix + "droppedBy", 1, 10), bool(m.get("firstScore"), prefix + "firstScore"),
        integer(m.get("renewalWithinDays"), prefix + "renewalWithinDays", 0, 3660));
  }

  public static Outcome readOutcome(Object node, String prefix) {
    if (node == null) throw new Invalid(strip(prefix), "is required (at least {\"followUp\": false})");
    Map<String, Object> m = object(node, strip(prefix));
    allow(m, OUTCOME_KEYS, prefix);
    Boolean followUp = bool(m.get("followUp"), prefix + "followUp");
    if (followUp == null) throw new Invalid(prefix + "followUp", "is required (true or false)");
    if (!followUp) {
      for (String k : m.keySet()) {
        if (!k.equals("followUp") && m.get(k) != null)
          throw new Invalid(prefix + k, "only applies when followUp is true");
      }
      return Outcome.none();
    }
    Channel channel = enumOf(Channel.class, m.get("channel"), prefix + "channel");
    if (channel == null) throw new Invalid(prefix + "channel", "is required for a follow-up");
    Play play = enumOf(Play.class, m.get("play"), prefix + "play");
    if (play == null) throw new Invalid(prefix + "play", "is required for a follow-up");
    Duration sla = duration(m.get("sla"), prefix + "sla");
    if (sla == null) throw new Invalid(prefix + "sla", "is required for a follow-up");
    SlaCalendar calendar = enumOf(SlaCalendar.class, m.get("calendar"), prefix + "calendar");
    Integer boost = integer(m.get("priorityBoost"), prefix + "priorityBoost", -100, 100);
    OwnerPolicy policy = enumOf(OwnerPolicy.class, m.get("ownerPolicy"), prefix + "ownerPolicy");
    String owner = text(m.get("owner"), prefix + "owner");
    if (policy == OwnerPolicy.USER && owner == null)
      throw new Invalid(prefix + "owner", "is required when ownerPolicy is user");
    Double rate = rate(m.get("sampleRate"), prefix + "sampleRate");
    return new Outcome(true, channel, play, sla, calendar == null ? SlaCalendar.CALENDAR : calendar,
        boost == null ? 0 : boost, policy == null ? OwnerPolicy.ACCOUNT_OWNER : policy,
        text(m.get("team"), prefix + "team"), owner, enumOf(Channel.class, m.get("overflow"), prefix + "overflow"),
        rate == null ? 1.0 : rate, duration(m.get("quietPeriod"), prefix + "quietPeriod"),
        duration(m.get("resurveyAfter"), prefix + "resurveyAfter"));
  }

  /** An export document ({@code version: 1, rules: [...]}) or a bare list of rules. Names must be unique. */
  public static List<Rule> readBook(Object node) {
    Object rulesNode = node;
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> m = object(node, "document");
      allow(m, BOOK_KEYS, "");
      Integer v = integer(m.get("version"), "version", 1, 1);
      if (v == null && m.containsKey("version")) throw new Invalid("version", "must be 1");
      rulesNode = m.get("rules");
      if (rulesNode == null) throw new Invalid("rules", "is required: a list of rules");
    }
    if (!(rulesNode instanceof List<?> list)) throw new Invalid("rules", "must be a list of rules");
    if (list.size() > MAX_RULES) throw new Invalid("rules", "at most " + MAX_RULES + " rules, was " + list.size());
    List<Rule> rules = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Rule r = readRule(list.get(i), "rules[" + i + "].");
      if (!names.add(r.name().toLowerCase(Locale.ROOT)))
        throw new Invalid("rules[" + i + "].name", "\"" + r.name() + "\" appears twice");
      rules.add(r.withPosition(i + 1));
    }
    return rules;
  }

  // ---------------------------------------------------------------- values

  private static String strip(String prefix) {
    return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object node, String field) {
    if (!(node instanceof Map<?, ?> map)) throw new Invalid(field, "must be an object");
    for (Object k : map.keySet()) {
      if (!(k instanceof String)) throw new Invalid(field, "has a key that is not text: " + k);
    }
    return (Map<String, Object>) map;
  }

  private static void allow(Map<String, Object> m, Set<String> allowed, String prefix) {
    for (String k : m.keySet()) {
      if (!allowed.contains(k)) {
        throw new Invalid(prefix + k, "is not a known field (known: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  static String text(Object v, String field) {
    if (v == null) return null;
    if (!(v instanceof String s)) throw new Invalid(field, "must be text");
    s = s.strip();
    if (s.length() > MAX_TEXT) throw new Invalid(field, "is longer than " + MAX_TEXT + " characters");
    return s.isEmpty() ? null : s;
  }

  /** A list of texts, or one text; numbers and booleans are accepted as their text (attribute values). */
  static Set<String> texts(Object v, String field) {
    if (v == null) return Set.of();
    Collection<?> items = v instanceof List<?> l ? l : List.of(v);
    if (items.size() > 200) throw new Invalid(field, "lists more than 200 values");
    Set<String> out = new LinkedHashSet<>();
    for (Object item : items) {
      if (item instanceof String s) {
        if (!s.isBlank()) out.add(s.strip());
      } else if (item instanceof Number || item instanceof Boolean) {
        out.add(String.valueOf(item));
      } else {
        throw new Invalid(field, "must be text or a list of texts");
      }
    }
    return out;
  }

  static Boolean bool(Object v, String field) {
    if (v == null) return null;
    if (!(v instanceof Boolean b)) throw new Invalid(field, "must be true or false");
    return b;
  }

  static Integer integer(Object v, String field, int min, int max) {
    if (v == null) return null;
    if (!(v instanceof Number n)) throw new Invalid(field, "must be a whole number from " + min + " to " + max);
    BigDecimal d = new BigDecimal(n.toString());
    if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0
        || d.compareTo(BigDecimal.valueOf(max)) > 0)
      throw new Invalid(field, "must be a whole number from " + min + " to " + max + ", was " + n);
    return d.intValue();
  }

  static BigDecimal decimal(Object v, String field) {
    if (v == null) return null;
    if (!(v instanceof Number n)) throw new Invalid(field, "must be a number");
    BigDecimal d = n instanceof BigDecimal b ? b : n instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(n.toString());
    if (d.signum() < 0) throw new Invalid(field, "must not be negative");
    return d;
  }

  static Double rate(Object v, String field) {
    if (v == null) return null;
    double r;
    if (v instanceof Number n) r = n.doubleValue();
    else if (v instanceof String s && s.strip().endsWith("%")) {
      try {
        r = Double.parseDouble(s.strip().substring(0, s.strip().length() - 1).strip()) / 100.0;
      } catch (NumberFormatException e) {
        throw new Invalid(field, "must be a share from 0 to 1 (or a percentage like \"30%\")");
      }
    } else throw new Invalid(field, "must be a share from 0 to 1 (or a percentage like \"30%\")");
    if (Double.isNaN(r) || r < 0 || r > 1) throw new Invalid(field, "must be from 0 to 1, was " + v);
    return r;
  }

  static Duration duration(Object v, String field) {
    if (v == null) return null;
    if (!(v instanceof String s)) throw new Invalid(field, "must be a duration like 48h, 5d or 30m");
    try {
      Duration d = Durations.parse(s);
      if (d.isNegative() || d.isZero()) throw new Invalid(field, "must be longer than zero");
      if (d.compareTo(Duration.ofDays(3660)) > 0) throw new Invalid(field, "must be at most 3660 days");
      return d;
    } catch (IllegalArgumentException e) {
      throw new Invalid(field, e.getMessage());
    }
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, Object v, String field) {
    String s = text(v, field);
    if (s == null) return null;
    String k = s.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(k)) return e;
    }
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) allowed.add(key(e));
    throw new Invalid(field, "must be one of " + String.join(", ", allowed) + ", was \"" + s + "\"");
  }
}
