package dev.followthrough.followup.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the SLA milestones of one case cycle fall: a reminder to the owner before the deadline, the
 * first escalation (to the owner's lead) at the deadline, the second later.
 *
 * @param reminderShare the reminder fires when this share of the SLA is used (e.g. 0.75)
 * @param secondLevelAfter the second escalation fires this long after the deadline
 */
public record SlaPlan(double reminderShare, Duration secondLevelAfter) {

  public enum Milestone { REMINDER, ESCALATE_1, ESCALATE_2 }

  public SlaPlan {
    if (reminderShare <= 0 || reminderShare >= 1) throw new IllegalArgumentException("reminder share must be in (0, 1)");
  }

  public Instant at(Milestone m, Instant start, Instant due) {
    return switch (m) {
      case REMINDER -> start.plusMillis((long) (Duration.between(start, due).toMillis() * reminderShare));
      case ESCALATE_1 -> due;
      case ESCALATE_2 -> due.plus(secondLevelAfter);
    };
  }

  /** The deadline for an SLA on the given calendar; {@code hours} null means calendar time. */
  public static Instant due(Instant start, Duration sla, Optional<BusinessHours> hours) {
    return hours.map(h -> h.plus(start, sla)).orElse(start.plus(sla));
  }
}
