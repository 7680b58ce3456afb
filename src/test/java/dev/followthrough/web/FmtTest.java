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

  @Test
  void durations_and_times_read_in_words() {
    assertThat(Fmt.duration(null)).isEqualTo("\u2014");
    assertThat(Fmt.duration(12.4)).isEqualTo("12 s");
    assertThat(Fmt.duration(150)).isEqualTo("3 min");
    assertThat(Fmt.duration(3_900)).isEqualTo("1 h 5 min");
    assertThat(Fmt.duration(7_200)).isEqualTo("2 h");
    assertThat(Fmt.duration(200_000)).isEqualTo("2 days");
    java.time.Instant now = java.time.Instant.parse("2026-12-07T15:39:51.364150Z");
    assertThat(Fmt.ago(now.minusSeconds(20), now)).isEqualTo("just now");
    assertThat(Fmt.ago(now.minusSeconds(60), now)).isEqualTo("1 minute ago");
    assertThat(Fmt.ago(now.minusSeconds(3 * 3600), now)).isEqualTo("3 hours ago");
    assertThat(Fmt.ago(now.plusSeconds(2 * 86_400), now)).isEqualTo("in 2 days");
    assertThat(Fmt.ago(now.minusSeconds(400L * 86_400), now)).isEqualTo("1 year ago");
  }
}
