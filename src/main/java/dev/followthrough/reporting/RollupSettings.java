package dev.followthrough.reporting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Incremental rollups of the program metrics and NPS counts (docs/adr/008-incremental-rollups.md). */
@ConfigurationProperties("followthrough.reporting")
public record RollupSettings(
    @DefaultValue("true") boolean rollups,            // false: every metric and NPS count is computed from the rows
    @DefaultValue("5s") Duration rollupInterval) {}   // how often the changed days are folded into the rollup
