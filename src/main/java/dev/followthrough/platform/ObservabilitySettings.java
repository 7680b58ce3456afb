package dev.followthrough.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The program's own metrics and the stages health component. */
@ConfigurationProperties("followthrough.observability")
public record ObservabilitySettings(
    @DefaultValue("30s") Duration refreshInterval, // how often the work counts and stage depths are read from the database
    @DefaultValue("15m") Duration stalledAfter,    // a stage whose oldest due item waited longer is stalled (health STALLED)
    @DefaultValue("text") String logFormat) {      // text, or JSON lines: ecs, logstash, gelf (applied by LogFormat before logging starts)
}
