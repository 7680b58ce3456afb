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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which CSV column feeds which field of a response, and how one row becomes the same
 * {@link ResponseCommand} the JSON API builds (the intake then applies the same rules to both).
 *
 * <p>Columns are matched in two passes. First the explicit mapping (target field → column header,
 * a null column leaves that target unmapped); then every column it did not use is matched by name,
 * case-, space- and underscore-insensitively, against the field names of the JSON API and common
 * aliases ({@code nps} → score, {@code email} → contact.email, {@code created_at} → respondedAt…).
 * Columns named {@code attr.X}, {@code contact.attr.X} or {@code account.attr.X} become attributes.
 * Contact columns without a contact id or email column (account columns without an account id) would
 * reject every row, so name-matched ones are left out with a warning; explicitly mapped ones refuse
 * the import before anything is stored.
 */
public final class CsvMapping {

  /** The fields a column can feed, named as in the JSON API. */
  public enum Target {
    SCORE("score"), COMMENT("comment"), SOURCE_ID("sourceId"), RESPONDED_AT("respondedAt"), PROGRAM("program"),
    KIND("kind"), TOUCHPOINT("touchpoint"), LANGUAGE("language"),
    CONTACT_EXTERNAL_ID("contact.externalId"), CONTACT_EMAIL("contact.email"), CONTACT_NAME("contact.name"),
    CONTACT_ROLE("contact.role"),
    ACCOUNT_EXTERNAL_ID("account.externalId"), ACCOUNT_NAME("account.name"), ACCOUNT_TIER("account.tier"),
    ACCOUNT_ARR("account.arr"), ACCOUNT_RENEWAL_DATE("account.renewalDate"), ACCOUNT_OWNER("account.owner");

    public final String key;

    Target(String key) {
      this.key = key;
    }

    String group() {
      int dot = key.indexOf('.');
      return dot < 0 ? "" : key.substring(0, dot);
    }
  }

  private static final Map<String, Target> BY_NAME = new HashMap<>();
  private static final Map<String, Target> BY_ALIAS = new HashMap<>();

  static {
    for (Target t : Target.values()) {
      BY_NAME.put(normal(t.key), t);
      BY_NAME.put(normal(t.key).replace(".", ""), t);
    }
    alias(Target.SCORE, "nps", "npsscore", "rating", "likelihood", "likelihoodtorecommend", "recommend");
    alias(Target.COMMENT, "comments", "feedback", "reason", "why", "verbatim", "text");
    alias(Target.SOURCE_ID, "id", "responseid", "surveyresponseid");
    alias(Target.RESPONDED_AT, "date", "createdat", "created", "timestamp", "submittedat", "submitted",
        "respondedon", "responsedate", "surveydate", "datetime");
    alias(Target.PROGRAM, "survey", "surveyname", "programname");
    alias(Target.KIND, "surveytype", "npstype");
    alias(Target.TOUCHPOINT, "trigger");
    alias(Target.LANGUAGE, "lang", "locale");
    alias(Target.CONTACT_EXTERNAL_ID, "contactid", "userid", "customerid", "personid", "respondentid");
    alias(Target.CONTACT_EMAIL, "email", "emailaddress", "mail", "useremail", "customeremail", "respondentemail");
    alias(Target.CONTACT_NAME, "name", "fullname", "customername", "respondent", "respondentname");
    alias(Target.CONTACT_ROLE, "role", "title", "jobtitle", "position");
    alias(Target.ACCOUNT_EXTERNAL_ID, "accountid", "companyid", "organizationid", "organisationid", "orgid");
    alias(Target.ACCOUNT_NAME, "account", "company", "companyname", "organization", "organisation", "org",
        "organizationname");
    alias(Target.ACCOUNT_TIER, "tier", "segment", "plan");
    alias(Target.ACCOUNT_ARR, "arr", "annualrecurringrevenue");
    alias(Target.ACCOUNT_RENEWAL_DATE, "renewaldate", "renewal", "renewson", "renewalon", "contractend",
        "contractenddate");
    alias(Target.ACCOUNT_OWNER, "owner", "accountowner", "csm", "accountmanager", "customersuccessmanager");
  }

