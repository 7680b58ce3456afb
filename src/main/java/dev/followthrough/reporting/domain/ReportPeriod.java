package dev.followthrough.reporting.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The days a report covers: {@code start} inclusive, {@code end} exclusive, cut in the reporting time
 * zone. Weeks start on Monday, months and quarters are calendar ones; a custom period is any run of days.
 */
public record ReportPeriod(Kind kind, LocalDate start, LocalDate end) {

  public enum Kind {
    WEEK, MONTH, QUARTER, CUSTOM;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String value) {
      try {
        return Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("kind must be one of week, month, quarter, custom");
      }
    }
  }

  /** Longest custom period: two years keeps one report readable and its queries bounded. */
  public static final int MAX_DAYS = 731;

  public ReportPeriod {
    if (kind == null || start == null || end == null) throw new IllegalArgumentException("kind, start and end are required");
    if (!start.isBefore(end)) throw new IllegalArgumentException("start must be before end, was " + start + " to " + end);
    if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) throw new IllegalArgumentException("a report covers at most " + MAX_DAYS + " days");
  }

  /** The calendar week, month or quarter that contains {@code day}. */
  public static ReportPeriod containing(Kind kind, LocalDate day) {
    return switch (kind) {
      case WEEK -> {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new ReportPeriod(kind, monday, monday.plusWeeks(1));
      }
      case MONTH -> new ReportPeriod(kind, day.withDayOfMonth(1), day.withDayOfMonth(1).plusMonths(1));
      case QUARTER -> {
        LocalDate first = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
        yield new ReportPeriod(kind, first, first.plusMonths(3));
      }
      case CUSTOM -> throw new IllegalArgumentException("a custom period needs its own start and end");
    };
  }

  /** The last complete week, month or quarter before {@code today}: what a scheduled report covers. */
  public static ReportPeriod lastComplete(Kind kind, LocalDate today) {
    return containing(kind, today).previous();
  }

  /** The period just before this one: the previous calendar period, or as many days just before a custom one. */
  public ReportPeriod previous() {
    return switch (kind) {
      case WEEK -> new ReportPeriod(kind, start.minusWeeks(1), start);
      case MONTH -> new ReportPeriod(kind, start.minusMonths(1), start);
      case QUARTER -> new ReportPeriod(kind, start.minusMonths(3), start);
      case CUSTOM -> new ReportPeriod(kind, start.minusDays(days()), start);
    };
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, end);
  }

  /** The last day the period includes. */
  public LocalDate lastDay() {
    return end.minusDays(1);
  }

  /** Where the NPS trend starts: a dozen periods of the same size back (custom: its months, at least six). */
  public LocalDate trendStart() {
    return switch (kind) {
      case WEEK -> start.minusWeeks(11);
      case MONTH -> start.minusMonths(11);
      case QUARTER -> start.minusMonths(3 * 7);
      case CUSTOM -> start.withDayOfMonth(1).minusMonths(5);
    };
  }

  /** Which grouping the trend uses: weeks for weekly reports, quarters for quarterly ones, months otherwise. */
  public String trendGrouping() {
    return switch (kind) {
      case WEEK -> "week";
      case QUARTER -> "quarter";
      case MONTH, CUSTOM -> "month";
    };
  }

  public String label() {
    return switch (kind) {
      case WEEK -> "Week " + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " of " + start.get(IsoFields.WEEK_BASED_YEAR)
          + " (" + start + " to " + lastDay() + ")";
      case MONTH -> start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + start.getYear();
      case QUARTER -> "Q" + ((start.getMonthValue() - 1) / 3 + 1) + " " + start.getYear();
      case CUSTOM -> start + " to " + lastDay();
    };
  }
}
