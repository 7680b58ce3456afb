package dev.followthrough.followup.domain;

import dev.followthrough.followup.CaseOutcome;
import dev.followthrough.followup.CaseStatus;

import dev.followthrough.followup.domain.SlaPlan.Milestone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A follow-up case: the state machine, the SLA cycle and the outcome log. Every command returns the
 * audit entries it caused (or why it was refused) and is safe to repeat: timers and event deliveries
 * may arrive twice.
 */
public final class FollowUpCase {

  private final UUID id;
  private CaseStatus status;
  private CaseOutcome outcome;
  private String owner;
  private String team;
  private boolean queued;
  private String channel;
  private int escalationLevel;
  private String escalatedTo;
  private boolean reminded;
  private int cycle;
  private Instant dueAt;
  private Instant firstContactAt;
  private Instant closedAt;
  private String summary;
  private String rootCause;
  private String actionTaken;
  private String commitment;
  private LocalDate commitmentDue;

  public FollowUpCase(UUID id, CaseStatus status, CaseOutcome outcome, String owner, String team, boolean queued,
                      String channel, int escalationLevel, String escalatedTo, boolean reminded, int cycle,
                      Instant dueAt, Instant firstContactAt, Instant closedAt, String summary, String rootCause,
                      String actionTaken, String commitment, LocalDate commitmentDue) {
    this.id = Objects.requireNonNull(id);
    this.status = Objects.requireNonNull(status);
    this.outcome = outcome;
    this.owner = owner;
    this.team = team;
    this.queued = queued;
    this.channel = channel;
    this.escalationLevel = escalationLevel;
    this.escalatedTo = escalatedTo;
    this.reminded = reminded;
    this.cycle = cycle;
    this.dueAt = dueAt;
    this.firstContactAt = firstContactAt;
    this.closedAt = closedAt;
    this.summary = summary;
    this.rootCause = rootCause;
    this.actionTaken = actionTaken;
    this.commitment = commitment;
    this.commitmentDue = commitmentDue;
  }

  /** Moves forward to an open state (contacted, in conversation, awaiting action). */
  public Change moveTo(CaseStatus to, String actor, Instant now) {
    if (to == CaseStatus.CLOSED) return Change.invalid("to", "use close with an outcome to close a case");
    if (to == CaseStatus.OPEN) return Change.invalid("to", "a case cannot go back to open; reopen a closed case instead");
    if (status.isClosed()) return Change.conflict("to", "the case is closed; reopen it first");
    if (to == status) return Change.of();
    if (to.ordinal() < status.ordinal()) {
      return Change.conflict("to", "the case is already " + status.code() + "; it cannot go back to " + to.code());
    }
    CaseStatus from = status;
    status = to;
    if (firstContactAt == null) firstContactAt = now;
    queued = false;
    return Change.of(entry("status", actor, now, "from", from.code(), "to", to.code()));
  }

  /**
   * Closes the case. Resolving it needs a root cause and an action when {@code requireDiagnosis}
   * (given here or logged before).
   */
  public Change close(CaseOutcome result, String rootCause, String action, boolean requireDiagnosis, String actor,
                      Instant now) {
    if (result == null) return Change.invalid("outcome", "is required: resolved, not_resolved or no_response");
    if (status.isClosed()) {
      return result == outcome ? Change.of() : Change.conflict("outcome", "the case is already closed as " + outcome.code());
    }
    String cause = blankToNull(rootCause) != null ? rootCause.strip() : this.rootCause;
    String act = blankToNull(action) != null ? action.strip() : this.actionTaken;
    if (result == CaseOutcome.RESOLVED && requireDiagnosis) {
      if (cause == null) return Change.invalid("rootCause", "is required to close a case as resolved");
      if (act == null) return Change.invalid("action", "is required to close a case as resolved");
    }
    CaseStatus from = status;
    status = CaseStatus.CLOSED;
    outcome = result;
    closedAt = now;
    queued = false;
    this.rootCause = cause;
    this.actionTaken = act;
    return Change.of(entry("closed", actor, now, "from", from.code(), "outcome", result.code(),
        "rootCause", cause, "action", act));
  }

  /** Reopens a closed case with a fresh SLA cycle ending at {@code newDue}. */
  public Change reopen(String reason, Instant newDue, String actor, Instant now) {
    if (blankToNull(reason) == null) return Change.invalid("reason", "is required to reopen a case");
    if (!status.isClosed()) return Change.conflict("status", "the case is not closed");
    CaseOutcome was = outcome;
    status = CaseStatus.OPEN;
    outcome = null;
    closedAt = null;
    cycle++;
    dueAt = newDue;
    reminded = false;
    escalationLevel = 0;
    escalatedTo = null;
    firstContactAt = null;
    return Change.of(entry("reopened", actor, now, "reason", reason.strip(), "previousOutcome", was.code(),
        "cycle", cycle, "dueAt", newDue.toString()));
  }

  /**
   * An SLA milestone of cycle {@code forCycle} fired. Nothing happens when the case was contacted in
   * time, closed, reopened since (another cycle), or the milestone already fired.
   */
  public Change milestone(Milestone m, int forCycle, String escalateTo, Instant now) {
    if (forCycle != cycle || status != CaseStatus.OPEN) return Change.of();
    return switch (m) {
      case REMINDER -> {
        if (reminded) yield Change.of();
        reminded = true;
        yield Change.of(entry("reminder", "sla", now, "owner", owner, "dueAt", dueAt.toString()));
      }
      case ESCALATE_1, ESCALATE_2 -> {
        int level = m == Milestone.ESCALATE_1 ? 1 : 2;
        if (escalationLevel >= level) yield Change.of();
        escalationLevel = level;
        escalatedTo = escalateTo;
        yield Change.of(entry("escalated", "sla", now, "level", level, "to", escalateTo, "dueAt", dueAt.toString()));
      }
    };
  }