  private static void alias(Target t, String... names) {
    for (String n : names) BY_ALIAS.put(n, t);
  }

  /** Values every row gets unless a column says otherwise, and how dates are read. */
  public record Options(String source, String program, Kind kind, String touchpoint, String language,
                        DateTimeFormatter dateFormat, ZoneId zone) {
    public Options {
      if (zone == null) zone = ZoneOffset.UTC;
    }

    public static Options defaults(String source) {
      return new Options(source, null, null, null, null, null, ZoneOffset.UTC);
    }
  }

  public sealed interface Resolution {
    record Ok(CsvMapping mapping) implements Resolution {}
    record Invalid(String field, String reason) implements Resolution {}
  }

  private record Attribute(String group, String key, int column) {}

  /** Contact and account columns are only useful with a column that identifies the contact or account. */
  private enum Group {
    CONTACT("contact", "contact.externalId or contact.email", List.of(Target.CONTACT_EXTERNAL_ID, Target.CONTACT_EMAIL)),
    ACCOUNT("account", "account.externalId", List.of(Target.ACCOUNT_EXTERNAL_ID));

    final String key;
    final String idNames;
    final List<Target> ids;

    Group(String key, String idNames, List<Target> ids) {
      this.key = key;
      this.idNames = idNames;
      this.ids = ids;
    }
  }

  private final int[] columns = new int[Target.values().length];
  private final List<Attribute> attributes;
  private final Map<String, String> used;
  private final List<String> ignored;
  private final List<String> warnings;
  private final Options options;

  private CsvMapping(Map<Target, Integer> targets, List<Attribute> attributes, List<String> header,
                     List<String> ignored, List<String> warnings, Options options) {
    Arrays.fill(columns, -1);
    targets.forEach((t, i) -> columns[t.ordinal()] = i);
    this.attributes = List.copyOf(attributes);
    Map<String, String> used = new LinkedHashMap<>();
    targets.forEach((t, i) -> used.put(t.key, header.get(i).strip()));
    for (Attribute a : attributes)
      used.put((a.group.isEmpty() ? "" : a.group + ".") + "attr." + a.key, header.get(a.column).strip());
    this.used = used;
    this.ignored = List.copyOf(ignored);
    this.warnings = List.copyOf(warnings);
    this.options = options;
  }

  /** Target field → the column header feeding it. */
  public Map<String, String> columns() {
    return used;
  }

  public List<String> ignoredColumns() {
    return ignored;
  }

  public List<String> warnings() {
    return warnings;
  }

  /** Whether the row names its own source id; if not, the importer derives one. */
  public boolean hasSourceId(List<String> row) {
    return value(row, Target.SOURCE_ID) != null;
  }

