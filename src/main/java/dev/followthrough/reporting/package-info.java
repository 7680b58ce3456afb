/**
 * Reporting: read models and program metrics. Today: NPS with 95% confidence intervals per period
 * and segment, period-over-period change tests, and account NPS with revenue at risk. Reads only;
 * publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package dev.followthrough.reporting;
