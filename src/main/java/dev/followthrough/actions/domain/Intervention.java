package dev.followthrough.actions.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A change a team commits to because of one or more mechanisms customers told us about. Immutable: a
 * transition returns the moved intervention, or why it may not move.
 */
public record Intervention(UUID id, String title, String team, String outcome, LocalDate dueOn, Status status,
                           String notes, Integer resurveyDays, int version, List<String> mechanisms, String createdBy,
                           Instant createdAt, Instant committedAt, Instant shippedAt, Instant verifiedAt,
                           Instant updatedAt) {

  public Intervention {
    mechanisms = List.copyOf(mechanisms);
  }

  /** What a transition caused. */
  public sealed interface Transition {
    record Moved(Intervention after, Status from, Status to) implements Transition {}

    /** {@code conflict}: the move is impossible from the current status (409) rather than a missing field (422). */
    record Refused(String field, String reason, boolean conflict) implements Transition {}
  }

  public Transition moveTo(Status to, Instant now) {
    if (to == status) return new Transition.Refused("status", "is already " + to.code(), true);
    if (!status.next().contains(to)) {
      return new Transition.Refused("status", "cannot move from " + status.code() + " to " + to.code()
          + (status.next().isEmpty() ? " (" + status.code() + " is final)"
              : "; allowed: " + String.join(", ", status.next().stream().map(Status::code).toList())), true);
    }
    if (to == Status.COMMITTED || to == Status.IN_PROGRESS || to == Status.SHIPPED) {
      // a commitment is a team, a measurable outcome and a date
      if (blank(outcome)) return new Transition.Refused("outcome", "a measurable outcome is required to commit", false);
      if (dueOn == null) return new Transition.Refused("dueOn", "a due date is required to commit", false);
    }
    Instant committed = committedAt == null && to != Status.DROPPED ? now : committedAt;
    Instant shipped = to == Status.SHIPPED ? now : shippedAt;
    Instant verified = to == Status.VERIFIED ? now : verifiedAt;
    return new Transition.Moved(new Intervention(id, title, team, outcome, dueOn, to, notes, resurveyDays, version + 1,
        mechanisms, createdBy, createdAt, committed, shipped, verified, now), status, to);
  }

  /** Overdue: past its due date and not delivered (shipped, verified) nor dropped. */
  public boolean late(LocalDate today) {
    return status.open() && dueOn != null && dueOn.isBefore(today);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
