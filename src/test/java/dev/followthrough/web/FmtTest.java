package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.nps.NpsCounts;
import dev.followthrough.nps.NpsSummary;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FmtTest {

  @Test
  void nps_is_whole_points_with_a_sign_and_no_data_is_a_dash_not_zero() {
    assertThat(Fmt.nps(32.4)).isEqualTo("+32");
    assertThat(Fmt.nps(-4.6)).isEqualTo("\u22125");
    assertThat(Fmt.nps(0.2)).isEqualTo("0");
    assertThat(Fmt.nps(Double.NaN)).isEqualTo("\u2014");
  }

  @Test
  void an_empty_sample_has_no_interval_and_is_not_called_small() {
    NpsSummary empty = NpsSummary.of(new NpsCounts(0, 0, 0));
    assertThat(Fmt.ci(empty)).isEqualTo("\u2014");
    assertThat(Fmt.margin(empty)).isEqualTo("\u2014");
    assertThat(Fmt.small(empty)).isFalse();
    assertThat(Fmt.pct(0, 0)).isEqualTo("\u2014");
  }

  @Test
  void fewer_than_thirty_respondents_is_a_small_sample() {
    assertThat(Fmt.small(NpsSummary.of(new NpsCounts(10, 10, 9)))).isTrue();
    assertThat(Fmt.small(NpsSummary.of(new NpsCounts(10, 10, 10)))).isFalse();
  }

  @Test
  void money_is_short_and_currency_free() {
    assertThat(Fmt.money(new BigDecimal("1250000"))).isEqualTo("1.3M");
    assertThat(Fmt.money(new BigDecimal("480000"))).isEqualTo("480k");
    assertThat(Fmt.money(new BigDecimal("9500"))).isEqualTo("9,500");
    assertThat(Fmt.money(null)).isEqualTo("\u2014");
    assertThat(Fmt.moneyShare(new BigDecimal("25"), new BigDecimal("100"))).isEqualTo("25%");
  }

  @Test
  void a_verdict_splits_into_its_head_and_its_explanation() {
    String v = "Could be noise: +3.0 points (95% CI -5.0 to +11.0, p = 0.400); the interval includes no change.";
    assertThat(Fmt.verdictHead(v)).isEqualTo("Could be noise");
    assertThat(Fmt.verdictBody(v)).startsWith("+3.0 points");
  }

  @Test
  void values_land_on_the_minus_100_to_plus_100_track() {
    assertThat(Fmt.pos(-100)).isEqualTo("0.0");
    assertThat(Fmt.pos(0)).isEqualTo("50.0");
    assertThat(Fmt.pos(250)).isEqualTo("100.0");
  }
}
