package dev.followthrough.outreach.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * No customer email between {@code start} and {@code end} local time (a window may cross midnight).
 * A message due inside the window waits for its end, unless that is after the case's deadline: the
 * SLA wins over politeness.
 */
public record QuietHours(LocalTime start, LocalTime end) {

  public static QuietHours parse(String spec) {
    if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("off")) return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    String[] p = spec.strip().split("-");
    if (p.length != 2) throw new IllegalArgumentException("quiet hours must look like 21:00-08:00, was " + spec);
    return new QuietHours(LocalTime.parse(p[0].strip()), LocalTime.parse(p[1].strip()));
  }

  public boolean off() {
    return start.equals(end);
  }

  public boolean isQuiet(LocalTime t) {
    if (off()) return false;
    return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
  }

  /** When to send a customer message that is ready at {@code now}; {@code deadline} may be null. */
  public Instant sendAt(Instant now, ZoneId zone, Instant deadline) {
    ZonedDateTime local = now.atZone(zone);
    if (!isQuiet(local.toLocalTime())) return now;
    ZonedDateTime endToday = local.with(end);
    ZonedDateTime next = endToday.isAfter(local) ? endToday : endToday.plusDays(1);
    Instant at = next.toInstant();
    if (deadline != null && at.isAfter(deadline)) return now;
    return at;
  }
}
