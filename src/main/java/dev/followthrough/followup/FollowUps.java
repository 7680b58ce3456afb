package dev.followthrough.followup;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.followthrough.followup.CaseQueries.CaseView;
import dev.followthrough.followup.CaseQueries.PriorityFactorView;
import dev.followthrough.followup.CaseQueries.TeamView;
import dev.followthrough.followup.domain.Assignment;
import dev.followthrough.followup.domain.BusinessHours;
import dev.followthrough.followup.domain.CaseEntry;
import dev.followthrough.followup.domain.Change;
import dev.followthrough.followup.domain.FollowUpCase;
import dev.followthrough.followup.domain.SlaPlan;
import dev.followthrough.followup.domain.SlaPlan.Milestone;
import dev.followthrough.followup.jdbc.JdbcCases;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.ResponseRecorded;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.FollowUpLedger;
import dev.followthrough.triggers.FollowUpRequested;
import dev.followthrough.triggers.OwnerPolicy;
import dev.followthrough.triggers.SlaCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up engine's commands: open a case for a request (exactly once per response, at most
 * one open case per contact), assign it within capacity, run its SLA timers, move it through its
 * states and record what was learned and done.
 */
@Service
public class FollowUps implements FollowUpLedger {

  private final JdbcCases cases;
  private final ResponseQueries responses;
  private final SchedulerClient timers;
  private final OneTimeTask<Void> slaTask;
  private final OneTimeTask<Void> resurveyTask;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final FollowUpSettings settings;
  private final SlaPlan plan;
  private final BusinessHours businessHours;
  private final ZoneId zone;

  FollowUps(JdbcCases cases, ResponseQueries responses, SchedulerClient timers, OneTimeTask<Void> followupSlaTask,
            OneTimeTask<Void> followupResurveyTask, ApplicationEventPublisher events, Clock clock,
            FollowUpSettings settings) {
    this.cases = cases;
    this.responses = responses;
    this.timers = timers;
    this.slaTask = followupSlaTask;
    this.resurveyTask = followupResurveyTask;
    this.events = events;
    this.clock = clock;
    this.settings = settings;
    this.zone = ZoneId.of(settings.timeZone());
    this.plan = new SlaPlan(settings.reminderAt(), settings.secondEscalationAfter());
    this.businessHours = BusinessHours.parse(settings.businessHours(), zone);
  }

  // ---- FollowUpLedger (for the trigger rules' suppression) ----------------------------------------

  @Override
  public boolean hasOpenCase(UUID contactId) {
    return contactId != null && cases.openCaseOf(contactId).isPresent();
  }

  @Override
  public Optional<Instant> lastFollowUpAt(UUID contactId) {
    return contactId == null ? Optional.empty() : cases.lastOpenedAt(contactId);
  }

  @Override
  public java.util.Set<UUID> withOpenCase(java.util.Collection<UUID> contactIds) {
    java.util.Set<UUID> out = new java.util.HashSet<>();
    cases.contactCases(contactIds).forEach((c, v) -> {
      if (v.open()) out.add(c);
    });
    return out;
  }

  @Override
  public Map<UUID, Instant> lastFollowUpAt(java.util.Collection<UUID> contactIds) {
    Map<UUID, Instant> out = new java.util.HashMap<>();
    cases.contactCases(contactIds).forEach((c, v) -> {
      if (v.lastOpenedAt() != null) out.put(c, v.lastOpenedAt());
    });
    return out;
  }

  // ---- opening -----------------------------------------------------------------------------------

