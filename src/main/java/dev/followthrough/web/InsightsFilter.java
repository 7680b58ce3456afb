package dev.followthrough.web;

import dev.followthrough.insights.InsightReports;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The filter as the pages show it: raw values for the form, the parsed filter, and any problems. */
public record InsightsFilter(String from, String to, String tier, String category, String mechanism,
                             InsightReports.Filter filter, List<String> problems) {

  static InsightsFilter of(Map<String, String> p, ZoneId zone) {
    List<String> problems = new ArrayList<>();
    Instant from = day(p.get("from"), zone, 0, "From", problems);
    Instant to = day(p.get("to"), zone, 1, "To", problems);
    String category = blank(p.get("category"));
    if (category != null && !Set.of("promoter", "passive", "detractor").contains(category)) {
      problems.add("Category must be promoter, passive or detractor; showing all.");
      category = null;
    }
    return new InsightsFilter(orEmpty(p.get("from")), orEmpty(p.get("to")), orEmpty(p.get("tier")), category == null ? "" : category,
        orEmpty(p.get("mechanism")), new InsightReports.Filter(from, to, blank(p.get("tier")), category, blank(p.get("mechanism"))),
        problems);
  }

  private static Instant day(String s, ZoneId zone, int plusDays, String label, List<String> problems) {
    if (blank(s) == null) return null;
    try {
      return LocalDate.parse(s.trim()).plusDays(plusDays).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(label + " must be a date like 2026-01-31; ignored.");
      return null;
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
