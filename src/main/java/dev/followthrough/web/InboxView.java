package dev.followthrough.web;

import dev.followthrough.followup.CaseQueries.CaseView;
import dev.followthrough.followup.CaseQueries.InboxCounts;
import dev.followthrough.followup.CaseQueries.Page;
import dev.followthrough.responses.ResponseQueries.ResponseView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The follow-up inbox: a tab (whose cases), narrowing filters, a sort, one page of cases. Everything
 * travels in the query string so a view is bookmarkable and the poller asks for exactly what is shown.
 */
public record InboxView(InboxQuery query, InboxCounts counts, Page<CaseView> page,
                        Map<java.util.UUID, ResponseView> responses, List<String> teams,
                        List<String> owners, Instant now, ZoneId zone, boolean canWork, String me,
                        List<String> notices) {

  public record Tab(String key, String label, Long count, boolean active, String href) {}

  /** The inbox's parameters as typed; unknown values fall back to the defaults. */
  public record InboxQuery(String tab, String status, String channel, String category, String owner, String team,
                           String sort, int page) {

    public static final List<String> TABS = List.of("mine", "team", "unassigned", "overdue", "escalated", "open", "closed");
    public static final List<String> SORTS = List.of("priority", "due", "opened");

    public static InboxQuery of(Map<String, String> p) {
      return of(p, "mine");
    }

    /** {@code defaultTab}: the tab shown when the link names none (the one that has work for this user). */
    public static InboxQuery of(Map<String, String> p, String defaultTab) {
      String tab = pick(p.get("tab"), TABS, defaultTab);
      String status = pick(p.get("status"), CaseText.STATUSES, null);
      return new InboxQuery(tab, status, pick(p.get("channel"), CaseText.CHANNELS, null),
          pick(p.get("category"), ConsoleFilter.CATEGORIES, null), clean(p.get("owner")), clean(p.get("team")),
          pick(p.get("sort"), SORTS, "priority"), Math.max(1, Math.min(10_000, ResponsesController.number(p.get("page")))));
    }

    Map<String, String> values() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("tab", tab); // always named: which tab a bare /cases opens on depends on the user's work
      put(m, "status", status);
      put(m, "channel", channel);
      put(m, "category", category);
      put(m, "owner", owner);
      put(m, "team", team);
      if (!sort.equals("priority")) m.put("sort", sort);
      if (page > 1) m.put("page", String.valueOf(page));
      return m;
    }

    public boolean narrowed() {
      return status != null || channel != null || category != null || owner != null || team != null;
    }

    private static void put(Map<String, String> m, String k, String v) {
      if (v != null) m.put(k, v);
    }

    private static String pick(String v, List<String> allowed, String fallback) {
      if (v == null) return fallback;
      String s = v.strip().toLowerCase(java.util.Locale.ROOT);
      return allowed.contains(s) ? s : fallback;
    }

    private static String clean(String s) {
      if (s == null || s.isBlank()) return null;
      String t = s.strip();
      return t.length() > 200 ? t.substring(0, 200) : t;
    }
  }

  /** This view with some keys replaced (null removes one); changing anything but the page goes back to page 1. */
  public String link(String... keyValues) {
    Map<String, String> m = query.values();
    boolean pageGiven = false;
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i].equals("page")) pageGiven = true;
      if (keyValues[i + 1] == null || keyValues[i + 1].isBlank()) m.remove(keyValues[i]);
      else m.put(keyValues[i], keyValues[i + 1]);
    }
    if (!pageGiven) m.remove("page");
    if ("priority".equals(m.get("sort"))) m.remove("sort");
    String q = ConsoleFilter.encode(m);
    return q.isEmpty() ? "/cases" : "/cases?" + q;
  }

  public String self() {
    return link("page", query.page() > 1 ? String.valueOf(query.page()) : null);
  }

  public List<Tab> tabs() {
    return List.of(
        tab("mine", "Mine", counts.mine()),
        tab("team", "My team", counts.team()),
        tab("unassigned", "Unassigned", counts.unassigned()),
        tab("overdue", "Overdue", counts.overdue()),
        tab("escalated", "Escalated", counts.escalated()),
        tab("open", "All open", counts.open()),
        tab("closed", "Closed", null));
  }

  private Tab tab(String key, String label, Long count) {
    return new Tab(key, label, count, key.equals(query.tab()), link("tab", key));
  }

  public String tabLabel() {
    return tabs().stream().filter(Tab::active).map(Tab::label).findFirst().orElse("Cases");
  }

  public int pages() {
    return (int) Math.max(1, (page.total() + page.size() - 1) / page.size());
  }

  public String pageLink(int number) {
    return link("page", number <= 1 ? null : String.valueOf(number));
  }

  public long firstShown() {
    return page.items().isEmpty() ? 0 : (long) page.page() * page.size() + 1;
  }

  public long lastShown() {
    return (long) page.page() * page.size() + page.items().size();
  }

  public ResponseView response(CaseView c) {
    return responses.get(c.responseId());
  }

  /** Who the case is about, as a CSM recognises it: the contact's name, else their email, else the account. */
  public String who(CaseView c) {
    ResponseView r = response(c);
    if (r == null) return "Case " + Fmt.shortId(c.id());
    if (r.contact() != null && r.contact().name() != null) return r.contact().name();
    if (r.contact() != null && r.contact().email() != null) return r.contact().email();
    return account(c) != null ? account(c) : "Anonymous";
  }

  public String account(CaseView c) {
    ResponseView r = response(c);
    if (r == null || r.account() == null) return null;
    return r.account().name() != null ? r.account().name() : r.account().externalId();
  }

  public String sla(CaseView c) {
    return CaseText.sla(c, now);
  }

  public String slaTone(CaseView c) {
    return CaseText.slaTone(c, now);
  }
}