  /**
   * Opens the case a trigger rule asked for. A repeated delivery finds the case already there; a
   * contact who already has an open case gets this response linked to it instead of a second case.
   */
  @Transactional
  public Optional<UUID> open(FollowUpRequested r) {
    Instant now = clock.instant();
    // without a contact there is no lock: the unique response_id makes the insert below a no-op instead
    if (r.contactId() != null) cases.lockContact(r.contactId());
    if (cases.findByResponse(r.responseId()).isPresent()) return Optional.empty(); // delivered before
    var response = responses.find(r.responseId());
    if (r.contactId() != null) {
      // a re-survey answer reopens its case rather than starting another (whichever listener runs first)
      response.ifPresent(v -> recover(r.contactId(), r.responseId(), r.score(), v.respondedAt()));
      Optional<UUID> open = cases.openCaseOf(r.contactId());
      if (open.isPresent()) {
        cases.append(open.get(), List.of(new CaseEntry("linked", "triggers", now, Map.of(
            "responseId", r.responseId().toString(), "score", r.score(), "rule", String.valueOf(r.ruleName())))));
        return Optional.empty();
      }
    }
    var account = response.map(ResponseQueries.ResponseView::account);
    String tier = account.map(ResponseQueries.AccountRef::tier).orElse(null);
    String region = account.map(a -> a.attributes().get("region")).map(String::valueOf).orElse(null);
    String accountOwner = account.map(ResponseQueries.AccountRef::owner).orElse(null);

    TeamView team = cases.teamFor(r.team(), tier, region, settings.fallbackTeam())
        .orElse(new TeamView(settings.fallbackTeam(), null, List.of(), List.of(), List.of(), null, null, true));
    Instant today = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    int memberCap = team.memberCapacity() != null ? team.memberCapacity() : settings.ownerDailyCapacity();
    String named = r.ownerPolicy() == OwnerPolicy.ACCOUNT_OWNER ? accountOwner
        : r.ownerPolicy() == OwnerPolicy.USER ? r.owner() : null;
    Optional<Assignment.Load> ownerLoad = Optional.ofNullable(blank(named))
        .map(o -> new Assignment.Load(o, cases.ownerLoad(o, today), memberCap));
    List<Assignment.Load> members = team.members().stream()
        .map(m -> new Assignment.Load(m, cases.ownerLoad(m, today), memberCap)).toList();
    long cursor = members.isEmpty() ? 0 : cases.nextCursor(team.name());
    int teamCap = team.dailyCapacity() != null ? team.dailyCapacity() : settings.teamDailyCapacity();
    var teamState = new Assignment.Team(team.name(), team.lead(), members, cases.teamLoad(team.name(), today), teamCap, cursor);
    var request = new Assignment.Request(r.ownerPolicy(), accountOwner, r.owner(), r.channel(), r.overflow());
    Assignment.Decision decision = Assignment.decide(request, ownerLoad, teamState);

    List<Runnable> afterInsert = new ArrayList<>();
    if (!(decision instanceof Assignment.Decision.ToOwner) && ownerLoad.isPresent() && !ownerLoad.get().hasRoom()
        && teamState.today() < teamState.capacity()) {
      // the named owner is full: a more urgent case takes the place of their least urgent untouched one
      var displaced = Assignment.displace(r.priority(), cases.untouched(ownerLoad.get().user(), today));
      if (displaced.isPresent()) {
        String who = ownerLoad.get().user();
        Assignment.Decision forDisplaced = decision;
        decision = new Assignment.Decision.ToOwner(who, who + " is at capacity; this case (priority " + r.priority()
            + ") takes the place of a less urgent one (priority " + displaced.get().priority() + ")");
        afterInsert.add(() -> giveWay(displaced.get().caseId(), forDisplaced, now));
      }
    }

    Instant due = SlaPlan.due(r.receivedAt(), r.sla(),
        r.calendar() == SlaCalendar.BUSINESS ? Optional.of(businessHours) : Optional.empty());
    Channel channel = decision instanceof Assignment.Decision.Overflow o ? o.channel() : r.channel();
    String owner = decision instanceof Assignment.Decision.ToOwner t ? t.owner() : null;
    boolean queued = decision instanceof Assignment.Decision.Queue;
    UUID id = dev.followthrough.platform.Ids.timeOrdered(now);
    boolean inserted = cases.insert(new JdbcCases.NewCase(id, r.responseId(), r.revision(), r.contactId(), r.accountId(),
        r.score(), r.category(), r.ruleId(), r.ruleName(), code(channel), code(r.play()), r.priority(),
        r.priorityFactors().stream().map(f -> new PriorityFactorView(f.name(), f.points(), f.why())).toList(), owner,
        team.name(), queued, r.sla().toSeconds(), code(r.calendar()), r.receivedAt(), now, due,
        r.resurveyAfter() == null ? null : r.resurveyAfter().toSeconds()));
    if (!inserted) return Optional.empty();
    afterInsert.forEach(Runnable::run);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("responseId", r.responseId().toString());
    detail.put("rule", r.ruleName());
    detail.put("channel", code(channel));
    detail.put("owner", owner);
    detail.put("team", team.name());
    detail.put("assignment", decision.why());
    detail.put("priority", r.priority());
    detail.put("dueAt", due.toString());
    detail.values().removeIf(java.util.Objects::isNull);
    cases.append(id, List.of(new CaseEntry("opened", "triggers", now, detail)));
    scheduleMilestones(id, 1, r.receivedAt(), due);
    events.publishEvent(new CaseOpened(id, r.responseId(), r.contactId(), r.accountId(), r.score(), r.category(),
        code(channel), code(r.play()), r.priority(), owner, team.name(), queued, due, now));
    return Optional.of(id);
  }

