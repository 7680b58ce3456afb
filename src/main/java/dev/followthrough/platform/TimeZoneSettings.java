package dev.followthrough.platform;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The zone in which days, weeks, months and quarters are cut, for every module that groups by calendar
 * period (reporting, insights). It lives here, not in reporting, because reporting is a leaf: it reads every
 * module and no module depends on it. The key stays {@code followthrough.reporting.time-zone};
 * {@code ReportingSettings.timeZone()} binds the same key with the same default ({@link #DEFAULT}).
 */
@ConfigurationProperties("followthrough.reporting")
public record TimeZoneSettings(
    @DefaultValue(TimeZoneSettings.DEFAULT) ZoneId timeZone) {   // months, weeks and quarters are cut in this zone

  public static final String DEFAULT = "UTC";
}
