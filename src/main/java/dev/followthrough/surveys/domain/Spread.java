package dev.followthrough.surveys.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * When each contact of a relational wave is asked: on a weekday morning in the contact's own time
 * zone, spread evenly over the period — or, with cohorts, over the contact's cohort's share of it
 * (cohort {@code k} of {@code n} gets the k-th n-th of the period, in whole months when they divide it), so feedback arrives continuously
 * instead of in one burst. A contact's cohort is fixed by its id, so it is asked once per period and
 * the same part of the base answers each month. Deterministic: planning twice plans the same.
 */
public final class Spread {

  /** Someone to schedule. */
  public record Target(UUID contactId, ZoneId zone) {}

  public record Slot(UUID contactId, Instant at, int cohort) {}

  /** The local morning window sends fall in, e.g. 09:00–11:00. */
  public record Morning(LocalTime from, LocalTime to) {
    public Morning {
      if (!to.isAfter(from)) throw new IllegalArgumentException("the morning must end after it starts");
    }

    long minutes() {
      return java.time.Duration.between(from, to).toMinutes();
    }
  }

  private Spread() {}

  /** The cohort of a contact among {@code cohorts}: stable, and close to uniform over random ids. */
  public static int cohortOf(UUID contactId, int cohorts) {
    return (int) Math.floorMod(mix(contactId, 0x9E3779B97F4A7C15L), (long) cohorts);
  }

  /**
   * Slots for one period. {@code from} is the first day that may still be used (planning in the middle
   * of a period spreads the rest of it over the remaining weekdays).
   */
  public static List<Slot> plan(List<Target> targets, Cadence cadence, int period, int cohorts, Morning morning,
                                LocalDate from) {
    LocalDate start = cadence.start(period);
    LocalDate end = cadence.end(period);
    long days = java.time.temporal.ChronoUnit.DAYS.between(start, end);
    Map<Integer, List<Target>> byCohort = new HashMap<>();
    for (Target t : targets) byCohort.computeIfAbsent(cohortOf(t.contactId(), cohorts), k -> new ArrayList<>()).add(t);
    List<Slot> slots = new ArrayList<>(targets.size());
    for (var e : byCohort.entrySet()) {
      int k = e.getKey();
      // whole months when the period divides into them (a quarter in 3 cohorts: one calendar month each)
      boolean monthly = cadence.months() % cohorts == 0;
      int step = cadence.months() / cohorts;
      LocalDate cStart = monthly ? start.plusMonths((long) step * k) : start.plusDays(days * k / cohorts);
      LocalDate cEnd = monthly ? start.plusMonths((long) step * (k + 1)) : start.plusDays(days * (k + 1) / cohorts);
      List<LocalDate> weekdays = weekdays(cStart.isBefore(from) ? from : cStart, cEnd);
      if (weekdays.isEmpty()) weekdays = weekdays(from.isBefore(start) ? start : from, end); // this cohort's share is past
      if (weekdays.isEmpty()) weekdays = List.of(nextWeekday(from));
      List<Target> members = new ArrayList<>(e.getValue());
      // a random-looking but fixed order, so day i of the window gets every (n/days)-th contact
      long salt = period * 0x632BE59BD9B4E019L;
      members.sort(Comparator.comparingLong((Target t) -> mix(t.contactId(), salt)).thenComparing(Target::contactId));
      int n = members.size();
      for (int i = 0; i < n; i++) {
        Target t = members.get(i);
        LocalDate day = weekdays.get((int) ((long) i * weekdays.size() / n));
        long minute = Math.floorMod(mix(t.contactId(), salt ^ 0x5DEECE66DL), morning.minutes());
        Instant at = day.atTime(morning.from().plusMinutes(minute)).atZone(t.zone()).toInstant();
        slots.add(new Slot(t.contactId(), at, k));
      }
    }
    slots.sort(Comparator.comparing(Slot::at).thenComparing(Slot::contactId));
    return slots;
  }

  public static List<LocalDate> weekdays(LocalDate from, LocalDate endExclusive) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; d.isBefore(endExclusive); d = d.plusDays(1)) if (isWeekday(d)) out.add(d);
    return out;
  }

  static LocalDate nextWeekday(LocalDate d) {
    while (!isWeekday(d)) d = d.plusDays(1);
    return d;
  }

  public static boolean isWeekday(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private static long mix(UUID id, long salt) {
    long z = id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 29) ^ salt;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
