package dev.followthrough.triggers.domain;

import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.OwnerPolicy;
import dev.followthrough.triggers.Play;
import dev.followthrough.triggers.SlaCalendar;
import java.time.Duration;

/**
 * What a matching rule decides. Without {@code followUp} the other fields are ignored.
 *
 * @param sampleRate   share of eligible responses followed up, 0..1 (1: always), as a fair rotating sample
 * @param quietPeriod  overrides the global quiet period after a follow-up (null: the global one)
 * @param overflow     channel when human capacity is exhausted (null: wait)
 * @param resurveyAfter ask again this long after a resolved case (null: no re-survey)
 */
public record Outcome(boolean followUp, Channel channel, Play play, Duration sla, SlaCalendar calendar,
                      int priorityBoost, OwnerPolicy ownerPolicy, String team, String owner, Channel overflow,
                      double sampleRate, Duration quietPeriod, Duration resurveyAfter) {

  public Outcome {
    if (sampleRate < 0 || sampleRate > 1 || Double.isNaN(sampleRate))
      throw new IllegalArgumentException("sampleRate must be 0..1, was " + sampleRate);
    if (followUp) {
      if (channel == null) throw new IllegalArgumentException("a follow-up needs a channel");
      if (play == null) throw new IllegalArgumentException("a follow-up needs a play");
      if (sla == null || sla.isNegative() || sla.isZero()) throw new IllegalArgumentException("a follow-up needs a positive sla");
      if (calendar == null) calendar = SlaCalendar.CALENDAR;
      if (ownerPolicy == null) ownerPolicy = OwnerPolicy.ACCOUNT_OWNER;
      if (ownerPolicy == OwnerPolicy.USER && (owner == null || owner.isBlank()))
        throw new IllegalArgumentException("owner policy USER needs an owner");
    }
  }

  public static Outcome none() {
    return new Outcome(false, null, null, null, null, 0, null, null, null, null, 1.0, null, null);
  }

  public static Outcome followUp(Channel channel, Play play, Duration sla) {
    return new Outcome(true, channel, play, sla, SlaCalendar.CALENDAR, 0, OwnerPolicy.ACCOUNT_OWNER, null, null,
        null, 1.0, null, null);
  }

  public Outcome withSampleRate(double rate) {
    return new Outcome(followUp, channel, play, sla, calendar, priorityBoost, ownerPolicy, team, owner, overflow,
        rate, quietPeriod, resurveyAfter);
  }

  public Outcome withBoost(int boost) {
    return new Outcome(followUp, channel, play, sla, calendar, boost, ownerPolicy, team, owner, overflow,
        sampleRate, quietPeriod, resurveyAfter);
  }

  public Outcome withOverflow(Channel overflow) {
    return new Outcome(followUp, channel, play, sla, calendar, priorityBoost, ownerPolicy, team, owner, overflow,
        sampleRate, quietPeriod, resurveyAfter);
  }

  public Outcome withQuietPeriod(Duration quiet) {
    return new Outcome(followUp, channel, play, sla, calendar, priorityBoost, ownerPolicy, team, owner, overflow,
        sampleRate, quiet, resurveyAfter);
  }

  public boolean sampled() {
    return followUp && sampleRate < 1.0;
  }
}
