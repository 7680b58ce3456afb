package dev.followthrough.triggers.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ordered rules and the guards around them. Evaluation is pure apart from the sampler's state:
 * global guards first (opted out, too old), then the first enabled matching rule; a follow-up is then
 * suppressed (open case, quiet period) and finally sampled. Suppressed responses do not use up a
 * sample turn.
 */
public final class RuleBook {

  private final List<Rule> rules;
  private final Rule[] ordered;
  private final String[] described; // conditions in words, built once per book rather than per response
  private final Limits limits;

  public RuleBook(List<Rule> rules, Limits limits) {
    this.rules = rules.stream().filter(Rule::enabled).sorted(Comparator.comparingInt(Rule::position)).toList();
    this.ordered = this.rules.toArray(Rule[]::new);
    this.described = new String[ordered.length];
    for (int i = 0; i < ordered.length; i++) described[i] = ordered[i].conditions().describe();
    this.limits = limits;
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The first enabled rule that matches, or null. */
  public Rule firstMatch(Subject s, Instant now) {
    int i = firstMatchIndex(s, now);
    return i < 0 ? null : ordered[i];
  }

  private int firstMatchIndex(Subject s, Instant now) {
    for (int i = 0; i < ordered.length; i++) {
      if (ordered[i].conditions().matches(s, now)) return i;
    }
    return -1;
  }

  public Decision evaluate(Subject s, Sampler sampler, Instant now) {
    if (s.optedOut()) return no(null, "no follow-up: the contact opted out of being contacted");
    Instant answered = s.respondedAt() != null ? s.respondedAt() : s.receivedAt();
    if (answered != null && limits.maxResponseAge() != null) {
      Duration age = Duration.between(answered, now);
      if (age.compareTo(limits.maxResponseAge()) > 0) {
        return no(null, "no follow-up: response is " + age.toDays() + " days old (older than "
            + Durations.words(limits.maxResponseAge()) + "): historical import");
      }
    }
    int index = firstMatchIndex(s, now);
    if (index < 0) return no(null, "no follow-up: no enabled rule matched");
    Rule rule = ordered[index];
    List<String> reasons = new ArrayList<>(3);
    reasons.add("matched rule '" + rule.name() + "' (" + described[index] + ")");
    Outcome o = rule.outcome();
    if (!o.followUp()) {
      reasons.add("no follow-up: the rule decides no follow-up");
      return new Decision.NoFollowUp(rule, reasons);
    }
    if (s.hasOpenCase()) {
      reasons.add("no follow-up: contact has an open case");
      return new Decision.NoFollowUp(rule, reasons);
    }
    Duration quiet = o.quietPeriod() != null ? o.quietPeriod() : limits.quietPeriod();
    if (quiet != null && !quiet.isZero() && s.lastFollowUpAt() != null
        && s.lastFollowUpAt().plus(quiet).isAfter(now)) {
      long days = Duration.between(s.lastFollowUpAt(), now).toDays();
      reasons.add("no follow-up: contact was followed up " + (days == 0 ? "today" : days + (days == 1 ? " day ago" : " days ago"))
          + " (quiet period " + Durations.words(quiet) + ")");
      return new Decision.NoFollowUp(rule, reasons);
    }
    if (o.sampled()) {
      SamplingPolicy.Draw draw = sampler.draw(rule, s.sampleKey());
      if (!draw.picked()) {
        reasons.add("no follow-up: " + draw.why());
        return new Decision.NoFollowUp(rule, reasons);
      }
      reasons.add(draw.why());
    }
    Priority.Score p = Priority.of(s, o.priorityBoost(), now);
    reasons.add("follow up by " + o.channel().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + " (" + o.play().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ") within "
        + Durations.words(o.sla()) + ", priority " + p.total());
    return new Decision.FollowUp(rule, o, p.total(), p.factors(), reasons);
  }

  private static Decision no(Rule rule, String reason) {
    return new Decision.NoFollowUp(rule, List.of(reason));
  }
}
