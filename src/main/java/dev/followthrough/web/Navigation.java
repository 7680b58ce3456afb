package dev.followthrough.web;

import dev.followthrough.platform.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's menu. A capability that adds pages adds its entries here; an entry names the
 * least role that may see it (the security configuration still decides who may open it).
 */
public final class Navigation {

  public record Link(String label, String href, boolean active) {}

  public record Section(String title, List<Link> links) {}

  private record Entry(String section, String label, String href, Role least) {}

  private static final List<Entry> ENTRIES = List.of(
      new Entry("Measure", "Dashboard", "/", Role.VIEWER),
      new Entry("Measure", "Responses", "/responses", Role.VIEWER),
      new Entry("Measure", "Accounts", "/accounts", Role.VIEWER),
      new Entry("Measure", "Program metrics", "/metrics", Role.VIEWER),
      new Entry("Measure", "Surveys", "/surveys", Role.VIEWER),
      new Entry("Measure", "Reports", "/reports", Role.VIEWER),
      new Entry("Follow up", "Inbox", "/cases", Role.VIEWER),
      new Entry("Follow up", "Rules", "/rules", Role.MANAGER),
      new Entry("Follow up", "Outreach", "/outreach", Role.VIEWER),
      new Entry("Follow up", "Interviews", "/interviews", Role.VIEWER),
      new Entry("Follow up", "Templates", "/outreach/templates", Role.MANAGER),
      new Entry("Follow up", "Outbox viewer", "/outreach/preview", Role.AGENT),
      new Entry("Diagnose", "Fix first", "/insights/impact", Role.VIEWER),
      new Entry("Diagnose", "Review codings", "/insights/review", Role.VIEWER),
      new Entry("Diagnose", "Search comments", "/insights/search", Role.VIEWER),
      new Entry("Diagnose", "Themes", "/insights/themes", Role.VIEWER),
      new Entry("Diagnose", "Codebook", "/insights/codebook", Role.VIEWER),
      new Entry("Diagnose", "Coding backlog", "/insights/backlog", Role.MANAGER),
      new Entry("Act", "Interventions", "/actions", Role.VIEWER),
      new Entry("Act", "Sprint", "/actions/sprint", Role.VIEWER),
      new Entry("Act", "Routing", "/actions/routing", Role.VIEWER),
      new Entry("Settings", "Getting started", "/start", Role.MANAGER),
      new Entry("Settings", "API keys", "/settings/api-keys", Role.ADMIN),
      new Entry("Settings", "Users", "/settings/users", Role.ADMIN),
      new Entry("Settings", "Survey sources", "/settings/sources", Role.ADMIN),
      new Entry("Settings", "Audit log", "/settings/audit", Role.ADMIN),
      new Entry("Settings", "API reference", "/api-docs", Role.VIEWER));

  private Navigation() {}

  static List<Section> sections(Role role, String path) {
    Map<String, List<Link>> bySection = new LinkedHashMap<>();
    for (Entry e : ENTRIES) {
      if (role == null || role.ordinal() > e.least().ordinal()) continue; // ADMIN has ordinal 0: the most rights
      bySection.computeIfAbsent(e.section(), k -> new ArrayList<>()).add(new Link(e.label(), e.href(), active(e.href(), path)));
    }
    return bySection.entrySet().stream().map(s -> new Section(s.getKey(), List.copyOf(s.getValue()))).toList();
  }

  static boolean active(String href, String path) {
    if (path == null) return false;
    if (href.equals("/outreach") && (path.startsWith("/outreach/templates") || path.startsWith("/outreach/preview"))) {
      return false; // their own entries
    }
    if (href.equals("/actions") && (path.startsWith("/actions/sprint") || path.startsWith("/actions/routing"))) return false;
    return href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
  }
}
