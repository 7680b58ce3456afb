package dev.followthrough.actions.domain;

import java.util.List;

/**
 * Which team owns fixing a mechanism: a routing rule for the mechanism itself, else one for its codebook
 * category, else the owner the codebook names, else the fallback team.
 */
public final class Routing {

  public enum Kind { MECHANISM, CATEGORY }

  public record Rule(Kind kind, String key, String team) {}

  /** The team and why it was chosen. */
  public record Route(String team, String because) {}

  private Routing() {}

  public static Route route(String mechanism, String category, String codebookOwner, List<Rule> rules, String fallback) {
    for (Rule r : rules) {
      if (r.kind() == Kind.MECHANISM && r.key().equals(mechanism)) return new Route(r.team(), "routing rule for mechanism " + mechanism);
    }
    for (Rule r : rules) {
      if (r.kind() == Kind.CATEGORY && category != null && r.key().equals(category)) {
        return new Route(r.team(), "routing rule for category " + category);
      }
    }
    if (codebookOwner != null && !codebookOwner.isBlank()) return new Route(codebookOwner.strip(), "codebook owner of " + mechanism);
    return new Route(fallback, "fallback team");
  }
}
