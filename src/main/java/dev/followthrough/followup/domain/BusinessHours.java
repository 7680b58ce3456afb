package dev.followthrough.followup.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Working time in one time zone, e.g. {@code MON-FRI 09:00-17:00} in Europe/Berlin. An SLA on the
 * business calendar counts only these hours: 8 business hours from Friday 16:00 end on Monday 15:00.
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

  public BusinessHours {
    days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    if (days.isEmpty()) throw new IllegalArgumentException("business hours need at least one day");
    if (!start.isBefore(end)) throw new IllegalArgumentException("business hours must start before they end: " + start + "-" + end);
  }

  /** Parses {@code MON-FRI 09:00-17:00} or {@code MON,TUE,THU 08:30-16:00}. */
  public static BusinessHours parse(String spec, ZoneId zone) {
    String[] parts = spec.trim().split("\\s+");
    if (parts.length != 2) throw new IllegalArgumentException("expected 'MON-FRI 09:00-17:00', got '" + spec + "'");
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String item : parts[0].split(",")) {
      String[] range = item.split("-");
      DayOfWeek from = day(range[0]);
      DayOfWeek to = range.length > 1 ? day(range[1]) : from;
      for (DayOfWeek d = from; ; d = d.plus(1)) {
        days.add(d);
        if (d == to) break;
      }
    }
    String[] hours = parts[1].split("-");
    if (hours.length != 2) throw new IllegalArgumentException("expected hours like 09:00-17:00, got '" + parts[1] + "'");
    return new BusinessHours(days, LocalTime.parse(hours[0]), LocalTime.parse(hours[1]), zone);
  }

  private static DayOfWeek day(String s) {
    String u = s.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) if (d.name().startsWith(u) && u.length() >= 3) return d;
    throw new IllegalArgumentException("unknown day '" + s + "' (use MON, TUE, …)");
  }

  /** The instant that lies {@code amount} of business time after {@code from}. */
  public Instant plus(Instant from, Duration amount) {
    ZonedDateTime t = from.atZone(zone);
    Duration left = amount;
    for (int guard = 0; guard < 100_000; guard++) {
      if (days.contains(t.getDayOfWeek())) {
        ZonedDateTime open = t.with(start);
        ZonedDateTime close = t.with(end);
        if (t.isBefore(open)) t = open;
        if (t.isBefore(close)) {
          Duration available = Duration.between(t, close);
          if (available.compareTo(left) >= 0) return t.plus(left).toInstant();
          left = left.minus(available);
        }
      }
      t = t.toLocalDate().plusDays(1).atStartOfDay(zone);
    }
    throw new IllegalStateException("business time overflow");
  }
}
