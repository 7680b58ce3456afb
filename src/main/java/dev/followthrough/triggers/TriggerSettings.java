package dev.followthrough.triggers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("followthrough.triggers")
public record TriggerSettings(
    @DefaultValue("true") boolean enabled,            // false: responses are stored but no rule runs
    @DefaultValue("14d") Duration maxResponseAge,    // answered longer ago → no follow-up (historical imports)
    @DefaultValue("30d") Duration quietPeriod) {}    // no new follow-up this long after the last one (a rule may override)
