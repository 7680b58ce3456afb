package dev.followthrough.reporting;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("followthrough.reporting")
public record ReportingSettings(
    @DefaultValue("UTC") ZoneId timeZone,      // months, weeks and quarters are cut in this zone
    @DefaultValue("0") double atRiskBelow) {}   // an account whose NPS (contacts' latest scores) is below this is at risk
