package dev.followthrough.web;

import dev.followthrough.nps.Interval;
import dev.followthrough.nps.NpsSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes numbers, for templates. NPS is shown in whole points with its sign
 * ("+32", "−5"), because one decimal suggests a precision that a ±10-point interval does not
 * have; an empty sample shows a dash, never 0.
 */
public final class Fmt {

  /** Below this many respondents an interval is so wide that the number is a hint, not a measurement. */
  public static final int SMALL_N = 30;

  private static final String MINUS = "\u2212";
  private static final String DASH = "\u2014";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  private Fmt() {}

  public static String nps(double points) {
    if (Double.isNaN(points)) return DASH;
    long r = Math.round(points);
    return r > 0 ? "+" + r : r < 0 ? MINUS + (-r) : "0";
  }

  public static String precise(double points) {
    if (Double.isNaN(points)) return DASH;
    String s = String.format(Locale.ROOT, "%.1f", Math.abs(points));
    return points > 0.05 ? "+" + s : points < -0.05 ? MINUS + s : "0.0";
  }

  public static String ci(Interval ci) {
    if (ci == null || Double.isNaN(ci.low())) return DASH;
    return nps(ci.low()) + " to " + nps(ci.high());
  }

  public static String ci(NpsSummary s) {
    return ci(s.ci95());
  }

  /** Half the interval's width: "±12". */
  public static String margin(NpsSummary s) {
    if (s.n() == 0 || Double.isNaN(s.ci95().low())) return DASH;
    return "\u00b1" + Math.round((s.ci95().high() - s.ci95().low()) / 2);
  }

  public static boolean small(NpsSummary s) {
    return s.n() > 0 && s.n() < SMALL_N;
  }

  public static boolean small(long n) {
    return n > 0 && n < SMALL_N;
  }

  public static String pct(long part, long whole) {
    if (whole == 0) return DASH;
    return Math.round(100.0 * part / whole) + "%";
  }

  /** Width for a bar, as a CSS percentage with one decimal. */
  /**
   * A percentage as a whole number 0–100 for the {@code w-N} (width) and {@code l-N} (left) classes of
   * console.css: the CSP has no {@code 'unsafe-inline'}, so bars cannot carry a {@code style} attribute.
   */
  public static int whole(String percent) {
    double v;
    try {
      v = Double.parseDouble(percent);
    } catch (NumberFormatException e) {
      return 0;
    }
    return (int) Math.round(Math.max(0, Math.min(100, Double.isNaN(v) ? 0 : v)));
  }

  public static String share(long part, long whole) {
    if (whole == 0) return "0";
    return String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
  }

  /** Where a value on −100…+100 sits on a 0…100% track. */
  public static String pos(double points) {
    if (Double.isNaN(points)) return "50";
    double p = (Math.max(-100, Math.min(100, points)) + 100) / 2;
    return String.format(Locale.ROOT, "%.1f", p);
  }

  /** Width of an interval on the same track. */
  public static String span(Interval ci) {
    if (ci == null || Double.isNaN(ci.low())) return "0";
    return String.format(Locale.ROOT, "%.1f", (ci.high() - ci.low()) / 2);
  }

  /** A CSS class for the colour of an NPS: good, fair, poor or none. */
  public static String tone(double points) {
    if (Double.isNaN(points)) return "none";
    return points >= 30 ? "good" : points >= 0 ? "fair" : "poor";
  }

