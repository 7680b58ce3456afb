package dev.followthrough.triggers.domain;

import java.util.UUID;

/** A trigger rule: ordered by {@code position} (1 first); the first enabled rule that matches decides. */
public record Rule(UUID id, String name, int position, boolean enabled, Conditions conditions, Outcome outcome,
                   String description, int version) {

  public Rule {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a rule needs a name");
    if (conditions == null) conditions = Conditions.none();
    if (outcome == null) outcome = Outcome.none();
  }

  public Rule withPosition(int p) {
    return new Rule(id, name, p, enabled, conditions, outcome, description, version);
  }

  public Rule withId(UUID newId) {
    return new Rule(newId, name, position, enabled, conditions, outcome, description, version);
  }
}