  /** A less urgent untouched case gives its owner's slot to a more urgent one: it overflows or queues. */
  private void giveWay(UUID caseId, Assignment.Decision decision, Instant now) {
    FollowUpCase c = cases.lock(caseId).orElseThrow();
    Change change = decision instanceof Assignment.Decision.Overflow o
        ? c.overflow(code(o.channel()), "gave way to a more urgent case: " + o.why(), "capacity", now)
        : c.queue("gave way to a more urgent case: " + decision.why(), "capacity", now);
    if (change instanceof Change.Applied a && a.changed()) {
      cases.save(c, now, null);
      cases.append(caseId, a.entries());
      events.publishEvent(new CaseAssigned(caseId, c.owner(), c.team(), c.channel(), decision.why(), "capacity", now));
    }
  }

  private void scheduleMilestones(UUID id, int cycle, Instant start, Instant due) {
    for (Milestone m : Milestone.values()) {
      SlaTimers.schedule(timers, slaTask, id + ":" + cycle + ":" + m.name(), plan.at(m, start, due));
    }
  }

  // ---- timers ------------------------------------------------------------------------------------

  @Transactional
  public void onMilestone(UUID caseId, int cycle, Milestone m) {
    Instant now = clock.instant();
    Optional<FollowUpCase> found = cases.lock(caseId);
    if (found.isEmpty()) return;
    FollowUpCase c = found.get();
    String to = m == Milestone.ESCALATE_2 ? secondLevel() : firstLevel(c.team());
    Change change = c.milestone(m, cycle, to, now);
    if (!(change instanceof Change.Applied a) || !a.changed()) return;
    cases.save(c, now, null);
    cases.append(caseId, a.entries());
    if (m == Milestone.REMINDER) {
      events.publishEvent(new CaseReminderDue(caseId, c.owner(), c.team(), c.dueAt(), now));
    } else {
      events.publishEvent(new CaseEscalated(caseId, c.escalationLevel(), to, c.owner(), c.team(), c.dueAt(), "sla", now));
    }
  }

  private String firstLevel(String team) {
    return Optional.ofNullable(team).flatMap(cases::team).map(TeamView::lead).filter(s -> !s.isBlank())
        .orElseGet(this::secondLevel);
  }

  private String secondLevel() {
    if (!settings.secondEscalationTo().isBlank()) return settings.secondEscalationTo();
    return cases.team(settings.fallbackTeam()).map(TeamView::lead).filter(s -> !s.isBlank())
        .orElse("team:" + settings.fallbackTeam());
  }

