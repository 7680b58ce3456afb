package dev.followthrough.actions.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where an intervention stands: proposed → committed → in progress → shipped → verified, or dropped on the way. */
public enum Status {
  PROPOSED, COMMITTED, IN_PROGRESS, SHIPPED, VERIFIED, DROPPED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Status> parse(String s) {
    if (s == null) return Optional.empty();
    for (Status v : values()) if (v.code().equals(s.strip().toLowerCase(Locale.ROOT))) return Optional.of(v);
    return Optional.empty();
  }

  /** The statuses this one may move to. Verified and dropped are final. */
  public Set<Status> next() {
    return switch (this) {
      case PROPOSED -> EnumSet.of(COMMITTED, DROPPED);
      case COMMITTED -> EnumSet.of(IN_PROGRESS, SHIPPED, DROPPED);
      case IN_PROGRESS -> EnumSet.of(SHIPPED, DROPPED);
      case SHIPPED -> EnumSet.of(VERIFIED);
      case VERIFIED, DROPPED -> EnumSet.noneOf(Status.class);
    };
  }

  /** Still to be delivered: counts as late once its due date has passed. */
  public boolean open() {
    return this == PROPOSED || this == COMMITTED || this == IN_PROGRESS;
  }
}
