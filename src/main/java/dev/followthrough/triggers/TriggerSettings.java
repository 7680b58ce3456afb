package dev.followthrough.triggers;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("followthrough.triggers")
public record TriggerSettings(
    @DefaultValue("true") boolean enabled,            // false: responses are stored but no rule runs
    @DefaultValue("14d") Duration maxResponseAge,    // answered longer ago → no follow-up (historical imports)
    @DefaultValue("30d") Duration quietPeriod,       // no new follow-up this long after the last one (a rule may override)
    @DefaultValue("0") double holdoutShare,          // share of eligible contacts deliberately not followed up (0 = off)
    @DefaultValue("enterprise") List<String> holdoutExemptTiers, // never held out
    @DefaultValue("followthrough-holdout") String holdoutSalt) { // change it to draw new arms

  public TriggerSettings {
    if (!(holdoutShare >= 0 && holdoutShare <= 0.5))
      throw new IllegalArgumentException("followthrough.triggers.holdout-share must be 0..0.5, was " + holdoutShare);
    holdoutExemptTiers = holdoutExemptTiers == null ? List.of() : List.copyOf(holdoutExemptTiers);
  }
}
