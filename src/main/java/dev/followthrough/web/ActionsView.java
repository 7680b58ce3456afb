package dev.followthrough.web;

import dev.followthrough.actions.Interventions;
import dev.followthrough.actions.Interventions.InterventionView;
import java.time.ZoneId;
import java.util.List;

/** What the actions pages show (see {@link ActionsController}). */
public final class ActionsView {

  private ActionsView() {}

  /** The list page and its htmx fragment. */
  public record ListPage(List<InterventionView> items, String status, String team, boolean late, List<String> statuses,
                         List<String> teams, boolean manager) {}

  public record DetailPage(InterventionView i, Interventions.EvidenceView evidence, List<Interventions.TrailEntry> trail,
                           List<Interventions.NoticeView> notices, Interventions.RecoveryView recovery,
                           List<Interventions.MechanismOption> mechanisms, boolean manager, String notice, String error,
                           ZoneId zone) {}

  public record NewPage(List<Interventions.MechanismOption> mechanisms, String mechanism, Interventions.RouteView route,
                        String error, String title, String outcome) {}

  public record RoutingPage(List<Interventions.RuleView> rules, List<Interventions.RouteView> routes,
                            List<Interventions.MechanismOption> mechanisms, boolean manager, String notice, String error) {}

}
