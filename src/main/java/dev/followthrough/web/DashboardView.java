package dev.followthrough.web;

import dev.followthrough.nps.NpsSummary;
import dev.followthrough.reporting.NpsReports;
import dev.followthrough.responses.ResponseQueries.ResponseView;
import java.time.ZoneId;
import java.util.List;

/** Everything the NPS dashboard shows for one filter. */
public record DashboardView(
    ConsoleFilter filter,
    Pickers pickers,
    List<Preset> presets,
    boolean databaseEmpty,
    NpsSummary overall,
    List<Period> trend,
    String chartSource,
    List<NpsReports.Group> tiers,
    List<NpsReports.Group> programs,
    List<NpsReports.Group> touchpoints,
    NpsReports.AccountReport accounts,
    List<NpsReports.AccountNps> topAccounts,
    List<ResponseView> comments,
    ZoneId zone,
    String origin) {

  /** One point of the trend; {@code change} is null for the first period. */
  public record Period(String key, String label, NpsSummary summary, NpsReports.Change change, boolean inProgress) {}

  /** Choices for the filter pickers. */
  /** {@code languages}: the comments' detected languages, as codes. */
  public record Pickers(List<String> programs, List<String> tiers, List<String> touchpoints, List<String> languages) {
    public Pickers(List<String> programs, List<String> tiers, List<String> touchpoints) {
      this(programs, tiers, touchpoints, List.of());
    }
  }

  /** A ready-made period; null dates mean open-ended. */
  public record Preset(String label, String from, String to, boolean active) {}

  public Period latest() {
    return trend.isEmpty() ? null : trend.getLast();
  }

  /** The key of a period still under way, for the chart to mark it. */
  /** Label of the period the latest one is compared with. */
  public String previousLabel() {
    Period p = latest();
    if (p == null || p.change() == null) return "";
    return trend.stream().filter(t -> t.key().equals(p.change().previousKey())).map(Period::label).findFirst()
        .orElse(p.change().previousKey());
  }

  public String inProgressKey() {
    Period p = latest();
    return p != null && p.inProgress() ? p.key() : "";
  }

  public boolean noMatches() {
    return !databaseEmpty && overall.n() == 0;
  }

  public int significantChanges() {
    return (int) trend.stream().filter(p -> p.change() != null && p.change().test().significant()).count();
  }
}
