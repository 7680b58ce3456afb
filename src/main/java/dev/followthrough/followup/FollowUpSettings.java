package dev.followthrough.followup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Cases, SLA clock, escalation and capacity. Each key is overridable by environment variable. */
@ConfigurationProperties("followthrough.followup")
public record FollowUpSettings(
    @DefaultValue("true") boolean requireDiagnosisToResolve,   // closing as resolved needs a root cause and an action
    @DefaultValue("0.75") double reminderAt,                   // remind the owner when this share of the SLA is used
    @DefaultValue("24h") Duration secondEscalationAfter,        // level 2 fires this long after the deadline
    @DefaultValue("") String secondEscalationTo,                // level 2 recipient (empty: the fallback team's lead)
    @DefaultValue("MON-FRI 09:00-17:00") String businessHours,  // for rules on the business calendar
    @DefaultValue("UTC") String timeZone,                       // business hours and "today" for capacity
    @DefaultValue("15") int ownerDailyCapacity,                 // human follow-ups per person per day
    @DefaultValue("200") int teamDailyCapacity,                 // human follow-ups per team per day
    @DefaultValue("cx-leads") String fallbackTeam,              // owns what no rule or tier mapping assigns
    @DefaultValue("90d") Duration resurveyWindow) {              // a new score this long after closing counts as the re-survey answer

  public FollowUpSettings {
    if (reminderAt <= 0 || reminderAt >= 1) throw new IllegalArgumentException("followthrough.followup.reminder-at must be in (0, 1)");
    if (ownerDailyCapacity < 1 || teamDailyCapacity < 1) throw new IllegalArgumentException("daily capacities must be at least 1");
  }
}