  /**
   * Matches the header against the explicit mapping (may be null or empty) and then by name. Invalid
   * when the mapping names an unknown field or a column the header lacks, or when nothing feeds the score.
   */
  public static Resolution resolve(List<String> header, Map<String, String> explicit, Options options) {
    Map<Target, Integer> targets = new EnumMap<>(Target.class);
    Set<Target> explicitTargets = EnumSet.noneOf(Target.class);
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    Set<String> explicitAttributes = new HashSet<>();
    boolean[] claimed = new boolean[header.size()];

    for (var e : (explicit == null ? Map.<String, String>of() : explicit).entrySet()) {
      String target = e.getKey().strip();
      Target t = byKey(target);
      Attribute attr = t == null ? attribute(target, -1) : null;
      if (t == null && attr == null)
        return new Resolution.Invalid(target, "is not a known field; map one of " + knownTargets());
      if (attr != null && attr.key.length() > 100)
        return new Resolution.Invalid(target, "has an attribute name longer than 100 characters");
      if (t != null) explicitTargets.add(t);
      else explicitAttributes.add(attr.group + "\u001f" + attr.key);
      if (e.getValue() == null || e.getValue().isBlank()) continue; // mapped to nothing: keep name matching off it
      int column = find(header, e.getValue());
      if (column < 0)
        return new Resolution.Invalid(target, "is mapped to column \"" + e.getValue() + "\", which is not in the header ("
            + describe(header) + ")");
      claimed[column] = true;
      if (t != null) targets.put(t, column);
      else attributes.put(attr.group + "\u001f" + attr.key, new Attribute(attr.group, attr.key, column));
    }

    List<String> ignored = new ArrayList<>();
    Map<Target, Integer> byName = new EnumMap<>(Target.class);
    Set<Target> exactNames = EnumSet.noneOf(Target.class);
    Map<String, Attribute> attributesByName = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).strip();
      if (claimed[i] || h.isEmpty()) continue;
      Attribute attr = attribute(h, i);
      if (attr != null) {
        String k = attr.group + "\u001f" + attr.key;
        if (attr.key.length() > 100)
          return new Resolution.Invalid(h, "has an attribute name longer than 100 characters");
        if (explicitAttributes.contains(k) || attributesByName.containsKey(k)) ignored.add(h);
        else attributesByName.put(k, attr);
        continue;
      }
      String n = normal(h);
      Target exact = BY_NAME.get(n);
      Target t = exact != null ? exact : BY_ALIAS.get(n);
      if (t == null) t = BY_ALIAS.get(n.replace(".", ""));
      if (t == null || explicitTargets.contains(t)) {
        ignored.add(h);
        continue;
      }
      Integer before = byName.get(t);
      if (before == null || (exact != null && !exactNames.contains(t))) { // a field name beats an alias
        if (before != null) ignored.add(header.get(before).strip());
        byName.put(t, i);
        if (exact != null) exactNames.add(t);
      } else {
        ignored.add(h);
      }
    }

    List<String> warnings = new ArrayList<>();
    for (Group g : Group.values()) {
      if (g.ids.stream().anyMatch(t -> targets.containsKey(t) || byName.containsKey(t))) continue;
      List<String> explicitOnes = new ArrayList<>();
      targets.keySet().stream().filter(t -> t.group().equals(g.key)).forEach(t -> explicitOnes.add(t.key));
      attributes.values().stream().filter(a -> a.group.equals(g.key)).forEach(a -> explicitOnes.add(g.key + ".attr." + a.key));
      if (!explicitOnes.isEmpty())
        return new Resolution.Invalid(g.key, "mapped " + String.join(", ", explicitOnes) + ", but no column to "
            + g.idNames + ", so the " + g.key + " could not be matched");
      List<String> dropped = new ArrayList<>();
      byName.entrySet().removeIf(e -> e.getKey().group().equals(g.key) && dropped.add(header.get(e.getValue()).strip()));
      attributesByName.values().removeIf(a -> a.group.equals(g.key) && dropped.add(header.get(a.column).strip()));
      if (!dropped.isEmpty()) {
        ignored.addAll(dropped);
        warnings.add("columns " + quoted(dropped) + " were not imported: they describe the " + g.key
            + ", but no column holds its " + g.idNames + "; map one (e.g. map." + g.ids.getFirst().key
            + "=<column>), or map these to attr.<name>");
      }
    }

    targets.putAll(byName);
    attributes.putAll(attributesByName);
    if (attributes.values().stream().collect(Collectors.groupingBy(Attribute::group, Collectors.counting()))
        .values().stream().anyMatch(c -> c > 100))
      return new Resolution.Invalid("attributes", "more than 100 attribute columns for one object");
    if (!targets.containsKey(Target.SCORE))
      return new Resolution.Invalid("score", "no column is mapped to score (the header has " + describe(header)
          + "); name it in the mapping, e.g. map.score=<column>");
    return new Resolution.Ok(new CsvMapping(targets, new ArrayList<>(attributes.values()), header, ignored, warnings,
        options));
  }

  private static Target byKey(String target) {
    for (Target t : Target.values()) if (t.key.equalsIgnoreCase(target)) return t;
    return null;
  }

  /** {@code attr.X}, {@code contact.attr.X}, {@code account.attr.X} (or {@code attributes.X}) → an attribute. */
  private static Attribute attribute(String name, int column) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String group : List.of("", "contact.", "account.")) {
      for (String prefix : List.of("attr.", "attributes.")) {
        if (lower.startsWith(group + prefix) && name.length() > group.length() + prefix.length()) {
          return new Attribute(group.isEmpty() ? "" : group.substring(0, group.length() - 1),
              name.substring(group.length() + prefix.length()).strip(), column);
        }
      }
    }
    return null;
  }

  private static int find(List<String> header, String column) {
    String wanted = column.strip();
    for (int i = 0; i < header.size(); i++) if (header.get(i).strip().equals(wanted)) return i;
    for (int i = 0; i < header.size(); i++) if (header.get(i).strip().equalsIgnoreCase(wanted)) return i;
    return -1;
  }

  static String normal(String header) {
    StringBuilder b = new StringBuilder(header.length());
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c != ' ' && c != '_' && c != '-' && c != '\t') b.append(Character.toLowerCase(c));
    }
    return b.toString();
  }

  private static String knownTargets() {
    List<String> names = new ArrayList<>();
    for (Target t : Target.values()) names.add(t.key);
    return String.join(", ", names) + ", attr.<name>, contact.attr.<name>, account.attr.<name>";
  }

  private static String describe(List<String> header) {
    List<String> shown = header.stream().limit(30).map(String::strip).toList();
    return "columns " + quoted(shown) + (header.size() > 30 ? " and " + (header.size() - 30) + " more" : "");
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
  }

  // ------------------------------------------------------------------------------------ rows

  private static final class Bad extends RuntimeException {
    final String field;

    Bad(String field, String reason) {
      super(reason, null, false, false);
      this.field = field;
    }
  }

  /**
   * One data row as a command, or the first problem with it. {@code derivedSourceId} stands in when
   * no source id column is mapped or the row's cell is empty.
   */
  public ResponseRequestParser.Parsed read(List<String> fields, String derivedSourceId) {
    try {
      return new ResponseRequestParser.Parsed.Ok(command(fields, derivedSourceId));
    } catch (Bad b) {
      return new ResponseRequestParser.Parsed.Invalid(new Intake.Rejected(b.field, b.getMessage()));
    }
  }

  private ResponseCommand command(List<String> row, String derivedSourceId) {
    Score score = score(value(row, Target.SCORE));
    String sourceId = text(row, Target.SOURCE_ID);
    Kind kind = kind(value(row, Target.KIND));
    String program = text(row, Target.PROGRAM);
    String touchpoint = text(row, Target.TOUCHPOINT);
    String language = text(row, Target.LANGUAGE);
    return new ResponseCommand(options.source(), sourceId != null ? sourceId : derivedSourceId, score,
        text(row, Target.COMMENT), instant(value(row, Target.RESPONDED_AT)),
        program != null ? program : options.program(), kind != null ? kind : options.kind(),
        touchpoint != null ? touchpoint : options.touchpoint(), language != null ? language : options.language(),
        attributes(row, ""), contact(row), account(row));
  }

  private ContactData contact(List<String> row) {
    String externalId = text(row, Target.CONTACT_EXTERNAL_ID), email = text(row, Target.CONTACT_EMAIL),
        name = text(row, Target.CONTACT_NAME), role = text(row, Target.CONTACT_ROLE);
    Map<String, Object> attrs = attributes(row, "contact");
    if (externalId == null && email == null && name == null && role == null && attrs.isEmpty()) return null;
    return new ContactData(externalId, email, name, role, attrs);
  }

  private AccountData account(List<String> row) {
    String externalId = text(row, Target.ACCOUNT_EXTERNAL_ID), name = text(row, Target.ACCOUNT_NAME),
        tier = text(row, Target.ACCOUNT_TIER), owner = text(row, Target.ACCOUNT_OWNER);
    BigDecimal arr = decimal(value(row, Target.ACCOUNT_ARR));
    LocalDate renewal = date(value(row, Target.ACCOUNT_RENEWAL_DATE));
    Map<String, Object> attrs = attributes(row, "account");
    if (externalId == null && name == null && tier == null && owner == null && arr == null && renewal == null
        && attrs.isEmpty()) return null;
    return new AccountData(externalId, name, tier, arr, renewal, owner, attrs);
  }

  private Map<String, Object> attributes(List<String> row, String group) {
    Map<String, Object> out = null;
    for (Attribute a : attributes) {
      if (!a.group.equals(group)) continue;
      String v = cell(row, a.column);
      if (v == null) continue;
      if (out == null) out = new LinkedHashMap<>();
      out.put(a.key, v);
    }
    return out == null ? Map.of() : out;
  }

  private String value(List<String> row, Target t) {
    return cell(row, columns[t.ordinal()]);
  }

  private static String cell(List<String> row, int column) {
    if (column < 0 || column >= row.size()) return null;
    String s = row.get(column).strip();
    return s.isEmpty() ? null : s;
  }

  private String text(List<String> row, Target t) {
    String v = value(row, t);
    int max = t == Target.COMMENT ? ResponseCommand.MAX_COMMENT : ResponseCommand.MAX_TEXT;
    if (v != null && v.length() > max) throw new Bad(t.key, "must be at most " + max + " characters");
    return v;
  }

  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,9}(\\.\\d{1,9})?");

  static Score score(String v) {
    if (v == null) throw new Bad("score", "is required");
    if (!NUMBER.matcher(v).matches())
      throw new Bad("score", "must be a whole number from 0 to 10, was \"" + shorten(v) + "\"");
    BigDecimal d = new BigDecimal(v);
    if (d.stripTrailingZeros().scale() > 0) throw new Bad("score", "must be a whole number from 0 to 10, was " + v);
    if (d.signum() < 0 || d.compareTo(BigDecimal.TEN) > 0) throw new Bad("score", "must be from 0 to 10, was " + v);
    return new Score(d.intValue());
  }

  private static Kind kind(String v) {
    if (v == null) return null;
    return Kind.parse(v).orElseThrow(() -> new Bad("kind", "must be \"relational\" or \"transactional\", was \""
        + shorten(v) + "\""));
  }

  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

  private static BigDecimal decimal(String v) {
    if (v == null) return null;
    String s = GROUPED.matcher(v).matches() ? v.replace(",", "") : v;
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new Bad(Target.ACCOUNT_ARR.key, "must be a number, was \"" + shorten(v) + "\"");
    }
  }

  /** ISO date, optional {@code T} or space and time, optional offset ({@code Z}, {@code +02:00}, {@code +0200}). */
  private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().parseLenient().appendOffset("+HH", "Z").optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT).withResolverStyle(java.time.format.ResolverStyle.STRICT); // 2026-02-30 is refused, not moved to the 28th

  Instant instant(String v) {
    if (v == null) return null;
    TemporalAccessor t = parse(v);
    if (t == null && v.length() >= 10 && v.length() <= 13 && v.chars().allMatch(Character::isDigit)) {
      long n = Long.parseLong(v); // unix time, as some survey tools export it
      return v.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }
    return switch (t) {
      case ZonedDateTime z -> z.toInstant();
      case OffsetDateTime o -> o.toInstant();
      case LocalDateTime l -> l.atZone(options.zone()).toInstant();
      case LocalDate d -> d.atStartOfDay(options.zone()).toInstant();
      case null, default -> throw new Bad(Target.RESPONDED_AT.key, "must be a date-time like 2026-03-01T09:30:00Z, "
          + "2026-03-01 09:30:00 or 2026-03-01" + (options.dateFormat() == null ? "" : ", or match dateFormat")
          + ", was \"" + shorten(v) + "\"");
    };
  }

  private LocalDate date(String v) {
    if (v == null) return null;
    return switch (parse(v)) {
      case ZonedDateTime z -> z.toLocalDate();
      case OffsetDateTime o -> o.toLocalDate();
      case LocalDateTime l -> l.toLocalDate();
      case LocalDate d -> d;
      case null, default -> throw new Bad(Target.ACCOUNT_RENEWAL_DATE.key, "must be a date like 2026-09-30"
          + (options.dateFormat() == null ? "" : ", or match dateFormat") + ", was \"" + shorten(v) + "\"");
    };
  }

  /** The given format first, then the ISO shapes; null when neither reads it. */
  private TemporalAccessor parse(String v) {
    if (options.dateFormat() != null) {
      try {
        return options.dateFormat().parseBest(v, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from,
            LocalDate::from);
      } catch (DateTimeParseException e) {
        // fall through to ISO
      }
    }
    String s = v.length() > 11 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
    try {
      return ISO.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String shorten(String v) {
    return v.length() <= 40 ? v : v.substring(0, 40) + "…";
  }
}
