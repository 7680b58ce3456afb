package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.responses.ResponseQueries.Grouping;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleFilterTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void dates_are_whole_days_in_the_reporting_zone_and_to_is_included() {
    var f = ConsoleFilter.of(Map.of("from", "2026-03-01", "to", "2026-03-31")).toResponseFilter(BERLIN);
    assertThat(f.from()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    assertThat(f.to()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z")); // 1 April, 00:00 in summer time
  }

  @Test
  void blank_values_mean_no_filter() {
    var f = ConsoleFilter.of(Map.of("program", "  ", "tier", "", "from", ""));
    assertThat(f.narrowed()).isFalse();
    assertThat(f.query()).isEmpty();
    assertThat(f.grouping()).isEqualTo(Grouping.MONTH);
  }

  @Test
  void nonsense_is_named_and_ignored_rather_than_failing_the_page() {
    var f = ConsoleFilter.of(Map.of("from", "last tuesday", "kind", "sideways", "every", "decade", "program", "NPS"));
    assertThat(f.problems()).hasSize(3);
    assertThat(f.kind()).isNull();
    assertThat(f.grouping()).isEqualTo(Grouping.MONTH);
    var query = f.toResponseFilter(ZoneId.of("UTC"));
    assertThat(query.from()).isNull();
    assertThat(query.program()).isEqualTo("NPS");
  }

  @Test
  void a_period_that_ends_before_it_starts_is_dropped_with_a_note() {
    var f = ConsoleFilter.of(Map.of("from", "2026-05-01", "to", "2026-04-01"));
    assertThat(f.from()).isNull();
    assertThat(f.to()).isNull();
    assertThat(f.problems()).singleElement().asString().contains("before");
  }

  @Test
  void links_keep_the_filter_replace_keys_and_encode_values() {
    Map<String, String> params = new HashMap<>();
    params.put("program", "Q3 & renewals");
    params.put("every", "week");
    var f = ConsoleFilter.of(params);
    assertThat(f.link("/", "tier", "enterprise")).isEqualTo("/?program=Q3+%26+renewals&every=week&tier=enterprise");
    assertThat(f.link("/responses", "every", null)).isEqualTo("/responses?program=Q3+%26+renewals");
    assertThat(f.linkWithout("/accounts", "program", "every")).isEqualTo("/accounts");
  }

  @Test
  void granularity_chooses_the_trend_grouping() {
    assertThat(ConsoleFilter.of(Map.of("every", "Quarter")).grouping()).isEqualTo(Grouping.QUARTER);
    assertThat(ConsoleFilter.of(Map.of("every", "week")).granularity()).isEqualTo("week");
  }
}
