package dev.followthrough.nps;

import static dev.followthrough.nps.NpsFixtures.detractors;
import static dev.followthrough.nps.NpsFixtures.detractorsPassivesPromoters;
import static dev.followthrough.nps.NpsFixtures.promoters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NpsSummaryTest {

  @Test
  void worked_example_a_is_reported_in_points_with_the_adjusted_wald_interval() {
    NpsSummary summary = NpsSummary.of(detractorsPassivesPromoters(54, 108, 162));

    assertThat(summary.n()).isEqualTo(324);
    assertThat(summary.promoters()).isEqualTo(162);
    assertThat(summary.passives()).isEqualTo(108);
    assertThat(summary.detractors()).isEqualTo(54);
    assertThat(summary.nps()).isCloseTo(33.333, within(1e-3));
    assertThat(summary.standardError()).isCloseTo(4.1409, within(1e-3));
    assertThat(summary.ci95().low()).isCloseTo(24.945, within(1e-2));
    assertThat(summary.ci95().high()).isCloseTo(41.110, within(1e-2));
    assertThat(summary.ci95().method()).isEqualTo("adjusted-wald");
  }

  @Test
  void unanimous_samples_stay_within_plus_minus_one_hundred_points() {
    NpsSummary allPromoters = NpsSummary.of(promoters(50));
    NpsSummary allDetractors = NpsSummary.of(detractors(50));

    assertThat(allPromoters.nps()).isEqualTo(100.0);
    assertThat(allPromoters.ci95().low()).isCloseTo(86.6, within(0.1));
    assertThat(allPromoters.ci95().high()).isEqualTo(100.0);
    assertThat(allDetractors.ci95().low()).isEqualTo(-100.0);
    assertThat(allDetractors.ci95().high()).isCloseTo(-86.6, within(0.1));
  }

  @Test
  void an_empty_sample_gives_nan_not_exceptions() {
    NpsSummary summary = NpsSummary.of(NpsCounts.empty());

    assertThat(summary.n()).isZero();
    assertThat(summary.nps()).isNaN();
    assertThat(summary.standardError()).isNaN();
    assertThat(summary.ci95().low()).isNaN();
    assertThat(summary.ci95().high()).isNaN();
  }
}
