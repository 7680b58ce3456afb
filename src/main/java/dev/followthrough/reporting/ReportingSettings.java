package dev.followthrough.reporting;

import dev.followthrough.platform.TimeZoneSettings;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("followthrough.reporting")
public record ReportingSettings(
    @DefaultValue(TimeZoneSettings.DEFAULT) ZoneId timeZone,  // the same key as platform's TimeZoneSettings (which other modules read)
    @DefaultValue("0") double atRiskBelow) {}   // an account whose NPS (contacts' latest scores) is below this is at risk
