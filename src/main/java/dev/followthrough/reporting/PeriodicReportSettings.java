package dev.followthrough.reporting;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The periodic report: when it is made and sent, to whom, and what counts as renewal risk. */
@ConfigurationProperties("followthrough.reporting")
public record PeriodicReportSettings(
    @DefaultValue("weekly") Schedule reportSchedule,      // off | weekly (Mondays, last week) | monthly (1st, last month)
    @DefaultValue("07:00") LocalTime reportSendAt,        // time of day in followthrough.reporting.time-zone
    @DefaultValue("") List<String> reportRecipients,      // emails or console user names; empty = every manager and admin
    @DefaultValue("cx-leads") String reportSlackTeam,     // team whose Slack channel gets a summary; blank = no Slack
    @DefaultValue("90d") Duration reportRenewalWindow,    // renewal within this long after the period counts as at risk
    @DefaultValue("10") int reportMaxRows) {              // rows per section (fix first, moments, fixes)

  public enum Schedule { OFF, WEEKLY, MONTHLY }

  public int renewalWindowDays() {
    return (int) Math.max(0, reportRenewalWindow.toDays());
  }
}
