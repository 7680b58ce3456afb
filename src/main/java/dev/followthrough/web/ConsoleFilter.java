package dev.followthrough.web;

import dev.followthrough.responses.ResponseQueries.Grouping;
import dev.followthrough.responses.ResponseQueries.ResponseFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The filters of a console page as they travel in the query string, so every view is bookmarkable.
 * Values are kept as typed (to show them back in the form); a value that makes no sense is named
 * in {@link #problems()} and ignored, rather than failing the page.
 *
 * @param from first day, inclusive ({@code 2026-03-01}), in the reporting time zone
 * @param to last day, inclusive
 * @param every trend granularity: month, week or quarter
 * @param language the comment's detected language ({@code fr}, or {@code und}: too short to tell)
 */
public record ConsoleFilter(String from, String to, String program, String kind, String tier, String touchpoint,
                            String account, String category, String q, String every, List<String> problems,
                            String language) {

  public static final List<String> KINDS = List.of("relational", "transactional");
  public static final List<String> CATEGORIES = List.of("promoter", "passive", "detractor");
  public static final List<String> GRANULARITIES = List.of("month", "week", "quarter");
  private static final int MAX = 200;

  public static ConsoleFilter none() {
    return of(Map.of());
  }

  public static ConsoleFilter of(Map<String, String> params) {
    List<String> problems = new ArrayList<>();
    String from = clean(params.get("from"));
    String to = clean(params.get("to"));
    LocalDate f = date("From", from, problems);
    LocalDate t = date("To", to, problems);
    if (f != null && t != null && t.isBefore(f)) {
      problems.add("“To” is before “From”: the period is empty, so both dates are ignored.");
      from = null;
      to = null;
    }
    String kind = oneOf("Kind", clean(params.get("kind")), KINDS, problems);
    String category = oneOf("Category", clean(params.get("category")), CATEGORIES, problems);
    String every = clean(params.get("every"));
    if (every != null && !GRANULARITIES.contains(every.toLowerCase(Locale.ROOT))) {
      problems.add("Trend granularity must be month, week or quarter; showing months.");
      every = null;
    }
    return new ConsoleFilter(from, to, clean(params.get("program")), kind, clean(params.get("tier")),
        clean(params.get("touchpoint")), clean(params.get("account")), category, clean(params.get("q")),
        every == null ? null : every.toLowerCase(Locale.ROOT), List.copyOf(problems), language(params.get("language"), problems));
  }

  private static String language(String value, List<String> problems) {
    String v = clean(value);
    if (v == null) return null;
    v = v.toLowerCase(Locale.ROOT);
    if (v.matches("[a-z]{2,3}")) return v;
    problems.add("“Language” must be a language code such as fr; it is ignored.");
    return null;
  }

  /** The filter for queries; the dates are whole days in {@code zone}, {@code to} included. */
  public ResponseFilter toResponseFilter(ZoneId zone) {
    LocalDate f = parse(from);
    LocalDate t = parse(to);
    Instant fi = f == null ? null : f.atStartOfDay(zone).toInstant();
    Instant ti = t == null ? null : t.plusDays(1).atStartOfDay(zone).toInstant();
    if (fi != null && ti != null && !fi.isBefore(ti)) ti = null;
    return new ResponseFilter(fi, ti, program, kind, tier, touchpoint, account, category, null, q, language);
  }

  public Grouping grouping() {
    return every == null ? Grouping.MONTH : Grouping.valueOf(every.toUpperCase(Locale.ROOT));
  }

  public String granularity() {
    return grouping().name().toLowerCase(Locale.ROOT);
  }

  /** True when anything narrows the data (the granularity does not). */
  public boolean narrowed() {
    return from != null || to != null || program != null || kind != null || tier != null || touchpoint != null
        || account != null || category != null || q != null || language != null;
  }

  public Map<String, String> values() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "from", from);
    put(m, "to", to);
    put(m, "program", program);
    put(m, "kind", kind);
    put(m, "tier", tier);
    put(m, "touchpoint", touchpoint);
    put(m, "account", account);
    put(m, "category", category);
    put(m, "q", q);
    put(m, "language", language);
    put(m, "every", every);
    return m;
  }

  /** The query string (no leading "?") with the given keys replaced; a null value removes a key. */
  public String query(String... keyValues) {
    Map<String, String> m = values();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] == null || keyValues[i + 1].isBlank()) m.remove(keyValues[i]);
      else m.put(keyValues[i], keyValues[i + 1]);
    }
    return encode(m);
  }

  /** A link to {@code path} carrying this filter, with the given keys replaced. */
  public String link(String path, String... keyValues) {
    String q = query(keyValues);
    return q.isEmpty() ? path : path + "?" + q;
  }

  /** Only the narrowing filters that {@code path} understands (no granularity). */
  public String linkWithout(String path, String... keys) {
    Map<String, String> m = values();
    for (String k : keys) m.remove(k);
    String q = encode(m);
    return q.isEmpty() ? path : path + "?" + q;
  }

  static String encode(Map<String, String> m) {
    return m.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) m.put(k, v);
  }

  private static String clean(String s) {
    if (s == null) return null;
    String t = s.strip();
    if (t.isEmpty()) return null;
    return t.length() > MAX ? t.substring(0, MAX) : t;
  }

  private static LocalDate parse(String s) {
    if (s == null) return null;
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDate date(String label, String s, List<String> problems) {
    if (s == null) return null;
    LocalDate d = parse(s);
    if (d == null) problems.add("“" + label + "” must be a date like 2026-03-01; it is ignored.");
    return d;
  }

  private static String oneOf(String label, String s, List<String> allowed, List<String> problems) {
    if (s == null) return null;
    String v = s.toLowerCase(Locale.ROOT);
    if (allowed.contains(v)) return v;
    problems.add("“" + label + "” must be one of " + String.join(", ", allowed) + "; it is ignored.");
    return null;
  }
}