  @Transactional
  public void onResurveyDue(UUID caseId, int cycle) {
    cases.resurveyState(caseId)
        .filter(s -> s.cycle() == cycle && "resolved".equals(s.outcome()) && s.recoveredScore() == null)
        .ifPresent(s -> {
          Instant now = clock.instant();
          cases.append(caseId, List.of(new CaseEntry("resurvey", "sla", now, Map.of("cycle", cycle))));
          events.publishEvent(new ResurveyDue(caseId, s.contactId(), s.accountId(), s.responseId(), s.score(), now));
        });
  }

  /**
   * A new score from a contact whose case was closed: record the recovery on that case; when a
   * re-survey was asked for and the customer is still a detractor, reopen it.
   */
  @Transactional
  public void onResponse(ResponseRecorded e) {
    if (e.contactId() == null || e.revision() != 1) return;
    cases.lockContact(e.contactId());
    recover(e.contactId(), e.responseId(), e.score(), e.respondedAt());
  }

  /**
   * A batch of new scores (the {@code followup.recovery} stage): one query finds the few contacts with a closed
   * case that could recover; only their responses take the contact lock and the full check.
   */
  @Transactional
  public void onResponses(List<ResponseRecorded> batch) {
    var candidates = cases.withClosedUnrecoveredCase(batch.stream().map(ResponseRecorded::contactId)
        .filter(java.util.Objects::nonNull).distinct().toList());
    if (candidates.isEmpty()) return;
    batch.stream().filter(e -> candidates.contains(e.contactId()))
        .sorted(java.util.Comparator.comparing(ResponseRecorded::contactId)).forEach(this::onResponse);
  }

  /** Under the contact's lock: records the recovery on the contact's last closed case, reopening it if due. */
  private void recover(UUID contactId, UUID responseId, int score, Instant respondedAt) {
    var awaiting = cases.awaitingRecovery(contactId, responseId, respondedAt.minus(settings.resurveyWindow()), respondedAt);
    if (awaiting.isEmpty()) return;
    Instant now = clock.instant();
    var a = awaiting.get();
    cases.recordRecovery(a.id(), score, now);
    List<CaseEntry> entries = new ArrayList<>();
    entries.add(new CaseEntry("recovery", "responses", now, Map.of("scoreBefore", a.score(), "scoreAfter", score,
        "responseId", responseId.toString())));
    boolean reopen = a.resurvey() && score <= 6 && cases.openCaseOf(contactId).isEmpty();
    Instant due = null;
    int cycle = 0;
    if (reopen) {
      FollowUpCase c = cases.lock(a.id()).orElseThrow();
      due = dueFor(cases.find(a.id()).orElseThrow(), now);
      Change change = c.reopen("re-survey answer is still unhappy (score " + score + ")", due, "resurvey", now);
      if (change instanceof Change.Applied ap) {
        cases.save(c, now, null);
        entries.addAll(ap.entries());
        cycle = c.cycle();
        scheduleMilestones(a.id(), cycle, now, due);
      }
    }
    cases.append(a.id(), entries);
    events.publishEvent(new CaseRecovered(a.id(), contactId, a.score(), score, reopen, now));
    if (reopen) events.publishEvent(new CaseReopened(a.id(), cycle, "re-survey answer is still unhappy", due, "resurvey", now));
  }

  private Instant dueFor(CaseView v, Instant from) {
    Duration sla = Duration.ofSeconds(v.slaSeconds());
    return SlaPlan.due(from, sla, "business".equals(v.calendar()) ? Optional.of(businessHours) : Optional.empty());
  }

  // ---- commands from people ---------------------------------------------------------------------

  @Transactional
  public CaseResult move(UUID caseId, CaseStatus to, String actor) {
    return apply(caseId, (c, now) -> c.moveTo(to, actor, now), null);
  }

