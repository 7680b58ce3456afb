package dev.followthrough.reporting.web;

import dev.followthrough.reporting.PeriodicReports.ReportSummary;
import java.time.ZoneId;
import java.util.List;

/** The reports list page: past reports, and the generate form for managers (with the last attempt's values). */
public record ReportListView(List<ReportSummary> reports, boolean mayGenerate, String error, String kind, String from,
                             String to, String schedule, ZoneId zone) {}
