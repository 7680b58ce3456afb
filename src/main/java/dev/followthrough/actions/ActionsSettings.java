package dev.followthrough.actions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Interventions, routing, notices and the sprint view. Each key is overridable by environment variable. */
@ConfigurationProperties("followthrough.actions")
public record ActionsSettings(
    @DefaultValue("product") String fallbackTeam,             // owns a mechanism no rule routes and the codebook names no owner for
    @DefaultValue("true") boolean weeklyReviewEnabled,        // send each team its late interventions once a week
    @DefaultValue("0 0 9 * * MON") String weeklyReviewCron,   // when (six-field cron: second minute hour day month weekday)
    @DefaultValue("UTC") ZoneId timeZone,                     // the weekly review's clock and what "today" means for due dates
    @DefaultValue("30d") Duration sprintWindow,               // the sprint view looks at mentions this far back
    @DefaultValue("5") int sprintSize,                        // how many mechanisms the sprint view ranks
    @DefaultValue("100000") BigDecimal sprintArrUnit,         // ARR at risk worth one extra mention in the sprint ranking
    @DefaultValue("10") int quotes) {                         // verbatim quotes shown per intervention

  public ActionsSettings {
    if (sprintSize < 1 || sprintSize > 20) throw new IllegalArgumentException("followthrough.actions.sprint-size must be 1..20");
    if (sprintArrUnit.signum() <= 0) throw new IllegalArgumentException("followthrough.actions.sprint-arr-unit must be positive");
    if (quotes < 0) throw new IllegalArgumentException("followthrough.actions.quotes must not be negative");
  }
}
