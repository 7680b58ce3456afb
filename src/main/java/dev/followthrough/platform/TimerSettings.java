package dev.followthrough.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Durable timers (db-scheduler): how often each node looks for due timers, and with how many threads. */
@ConfigurationProperties("followthrough.timers")
public record TimerSettings(
    @DefaultValue("true") boolean enabled,           // false: this node schedules timers but never runs them
    @DefaultValue("5s") Duration pollingInterval,    // a due timer runs at most this late
    @DefaultValue("4") int threads) {}
