package dev.followthrough.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.reporting.domain.ReportPeriod.Kind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

  @Test
  void a_scheduled_weekly_report_covers_the_last_complete_monday_to_sunday() {
    ReportPeriod p = ReportPeriod.lastComplete(Kind.WEEK, LocalDate.of(2026, 12, 9)); // a Wednesday
    assertThat(p.start()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(p.end()).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(p.lastDay()).isEqualTo(LocalDate.of(2026, 12, 6));
    assertThat(p.label()).isEqualTo("Week 49 of 2026 (2026-11-30 to 2026-12-06)");
    assertThat(ReportPeriod.lastComplete(Kind.WEEK, LocalDate.of(2026, 12, 7))).isEqualTo(p); // run on the Monday itself
  }

  @Test
  void months_and_quarters_are_calendar_ones_and_know_their_predecessor() {
    ReportPeriod month = ReportPeriod.lastComplete(Kind.MONTH, LocalDate.of(2026, 3, 1));
    assertThat(month).isEqualTo(new ReportPeriod(Kind.MONTH, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)));
    assertThat(month.label()).isEqualTo("February 2026");
    assertThat(month.previous()).isEqualTo(new ReportPeriod(Kind.MONTH, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)));

    ReportPeriod quarter = ReportPeriod.lastComplete(Kind.QUARTER, LocalDate.of(2026, 5, 17));
    assertThat(quarter).isEqualTo(new ReportPeriod(Kind.QUARTER, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1)));
    assertThat(quarter.label()).isEqualTo("Q1 2026");
    assertThat(quarter.previous().label()).isEqualTo("Q4 2025");
  }

  @Test
  void a_custom_period_is_compared_with_as_many_days_just_before_it() {
    ReportPeriod p = new ReportPeriod(Kind.CUSTOM, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 24));
    assertThat(p.days()).isEqualTo(14);
    assertThat(p.previous()).isEqualTo(new ReportPeriod(Kind.CUSTOM, LocalDate.of(2026, 2, 24), LocalDate.of(2026, 3, 10)));
    assertThat(p.label()).isEqualTo("2026-03-10 to 2026-03-23");
  }

  @Test
  void an_empty_or_backwards_or_overlong_period_is_refused() {
    assertThatThrownBy(() -> new ReportPeriod(Kind.CUSTOM, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10)))
        .hasMessageContaining("start must be before end");
    assertThatThrownBy(() -> new ReportPeriod(Kind.CUSTOM, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1)))
        .hasMessageContaining("at most");
    assertThatThrownBy(() -> Kind.parse("fortnight")).hasMessageContaining("week, month, quarter, custom");
  }
}