  @Transactional
  public CaseResult close(UUID caseId, CaseOutcome outcome, String rootCause, String action, String actor) {
    return apply(caseId, (c, now) -> c.close(outcome, rootCause, action, settings.requireDiagnosisToResolve(), actor, now),
        (c, now) -> {
          Instant resurveyAt = null;
          if (c.outcome() == CaseOutcome.RESOLVED) {
            Optional<Long> after = cases.resurveyAfterSeconds(c.id());
            if (after.isPresent()) {
              resurveyAt = now.plusSeconds(after.get());
              SlaTimers.schedule(timers, resurveyTask, c.id() + ":" + c.cycle(), resurveyAt);
            }
          }
          CaseView v = cases.find(c.id()).orElseThrow();
          boolean slaMet = c.firstContactAt() != null && !c.firstContactAt().isAfter(c.dueAt());
          events.publishEvent(new CaseClosed(c.id(), v.responseId(), v.contactId(), v.accountId(), c.outcome().code(),
              c.rootCause(), c.actionTaken(), slaMet, actor, now));
          return resurveyAt;
        });
  }

  @Transactional
  public CaseResult reopen(UUID caseId, String reason, String actor) {
    Optional<CaseView> v = cases.find(caseId);
    if (v.isEmpty()) return new CaseResult.Missing();
    Instant due = dueFor(v.get(), clock.instant());
    return apply(caseId, (c, now) -> c.reopen(reason, due, actor, now), (c, now) -> {
      scheduleMilestones(caseId, c.cycle(), now, due);
      events.publishEvent(new CaseReopened(caseId, c.cycle(), reason, due, actor, now));
      return null;
    });
  }

  @Transactional
  public CaseResult assign(UUID caseId, String owner, String team, String reason, String actor) {
    if (team != null && !team.isBlank() && cases.team(team.strip()).isEmpty()) {
      return new CaseResult.Refused("team", "no team is called '" + team.strip() + "'", false);
    }
    return apply(caseId, (c, now) -> c.assign(owner, team, reason, actor, now), (c, now) -> {
      events.publishEvent(new CaseAssigned(caseId, c.owner(), c.team(), c.channel(), reason, actor, now));
      return null;
    });
  }

  @Transactional
  public CaseResult escalate(UUID caseId, String reason, String actor) {
    Optional<CaseView> v = cases.find(caseId);
    if (v.isEmpty()) return new CaseResult.Missing();
    String to = v.get().escalationLevel() == 0 ? firstLevel(v.get().team()) : secondLevel();
    return apply(caseId, (c, now) -> c.escalate(to, reason, actor, now), (c, now) -> {
      events.publishEvent(new CaseEscalated(caseId, c.escalationLevel(), to, c.owner(), c.team(), c.dueAt(), actor, now));
      return null;
    });
  }

  @Transactional
  public CaseResult attempt(UUID caseId, String channel, String result, String note, String actor) {
    return apply(caseId, (c, now) -> c.attempt(channel, result, note, actor, now), null);
  }

  @Transactional
  public CaseResult note(UUID caseId, String text, String actor) {
    return apply(caseId, (c, now) -> c.note(text, actor, now), null);
  }

  @Transactional
  public CaseResult record(UUID caseId, String summary, String rootCause, String action, String commitment,
                           LocalDate commitmentDue, String actor) {
    return apply(caseId, (c, now) -> c.record(summary, rootCause, action, commitment, commitmentDue, actor, now), null);
  }

  static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

