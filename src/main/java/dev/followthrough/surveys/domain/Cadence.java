package dev.followthrough.surveys.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Periods of a relational program: period 0 starts on its start date, each lasts {@code months}. */
public record Cadence(LocalDate startsOn, int months) {

  public Cadence {
    if (months < 1) throw new IllegalArgumentException("months must be positive");
  }

  /** The period that contains {@code day}; -1 before the program starts. */
  public int periodOf(LocalDate day) {
    if (day.isBefore(startsOn)) return -1;
    int p = (int) (ChronoUnit.MONTHS.between(startsOn, day) / months);
    // MONTHS.between counts whole months; a period starting on the 31st may need a step back
    while (start(p).isAfter(day)) p--;
    while (!start(p + 1).isAfter(day)) p++;
    return p;
  }

  public LocalDate start(int period) {
    return startsOn.plusMonths((long) period * months);
  }

  /** The first day after the period. */
  public LocalDate end(int period) {
    return start(period + 1);
  }
}
