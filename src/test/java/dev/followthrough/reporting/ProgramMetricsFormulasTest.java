package dev.followthrough.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.followthrough.reporting.ProgramMetricsFormulas.HalfLife;
import dev.followthrough.reporting.ProgramMetricsFormulas.Week;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramMetricsFormulasTest {

  @Test
  void a_rate_that_halves_every_week_has_a_half_life_of_seven_days() {
    HalfLife h = ProgramMetricsFormulas.halfLife(List.of(new Week(0, 10, 8), new Week(1, 10, 4), new Week(2, 10, 2),
        new Week(3, 10, 1)));
    assertThat(h.halfLifeDays()).isCloseTo(7.0, within(1e-9));
    assertThat(h.low()).isCloseTo(7.0, within(1e-6));
    assertThat(h.high()).isCloseTo(7.0, within(1e-6));
    assertThat(h.weeksUsed()).isEqualTo(4);
  }

  @Test
  void a_noisy_decay_gets_its_half_life_and_interval_from_the_slope_like_scipy_linregress() {
    int[] mentions = {10, 7, 4, 4, 2, 1};
    List<Week> weeks = new java.util.ArrayList<>();
    for (int w = 0; w < mentions.length; w++) weeks.add(new Week(w, 20, mentions[w]));
    weeks.add(new Week(6, 20, 0));   // no mention: log 0 is left out
    weeks.add(new Week(7, 0, 0));    // nothing coded that week
    HalfLife h = ProgramMetricsFormulas.halfLife(weeks);
    assertThat(h.weeksUsed()).isEqualTo(6);
    assertThat(h.halfLifeDays()).isCloseTo(11.12033759186317, within(1e-9));
    assertThat(h.low()).isCloseTo(8.509452951222826, within(1e-6));
    assertThat(h.high()).isCloseTo(16.04253516398282, within(1e-6));
  }

  @Test
  void too_few_weeks_or_no_decay_give_no_half_life_and_say_why() {
    HalfLife few = ProgramMetricsFormulas.halfLife(List.of(new Week(0, 10, 5), new Week(1, 10, 2), new Week(2, 10, 1)));
    assertThat(few.halfLifeDays()).isNull();
    assertThat(few.note()).startsWith("not enough data");
    HalfLife rising = ProgramMetricsFormulas.halfLife(List.of(new Week(0, 10, 1), new Week(1, 10, 2), new Week(2, 10, 3),
        new Week(3, 10, 4)));
    assertThat(rising.halfLifeDays()).isNull();
    assertThat(rising.note()).startsWith("no decay");
  }

  @Test
  void a_barely_falling_rate_has_an_open_upper_bound() {
    HalfLife h = ProgramMetricsFormulas.halfLife(List.of(new Week(0, 10, 5), new Week(1, 10, 6), new Week(2, 10, 4),
        new Week(3, 10, 5), new Week(4, 10, 4)));
    assertThat(h.halfLifeDays()).isPositive();
    assertThat(h.high()).isNull();
    assertThat(h.note()).contains("upper bound open");
  }

  @Test
  void follow_up_cost_adds_each_channel_at_its_price_and_rates_need_a_denominator() {
    assertThat(ProgramMetricsFormulas.followUpCost(10, 3, 20, 2.5, 40, 0.5)).isEqualTo(155.0);
    assertThat(ProgramMetricsFormulas.rate(0, 0)).isNull();
    assertThat(ProgramMetricsFormulas.rateInterval(0, 0)).isNull();
    assertThat(ProgramMetricsFormulas.rate(1, 4)).isEqualTo(0.25);
  }
}
