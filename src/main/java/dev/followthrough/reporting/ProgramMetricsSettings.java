package dev.followthrough.reporting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Program metrics: the windows they look through and the optional costs (0 = not shown). */
@ConfigurationProperties("followthrough.reporting")
public record ProgramMetricsSettings(
    @DefaultValue("90d") Duration recoveryWindow,   // a "later score" is the contact's next response within this
    @DefaultValue("365d") Duration churnWindow,     // churn counts when the account churned within this after the score
    @DefaultValue("30") int minimumArm,             // below this many in an arm: "not enough data"
    @DefaultValue("26") int halfLifeWeeks,          // weeks after shipping an intervention that its mechanisms are followed
    @DefaultValue("0") double costPerInterview,     // per AI interview invited
    @DefaultValue("0") double costPerCall,          // per call case reached
    @DefaultValue("0") double costPerEmail) {       // per email follow-up reached

  public boolean costsConfigured() {
    return costPerInterview > 0 || costPerCall > 0 || costPerEmail > 0;
  }
}