  public static String count(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  /** ARR in short form, "1.2M", "850k"; the currency is whatever the CRM sends, so none is shown. */
  public static String money(BigDecimal amount) {
    if (amount == null) return DASH;
    double v = amount.doubleValue();
    double a = Math.abs(v);
    if (a >= 1_000_000_000) return trim(v / 1_000_000_000) + "B";
    if (a >= 1_000_000) return trim(v / 1_000_000) + "M";
    if (a >= 10_000) return Math.round(v / 1000) + "k";
    return moneyFull(amount);
  }

  public static String moneyFull(BigDecimal amount) {
    if (amount == null) return DASH;
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    return f.format(amount.setScale(0, RoundingMode.HALF_UP));
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  public static String date(Instant t, ZoneId zone) {
    return t == null ? DASH : DAY.format(t.atZone(zone));
  }

  public static String dateTime(Instant t, ZoneId zone) {
    return t == null ? DASH : DAY_TIME.format(t.atZone(zone));
  }

  public static String date(LocalDate d) {
    return d == null ? DASH : DAY.format(d);
  }

  /** A duration in words a person reads at a glance: "40 s", "3 min", "1 h 5 min", "2 days". */
  public static String duration(Number seconds) {
    if (seconds == null) return DASH;
    long s = Math.round(seconds.doubleValue());
    if (s < 60) return s + " s";
    if (s < 3600) return Math.round(s / 60.0) + " min";
    if (s < 86_400) {
      long h = s / 3600, m = Math.round((s % 3600) / 60.0);
      return m == 0 ? h + " h" : h + " h " + m + " min";
    }
    long d = Math.round(s / 86_400.0);
    return d + (d == 1 ? " day" : " days");
  }

  /** How long ago (or until) {@code t}, in words: "just now", "5 minutes ago", "in 3 days". */
  public static String ago(Instant t, Instant now) {
    if (t == null) return DASH;
    long s = java.time.Duration.between(t, now).getSeconds();
    long a = Math.abs(s);
    if (a < 45) return "just now";
    String span;
    if (a < 3600) span = plural(Math.max(1, Math.round(a / 60.0)), "minute");
    else if (a < 86_400) span = plural(Math.round(a / 3600.0), "hour");
    else if (a < 30 * 86_400L) span = plural(Math.round(a / 86_400.0), "day");
    else if (a < 365 * 86_400L) span = plural(Math.round(a / (30 * 86_400.0)), "month");
    else span = plural(Math.round(a / (365 * 86_400.0)), "year");
    return s >= 0 ? span + " ago" : "in " + span;
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  /** Machine-readable form for {@code <time datetime>}. */
  public static String iso(Instant t) {
    return t == null ? "" : t.toString();
  }

  /** A detected language for people: "French (fr)"; {@code und}: the text was too short to tell. */
  public static String language(String code) {
    if (code == null || code.isBlank()) return DASH;
    if (code.equals("und")) return "Undetermined (und)";
    String name = java.util.Locale.forLanguageTag(code).getDisplayLanguage(java.util.Locale.ENGLISH);
    return name.isBlank() || name.equals(code) ? code : name + " (" + code + ")";
  }

  public static String orDash(String s) {
    return s == null || s.isBlank() ? DASH : s;
  }

  public static String shortId(Object id) {
    String s = String.valueOf(id);
    return s.length() > 8 ? s.substring(0, 8) : s;
  }

  /** "promoter" → "Promoter". */
  public static String title(String s) {
    if (s == null || s.isEmpty()) return "";
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  /** The at-risk threshold as people read it: "below 0", "below +10". */
  public static String threshold(double points) {
    return nps(points);
  }

  /** "A real change: NPS is up …" → "A real change". */
  public static String verdictHead(String verdict) {
    int i = verdict == null ? -1 : verdict.indexOf(": ");
    return i < 0 ? "" : verdict.substring(0, i);
  }

  /** The verdict after its head, first letter capitalised. */
  public static String verdictBody(String verdict) {
    if (verdict == null) return "";
    int i = verdict.indexOf(": ");
    String rest = i < 0 ? verdict : verdict.substring(i + 2);
    return title(rest);
  }

  /** "23%" of total ARR, or a dash when there is no ARR at all. */
  public static String moneyShare(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() == 0) return DASH;
    return Math.round(100 * part.doubleValue() / whole.doubleValue()) + "%";
  }

  /** A p-value as a statistician would write it: "0.012", "< 0.001". */
  public static String p(double p) {
    if (Double.isNaN(p)) return DASH;
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  /** The category key of a score: promoter, passive or detractor. */
  public static String category(int score) {
    return dev.followthrough.nps.Category.of(score).key();
  }

  /** A query-string value. */
  public static String url(String s) {
    return s == null ? "" : java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
