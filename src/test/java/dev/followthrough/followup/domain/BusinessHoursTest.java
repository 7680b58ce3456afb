package dev.followthrough.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

  private final BusinessHours berlin = BusinessHours.parse("MON-FRI 09:00-17:00", ZoneId.of("Europe/Berlin"));

  @Test
  void friday_afternoon_plus_eight_business_hours_ends_on_monday() {
    // Friday 2026-11-20 16:00 Berlin = 15:00 UTC; 1 h on Friday, 7 h on Monday → Monday 16:00 Berlin
    assertThat(berlin.plus(Instant.parse("2026-11-20T15:00:00Z"), Duration.ofHours(8)))
        .isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
  }

  @Test
  void a_score_arriving_at_night_starts_counting_when_the_office_opens() {
    // Tuesday 02:00 Berlin → counting starts 09:00; 48 business hours = 6 working days → Tuesday next week 17:00
    assertThat(berlin.plus(Instant.parse("2026-11-24T01:00:00Z"), Duration.ofHours(48)))
        .isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
  }

  @Test
  void the_time_zone_and_daylight_saving_are_respected() {
    BusinessHours ny = BusinessHours.parse("MON-FRI 09:00-17:00", ZoneId.of("America/New_York"));
    // Friday 2026-10-30 16:00 EDT (20:00 UTC); clocks go back on Sunday 1 Nov; Monday 10:00 EST = 15:00 UTC
    assertThat(ny.plus(Instant.parse("2026-10-30T20:00:00Z"), Duration.ofHours(2)))
        .isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
  }

  @Test
  void day_lists_and_bad_specs() {
    BusinessHours some = BusinessHours.parse("MON,WED 08:00-12:00", ZoneId.of("UTC"));
    // Monday 11:00 + 2 h → 1 h Monday, 1 h Wednesday from 08:00
    assertThat(some.plus(Instant.parse("2026-11-23T11:00:00Z"), Duration.ofHours(2)))
        .isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
    assertThatThrownBy(() -> BusinessHours.parse("weekdays", ZoneId.of("UTC"))).hasMessageContaining("MON-FRI");
    assertThatThrownBy(() -> BusinessHours.parse("MON-FRI 17:00-09:00", ZoneId.of("UTC"))).hasMessageContaining("before");
  }
}