  /**
   * Sets what a conversation found the case to be: its severity (low, medium, high, critical) and its next step, with
   * the reason on the timeline. A repeat with the same values changes nothing; a closed case is left as it is.
   */
  @Transactional
  public CaseResult assess(UUID caseId, String severity, String nextStep, String reason, String actor) {
    String s = blank(severity);
    if (s != null && !SEVERITIES.contains(s)) return new CaseResult.Refused("severity", "must be low, medium, high or critical", false);
    String step = blank(nextStep);
    if (step != null && step.length() > 500) return new CaseResult.Refused("nextStep", "is longer than 500 characters", false);
    Optional<FollowUpCase> locked = cases.lock(caseId);
    if (locked.isEmpty()) return new CaseResult.Missing();
    CaseView v = cases.find(caseId).orElseThrow();
    if (locked.get().status().isClosed()) return new CaseResult.Refused("status", "the case is closed", true);
    if (java.util.Objects.equals(s, v.severity()) && java.util.Objects.equals(step, v.nextStep())) return new CaseResult.Done(v);
    Instant now = clock.instant();
    cases.assess(caseId, s, step, now);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("severity", s);
    d.put("from", v.severity());
    d.put("nextStep", step);
    d.put("reason", blank(reason));
    d.values().removeIf(java.util.Objects::isNull);
    cases.append(caseId, List.of(new CaseEntry("assessed", actor, now, d)));
    return new CaseResult.Done(cases.find(caseId).orElseThrow());
  }

  /**
   * Who answers for the case now: its owner; when it has none, its team's lead; then the second escalation level
   * (a setting, else the fallback team's lead, else {@code team:<fallback>}). Empty when there is no such case.
   */
  public Optional<String> responsible(UUID caseId) {
    return cases.find(caseId).map(c -> blank(c.owner()) != null ? c.owner().strip() : firstLevel(c.team()));
  }

  /**
   * Records on the case's timeline what another capability did (an interview started or completed); changes
   * no state. A repeated delivery (same type and details) is recorded once. False when there is no such case.
   */
  @Transactional
  public boolean log(UUID caseId, String type, String actor, Map<String, Object> detail) {
    // the case row is locked first, as every change does: the timeline row's foreign key takes a share lock on the
    // case, and a later FOR UPDATE in the same transaction (an interview's started and completed events arrive
    // together, each logging and then moving the case) deadlocked against the other; the lock also keeps the
    // "recorded once" check below from racing a concurrent duplicate delivery
    if (cases.lock(caseId).isEmpty()) return false;
    CaseEntry entry = new CaseEntry(type, actor, clock.instant(), detail);
    boolean seen = cases.timeline(caseId).stream()
        .anyMatch(e -> e.type().equals(type) && e.detail().equals(entry.detail()));
    if (!seen) cases.append(caseId, List.of(entry));
    return true;
  }

  /** Replaces the team set (exactly one fallback team). */
  @Transactional
  public void saveTeams(List<TeamView> teams) {
    Instant now = clock.instant();
    cases.deleteTeamsExcept(teams.stream().map(TeamView::name).toList());
    teams.stream().filter(t -> !t.fallback()).forEach(t -> cases.saveTeam(t, now)); // clear the old fallback first
    teams.stream().filter(TeamView::fallback).forEach(t -> cases.saveTeam(t, now));
  }

  private interface Command {
    Change run(FollowUpCase c, Instant now);
  }

  /** Runs after a successful change; returns the re-survey time to store, if any. */
  private interface After {
    Instant run(FollowUpCase c, Instant now);
  }

  private CaseResult apply(UUID caseId, Command command, After after) {
    Instant now = clock.instant();
    Optional<FollowUpCase> found = cases.lock(caseId);
    if (found.isEmpty()) return new CaseResult.Missing();
    FollowUpCase c = found.get();
    return switch (command.run(c, now)) {
      case Change.Refused x -> new CaseResult.Refused(x.field(), x.reason(), x.conflict());
      case Change.Applied a -> {
        if (a.changed()) {
          cases.save(c, now, null);
          cases.append(caseId, a.entries());
          if (after != null) {
            Instant resurveyAt = after.run(c, now);
            if (resurveyAt != null) cases.save(c, now, resurveyAt);
          }
        }
        yield new CaseResult.Done(cases.find(caseId).orElseThrow());
      }
    };
  }

  static String code(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

}
