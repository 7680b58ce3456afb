package dev.followthrough.triggers.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 48h}, {@code 5d}, {@code 30m}, {@code 90s}, or ISO-8601 {@code PT48H}. */
public final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,6})\\s*(d|h|m|s)");

  private Durations() {}

  public static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      };
    }
    try {
      return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a duration like 48h, 5d, 30m or PT48H, was \"" + text + "\"");
    }
  }

  public static String format(Duration d) {
    if (d == null) return null;
    long s = d.getSeconds();
    if (d.getNano() != 0) return d.toString();
    if (s != 0 && s % 86_400 == 0 && s > 172_800) return s / 86_400 + "d";
    if (s != 0 && s % 3_600 == 0) return s / 3_600 + "h";
    if (s != 0 && s % 60 == 0) return s / 60 + "m";
    return s + "s";
  }

  /** For reasons: "24 h", "5 days". */
  public static String words(Duration d) {
    long s = d.getSeconds();
    if (s % 86_400 == 0 && s > 172_800) return s / 86_400 + (s == 86_400 ? " day" : " days");
    if (s % 3_600 == 0) return s / 3_600 + " h";
    return s / 60 + " min";
  }
}
