package dev.followthrough.followup.domain;

import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.OwnerPolicy;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who gets a new case, capacity-aware. The account's owner if the rule says so and they have room;
 * else round-robin within the team (the member with the fewest cases today, then the rotating
 * cursor); when people are at capacity the case overflows to the rule's overflow channel, or waits
 * in the team's queue in priority order. Nothing is dropped.
 */
public final class Assignment {

  /** A person's load today against their daily budget. */
  public record Load(String user, int today, int capacity) {
    public boolean hasRoom() {
      return today < capacity;
    }
  }

  /** The team that owns the case, its members' loads and its own budget. */
  public record Team(String name, String lead, List<Load> members, int today, int capacity, long cursor) {
    boolean hasRoom() {
      return today < capacity;
    }
  }

  public record Request(OwnerPolicy policy, String accountOwner, String namedOwner, Channel channel, Channel overflow) {}

  public sealed interface Decision {
    String why();

    record ToOwner(String owner, String why) implements Decision {}

    /** No person: the channel runs on its own (interview, in-app) or the rule wants it unassigned. */
    record NoOwner(String why) implements Decision {}

    /** People are at capacity: run the case on {@code channel} instead. */
    record Overflow(Channel channel, String why) implements Decision {}

    /** People are at capacity and there is no overflow channel: wait in the team's queue. */
    record Queue(String why) implements Decision {}
  }

  private Assignment() {}

  /** {@code ownerLoad}: the account owner's or named owner's load, when the policy names one. */
  public static Decision decide(Request r, Optional<Load> ownerLoad, Team team) {
    if (!r.channel().needsHuman()) {
      return new Decision.NoOwner("channel " + r.channel().name().toLowerCase() + " runs without a person");
    }
    if (r.policy() == OwnerPolicy.UNASSIGNED) return new Decision.NoOwner("rule leaves the case unassigned");
    if (!team.hasRoom()) {
      return atCapacity(r, "team " + team.name() + " is at capacity (" + team.today() + "/" + team.capacity() + " today)");
    }
    String named = r.policy() == OwnerPolicy.ACCOUNT_OWNER ? r.accountOwner()
        : r.policy() == OwnerPolicy.USER ? r.namedOwner() : null;
    String ownerFull = null;
    if (named != null && !named.isBlank()) {
      Load load = ownerLoad.orElse(new Load(named, 0, Integer.MAX_VALUE));
      if (load.hasRoom()) {
        String who = r.policy() == OwnerPolicy.ACCOUNT_OWNER ? "account owner" : "named owner";
        return new Decision.ToOwner(named, who + " " + named);
      }
      ownerFull = named + " is at capacity (" + load.today() + "/" + load.capacity() + " today)";
    }
    List<Load> members = team.members();
    if (!members.isEmpty()) {
      int n = members.size();
      Optional<Load> pick = java.util.stream.IntStream.range(0, n)
          .mapToObj(i -> members.get((int) ((team.cursor() + i) % n)))
          .filter(Load::hasRoom)
          .min(Comparator.comparingInt(Load::today)); // stable: ties go to the member after the cursor
      if (pick.isPresent()) {
        return new Decision.ToOwner(pick.get().user(), (ownerFull == null ? "" : ownerFull + "; ")
            + "round-robin in team " + team.name());
      }
      return atCapacity(r, (ownerFull == null ? "" : ownerFull + "; ") + "every member of team " + team.name()
          + " is at capacity");
    }
    if (ownerFull != null) return atCapacity(r, ownerFull);
    return new Decision.Queue("team " + team.name() + " has no members: waits in its queue");
  }

  private static Decision atCapacity(Request r, String why) {
    if (r.overflow() != null && r.overflow() != r.channel()) {
      return new Decision.Overflow(r.overflow(), why + ": overflow to " + r.overflow().name().toLowerCase());
    }
    return new Decision.Queue(why + ": waits in the queue in priority order");
  }

  /** A queued or displaced case, by priority. */
  public record Held(java.util.UUID caseId, int priority) {}

  /**
   * When a person is full, a more urgent new case takes the place of their least urgent case that
   * nobody has touched yet; that one overflows or queues instead. Returns the case to displace.
   */
  public static Optional<Held> displace(int newPriority, List<Held> untouchedToday) {
    return untouchedToday.stream().filter(h -> h.priority() < newPriority).min(Comparator.comparingInt(Held::priority));
  }
}