  /** Escalates by hand to the next level (a CSM asks for help). */
  public Change escalate(String to, String reason, String actor, Instant now) {
    if (status.isClosed()) return Change.conflict("status", "the case is closed");
    escalationLevel++;
    escalatedTo = to;
    return Change.of(entry("escalated", actor, now, "level", escalationLevel, "to", to, "reason", reason));
  }

  public Change assign(String newOwner, String newTeam, String reason, String actor, Instant now) {
    String o = blankToNull(newOwner);
    String t = blankToNull(newTeam) == null ? team : newTeam.strip();
    if (status.isClosed()) return Change.conflict("owner", "the case is closed");
    if (Objects.equals(o, owner) && Objects.equals(t, team) && !queued) return Change.of();
    String from = owner;
    owner = o;
    team = t;
    queued = false;
    return Change.of(entry("assigned", actor, now, "from", from, "to", o, "team", t, "reason", reason));
  }

  /** Moves the case to another channel (overflow: a person's capacity was exhausted). */
  public Change overflow(String toChannel, String reason, String actor, Instant now) {
    if (status != CaseStatus.OPEN) return Change.of();
    String from = channel;
    String wasOwner = owner;
    channel = toChannel;
    owner = null;
    queued = false;
    return Change.of(entry("overflow", actor, now, "fromChannel", from, "toChannel", toChannel, "fromOwner", wasOwner,
        "reason", reason));
  }

  /** Takes the case from its owner into the team's queue (it waits there in priority order). */
  public Change queue(String reason, String actor, Instant now) {
    if (status != CaseStatus.OPEN || queued) return Change.of();
    String from = owner;
    owner = null;
    queued = true;
    return Change.of(entry("queued", actor, now, "fromOwner", from, "reason", reason));
  }

  /** A contact attempt; the first one starts the conversation clock (SLA met if before the deadline). */
  public Change attempt(String attemptChannel, String result, String note, String actor, Instant now) {
    if (blankToNull(attemptChannel) == null) return Change.invalid("channel", "is required");
    if (blankToNull(result) == null) return Change.invalid("result", "is required");
    if (status.isClosed()) return Change.conflict("status", "the case is closed; reopen it first");
    CaseEntry attempt = entry("attempt", actor, now, "channel", attemptChannel, "result", result, "note", blankToNull(note));
    if (status == CaseStatus.OPEN) {
      status = CaseStatus.CONTACTED;
      queued = false;
      if (firstContactAt == null) firstContactAt = now;
      return Change.of(attempt, entry("status", actor, now, "from", "open", "to", "contacted"));
    }
    return Change.of(attempt);
  }

  public Change note(String text, String actor, Instant now) {
    if (blankToNull(text) == null) return Change.invalid("text", "is required");
    return Change.of(entry("note", actor, now, "text", text.strip()));
  }

  /** Records the outcome fields; absent fields keep their values. */
  public Change record(String newSummary, String newRootCause, String newAction, String newCommitment,
                       LocalDate newCommitmentDue, String actor, Instant now) {
    Map<String, Object> changed = new LinkedHashMap<>();
    if (newSummary != null && !Objects.equals(blankToNull(newSummary), summary)) {
      summary = blankToNull(newSummary);
      changed.put("summary", summary);
    }
    if (newRootCause != null && !Objects.equals(blankToNull(newRootCause), rootCause)) {
      rootCause = blankToNull(newRootCause);
      changed.put("rootCause", rootCause);
    }
    if (newAction != null && !Objects.equals(blankToNull(newAction), actionTaken)) {
      actionTaken = blankToNull(newAction);
      changed.put("action", actionTaken);
    }
    if (newCommitment != null && !Objects.equals(blankToNull(newCommitment), commitment)) {
      commitment = blankToNull(newCommitment);
      changed.put("commitment", commitment);
    }
    if (newCommitmentDue != null && !newCommitmentDue.equals(commitmentDue)) {
      commitmentDue = newCommitmentDue;
      changed.put("commitmentDue", newCommitmentDue.toString());
    }
    if (changed.isEmpty()) return Change.of();
    return Change.of(new CaseEntry("outcome", actor, now, changed));
  }

  private static CaseEntry entry(String type, String actor, Instant at, Object... kv) {
    Map<String, Object> d = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) if (kv[i + 1] != null) d.put((String) kv[i], kv[i + 1]);
    return new CaseEntry(type, actor, at, d);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public UUID id() { return id; }
  public CaseStatus status() { return status; }
  public CaseOutcome outcome() { return outcome; }
  public String owner() { return owner; }
  public String team() { return team; }
  public boolean queued() { return queued; }
  public String channel() { return channel; }
  public int escalationLevel() { return escalationLevel; }
  public String escalatedTo() { return escalatedTo; }
  public boolean reminded() { return reminded; }
  public int cycle() { return cycle; }
  public Instant dueAt() { return dueAt; }
  public Instant firstContactAt() { return firstContactAt; }
  public Instant closedAt() { return closedAt; }
  public String summary() { return summary; }
  public String rootCause() { return rootCause; }
  public String actionTaken() { return actionTaken; }
  public String commitment() { return commitment; }
  public LocalDate commitmentDue() { return commitmentDue; }
}
