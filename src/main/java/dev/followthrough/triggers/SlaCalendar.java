package dev.followthrough.triggers;

/** How an SLA duration is counted: every hour, or only business hours in the configured time zone. */
public enum SlaCalendar { CALENDAR, BUSINESS }
