package dev.followthrough.actions;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.followthrough.actions.domain.Evidence;
import dev.followthrough.actions.domain.Intervention;
import dev.followthrough.actions.domain.Mention;
import dev.followthrough.actions.domain.Proposal;
import dev.followthrough.actions.domain.Recovery;
import dev.followthrough.actions.domain.Routing;
import dev.followthrough.actions.domain.SprintRanking;
import dev.followthrough.actions.domain.Status;
import dev.followthrough.actions.jdbc.JdbcActions;
import dev.followthrough.insights.CodedSources;
import dev.followthrough.insights.Codebooks;
import dev.followthrough.outreach.ActionMessages;
import dev.followthrough.platform.Ids;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actions module's API: create and edit interventions (optimistic locking by version), move them
 * through their statuses (every move on the trail), route mechanisms to teams, and read the evidence,
 * the notices to customers, their recovery and the sprint view.
 */
@Service
public class Interventions {

  // ---- the public shapes ---------------------------------------------------------------------------------

  public static final List<String> STATUSES = java.util.Arrays.stream(Status.values()).map(Status::code).toList();

  public record InterventionView(UUID id, String title, String team, String outcome, LocalDate dueOn, String status,
                                 String notes, Integer resurveyDays, int version, List<String> mechanisms,
                                 String createdBy, Instant createdAt, Instant committedAt, Instant shippedAt,
                                 Instant verifiedAt, Instant updatedAt, boolean late, List<String> next) {}

  /** What a person typed; {@code team} null = route from the first mechanism. */
  public record Fields(String title, String team, String outcome, LocalDate dueOn, String notes, Integer resurveyDays,
                       List<String> mechanisms) {}

  public sealed interface Result {
    record Done(InterventionView intervention) implements Result {}

    record Missing() implements Result {}

    /** {@code conflict}: 409 (stale version, impossible move); otherwise 422. */
    record Refused(String field, String reason, boolean conflict) implements Result {}
  }

  public record TrailEntry(String from, String to, String note, String by, Instant at) {}

  public record QuoteView(String mechanism, String text, String category, String tier, String account) {}

  public record EvidenceView(int mentions, int contacts, Map<String, Integer> byTier, Map<String, Integer> byCategory,
                             int accountsAtRisk, BigDecimal arrAtRisk, List<QuoteView> quotes) {}

  public record NoticeView(UUID id, UUID contactId, UUID accountId, String mechanism, String sourceType, UUID sourceId,
                           String quote, Integer scoreBefore, String status, String reason, Instant notifiedAt,
                           Instant resurveyDueAt, Instant resurveyedAt, Integer scoreAfter, Instant answeredAt) {}

  public record RecoveryView(int told, int resurveyed, int answered, Double meanBefore, Double meanAfter, int recovered,
                             int detractorsAnswered) {}

  public record RouteView(String mechanism, String category, String codebookOwner, String team, String because) {}

  public record RuleView(String kind, String key, String team) {}

  public record MechanismOption(String key, String name, String categoryKey, String categoryName, String owner) {}

  public record SprintItem(String mechanism, String name, int mentions, int detractorMentions, int accountsAtRisk,
                           BigDecimal arrAtRisk, double weight, List<String> quotes, List<String> rootCauses,
                           List<InterventionView> interventions, int customersTold) {}

  public record SprintView(Instant from, Instant to, String weighting, List<SprintItem> items) {}

  // ---- collaborators -----------------------------------------------------------------------------------------

  private final JdbcActions store;
  private final Codebooks codebooks;
  private final CodedSources sources;
  private final ActionMessages messages;
  private final SchedulerClient timers;
  private final OneTimeTask<Void> lateTask;
  private final OneTimeTask<Void> resurveyTask;
  private final ApplicationEventPublisher events;
  private final ActionsSettings settings;
  private final Clock clock;

  Interventions(JdbcActions store, Codebooks codebooks, CodedSources sources, ActionMessages messages,
                SchedulerClient timers, OneTimeTask<Void> actionsLateTask, OneTimeTask<Void> actionsResurveyTask,
                ApplicationEventPublisher events, ActionsSettings settings, Clock clock) {
    this.store = store;
    this.codebooks = codebooks;
    this.sources = sources;
    this.messages = messages;
    this.timers = timers;
    this.lateTask = actionsLateTask;
    this.resurveyTask = actionsResurveyTask;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  // ---- commands ----------------------------------------------------------------------------------------------

  @Transactional
  public Result create(Fields f, String by) {
    Instant now = clock.instant();
    Fields routed = f.team() == null && f.mechanisms() != null && !f.mechanisms().isEmpty()
        ? new Fields(f.title(), route(f.mechanisms().getFirst()).team(), f.outcome(), f.dueOn(), f.notes(), f.resurveyDays(), f.mechanisms())
        : f;
    Optional<Proposal.Invalid> invalid = proposal(routed).check(mechanismKeys());
    if (invalid.isPresent()) return new Result.Refused(invalid.get().field(), invalid.get().reason(), false);
    UUID id = Ids.timeOrdered(now);
    Intervention i = new Intervention(id, routed.title().strip(), routed.team().strip(), blank(routed.outcome()), routed.dueOn(),
        Status.PROPOSED, blank(routed.notes()), routed.resurveyDays(), 0, distinct(routed.mechanisms()), by, now, null, null,
        null, now);
    store.insert(i);
    store.appendChange(id, Ids.timeOrdered(now), null, Status.PROPOSED, "created", by, now);
    scheduleLate(i);
    messages.teamNotice("actions.created:" + id, i.team(), "New intervention for " + i.team() + ": " + i.title(),
        List.of("Mechanisms: " + String.join(", ", i.mechanisms()), "Status: proposed" + due(i), "Created by " + by),
        "/actions/" + id);
    return new Result.Done(view(i));
  }

  @Transactional
  public Result update(UUID id, Integer version, Fields f, String by) {
    Optional<Intervention> found = store.find(id);
    if (found.isEmpty()) return new Result.Missing();
    Intervention old = found.get();
    Optional<Result.Refused> stale = stale(old, version);
    if (stale.isPresent()) return stale.get();
    Fields merged = new Fields(f.title() == null ? old.title() : f.title(), f.team() == null ? old.team() : f.team(),
        f.outcome() == null ? old.outcome() : f.outcome(), f.dueOn() == null ? old.dueOn() : f.dueOn(),
        f.notes() == null ? old.notes() : f.notes(), f.resurveyDays() == null ? old.resurveyDays() : f.resurveyDays(),
        f.mechanisms() == null ? old.mechanisms() : f.mechanisms());
    Optional<Proposal.Invalid> invalid = proposal(merged).check(mechanismKeys());
    if (invalid.isPresent()) return new Result.Refused(invalid.get().field(), invalid.get().reason(), false);
    if (old.committedAt() != null && old.status() != Status.DROPPED && blank(merged.outcome()) == null) {
      return new Result.Refused("outcome", "a committed intervention keeps its measurable outcome", false);
    }
    Instant now = clock.instant();
    Intervention i = new Intervention(id, merged.title().strip(), merged.team().strip(), blank(merged.outcome()),
        merged.dueOn(), old.status(), blank(merged.notes()), merged.resurveyDays(), old.version() + 1,
        distinct(merged.mechanisms()), old.createdBy(), old.createdAt(), old.committedAt(), old.shippedAt(),
        old.verifiedAt(), now);
    if (!store.update(i, old.version())) return staleRefusal(old.version());
    scheduleLate(i);
    return new Result.Done(view(i));
  }

  @Transactional
  public Result move(UUID id, Integer version, String status, String note, String by) {
    Optional<Status> to = Status.parse(status);
    if (to.isEmpty()) return new Result.Refused("status", "must be one of proposed, committed, in_progress, shipped, verified, dropped", false);
    Optional<Intervention> found = store.find(id);
    if (found.isEmpty()) return new Result.Missing();
    Intervention old = found.get();
    Optional<Result.Refused> stale = stale(old, version);
    if (stale.isPresent()) return stale.get();
    Instant now = clock.instant();
    return switch (old.moveTo(to.get(), now)) {
      case Intervention.Transition.Refused r -> new Result.Refused(r.field(), r.reason(), r.conflict());
      case Intervention.Transition.Moved m -> {
        if (!store.update(m.after(), old.version())) yield staleRefusal(old.version());
        store.appendChange(id, Ids.timeOrdered(now), m.from(), m.to(), blank(note), by, now);
        Intervention i = m.after();
        if (m.to() == Status.COMMITTED) {
          messages.teamNotice("actions.committed:" + id, i.team(), "Committed: " + i.title(),
              List.of("Outcome: " + i.outcome(), "Due " + i.dueOn(), "Committed by " + by), "/actions/" + id);
        }
        if (m.to() == Status.SHIPPED) {
          events.publishEvent(new InterventionShipped(id, i.title(), i.team(), i.mechanisms(), by, now));
        }
        yield new Result.Done(view(i));
      }
    };
  }

  @Transactional
  public Result delete(UUID id, Integer version) {
    Optional<Intervention> found = store.find(id);
    if (found.isEmpty()) return new Result.Missing();
    Optional<Result.Refused> stale = stale(found.get(), version);
    if (stale.isPresent()) return stale.get();
    if (found.get().status() != Status.PROPOSED && found.get().status() != Status.DROPPED) {
      return new Result.Refused("status", "only a proposed or dropped intervention can be deleted; drop it first", true);
    }
    store.delete(id);
    return new Result.Done(view(found.get()));
  }

  private static Optional<Result.Refused> stale(Intervention i, Integer version) {
    if (version == null) return Optional.of(new Result.Refused("version", "is required (the version you last read)", false));
    return version == i.version() ? Optional.empty() : Optional.of(staleRefusal(i.version()));
  }

  private static Result.Refused staleRefusal(int current) {
    return new Result.Refused("version", "someone changed this intervention meanwhile (now version " + current
        + "); reload and try again", true);
  }

  // ---- reads -------------------------------------------------------------------------------------------------

  public Optional<InterventionView> find(UUID id) {
    return store.find(id).map(this::view);
  }

  public List<InterventionView> list(String status, String team, boolean late, String mechanism) {
    Status s = status == null || status.isBlank() ? null : Status.parse(status).orElse(null);
    return store.list(new JdbcActions.Filter(s, team == null || team.isBlank() ? null : team.strip(), late ? today() : null,
        mechanism == null || mechanism.isBlank() ? null : mechanism), 500).stream().map(this::view).toList();
  }

  public List<String> teams() {
    return store.teams();
  }

  public List<TrailEntry> trail(UUID id) {
    return store.trail(id).stream().map(c -> new TrailEntry(c.from(), c.to(), c.note(), c.by(), c.at())).toList();
  }

  public Optional<EvidenceView> evidence(UUID id) {
    return store.find(id).map(i -> {
      Evidence e = Evidence.of(mentions(sources.forMechanisms(i.mechanisms(), null)), settings.quotes());
      return new EvidenceView(e.mentions(), e.contacts(), e.byTier(), e.byCategory(), e.accountsAtRisk(), e.arrAtRisk(),
          e.quotes().stream().map(q -> new QuoteView(q.mechanism(), q.text(), q.category(), q.tier(), q.accountName())).toList());
    });
  }

  public List<NoticeView> notices(UUID id) {
    return store.notices(id).stream().map(n -> new NoticeView(n.id(), n.contactId(), n.accountId(), n.mechanism(),
        n.sourceType(), n.sourceId(), n.quote(), n.scoreBefore(), n.status(), n.reason(), n.notifiedAt(),
        n.resurveyDueAt(), n.resurveyedAt(), n.scoreAfter(), n.answeredAt())).toList();
  }

  public Optional<RecoveryView> recovery(UUID id) {
    if (store.find(id).isEmpty()) return Optional.empty();
    Recovery r = Recovery.of(store.notices(id).stream().filter(n -> n.status().equals("queued"))
        .map(n -> new Recovery.Told(n.scoreBefore(), n.scoreAfter(), n.resurveyedAt() != null)).toList());
    return Optional.of(new RecoveryView(r.told(), r.resurveyed(), r.answered(), r.meanBefore(), r.meanAfter(),
        r.recovered(), r.detractorsAnswered()));
  }

  public List<MechanismOption> mechanisms() {
    return codebooks.mechanisms().stream()
        .map(m -> new MechanismOption(m.key(), m.name(), m.categoryKey(), m.categoryName(), m.owner())).toList();
  }

  // ---- routing -----------------------------------------------------------------------------------------------

  public RouteView route(String mechanism) {
    var ref = codebooks.mechanisms().stream().filter(m -> m.key().equals(mechanism)).findFirst();
    String category = ref.map(Codebooks.MechanismRef::categoryKey).orElse(null);
    String owner = ref.map(Codebooks.MechanismRef::owner).orElse(null);
    Routing.Route r = Routing.route(mechanism, category, owner, store.rules(), settings.fallbackTeam());
    return new RouteView(mechanism, category, owner, r.team(), r.because());
  }

  /** Every mechanism of the current codebook with the team it routes to. */
  public List<RouteView> routes() {
    List<Routing.Rule> rules = store.rules();
    return codebooks.mechanisms().stream().map(m -> {
      Routing.Route r = Routing.route(m.key(), m.categoryKey(), m.owner(), rules, settings.fallbackTeam());
      return new RouteView(m.key(), m.categoryKey(), m.owner(), r.team(), r.because());
    }).toList();
  }

  public List<RuleView> rules() {
    return store.rules().stream().map(r -> new RuleView(r.kind().name().toLowerCase(Locale.ROOT), r.key(), r.team())).toList();
  }

  /** Saves a rule: {@code kind} mechanism or category, {@code key} a key of the current codebook. */
  @Transactional
  public Optional<Result.Refused> saveRule(String kind, String key, String team, String by) {
    Optional<Routing.Kind> k = kind(kind);
    if (k.isEmpty()) return Optional.of(new Result.Refused("kind", "must be mechanism or category", false));
    Set<String> keys = k.get() == Routing.Kind.MECHANISM ? mechanismKeys()
        : codebooks.mechanisms().stream().map(Codebooks.MechanismRef::categoryKey).collect(Collectors.toSet());
    if (key == null || !keys.contains(key.strip())) {
      return Optional.of(new Result.Refused("key", "'" + key + "' is not a " + k.get().name().toLowerCase(Locale.ROOT)
          + " of the current codebook", false));
    }
    if (team == null || team.isBlank() || team.length() > 80) return Optional.of(new Result.Refused("team", "must be 1 to 80 characters", false));
    store.saveRule(new Routing.Rule(k.get(), key.strip(), team.strip()), by, clock.instant());
    return Optional.empty();
  }

  @Transactional
  public boolean deleteRule(String kind, String key) {
    return kind(kind).map(k -> store.deleteRule(k, key)).orElse(false);
  }

  private static Optional<Routing.Kind> kind(String kind) {
    if ("mechanism".equals(kind)) return Optional.of(Routing.Kind.MECHANISM);
    if ("category".equals(kind)) return Optional.of(Routing.Kind.CATEGORY);
    return Optional.empty();
  }

  // ---- the sprint view ---------------------------------------------------------------------------------------

  /** The top mechanisms of the sprint window (weighting: {@link SprintRanking}) with what is being done about them. */
  public SprintView sprint() {
    Instant to = clock.instant();
    Instant from = to.minus(settings.sprintWindow());
    List<CodedSources.Source> recent = sources.forMechanisms(null, from);
    List<Mention> mentions = mentions(recent);
    Map<String, String> names = codebooks.mechanisms().stream()
        .collect(Collectors.toMap(Codebooks.MechanismRef::key, Codebooks.MechanismRef::name, (a, b) -> a));
    List<SprintItem> items = new ArrayList<>();
    for (SprintRanking.Ranked r : SprintRanking.rank(mentions, settings.sprintArrUnit(), settings.sprintSize())) {
      List<InterventionView> linked = list(null, null, false, r.mechanism());
      Map<UUID, Integer> told = store.toldCounts(linked.stream().map(InterventionView::id).toList());
      List<String> quotes = mentions.stream().filter(m -> m.mechanism().equals(r.mechanism()) && m.quote() != null)
          .sorted(java.util.Comparator.comparing((Mention m) -> !m.detractor())).map(Mention::quote).distinct().limit(3).toList();
      List<String> notes = linked.stream().map(InterventionView::notes).filter(n -> n != null && !n.isBlank()).toList();
      items.add(new SprintItem(r.mechanism(), names.getOrDefault(r.mechanism(), r.mechanism()), r.mentions(),
          r.detractorMentions(), r.accountsAtRisk(), r.arrAtRisk(), r.weight(), quotes, notes, linked,
          told.values().stream().mapToInt(Integer::intValue).sum()));
    }
    return new SprintView(from, to, "weight = mentions + detractor mentions + ARR at risk / "
        + settings.sprintArrUnit().toPlainString() + " (each detractor account's ARR once)", items);
  }

  // ---- timers and listeners (package-private: ActionTimers, ActionListeners) --------------------------------

  /** The intervention's customers get their "you said, we did" note: each contact once, ever. */
  @Transactional
  int tellCustomers(UUID interventionId) {
    Optional<Intervention> found = store.find(interventionId);
    if (found.isEmpty() || (found.get().status() != Status.SHIPPED && found.get().status() != Status.VERIFIED)) return 0;
    Intervention i = found.get();
    Map<UUID, CodedSources.Source> byContact = new LinkedHashMap<>();
    for (CodedSources.Source s : sources.forMechanisms(i.mechanisms(), null)) {
      if (s.contactId() != null) byContact.putIfAbsent(s.contactId(), s); // newest feedback first
    }
    Instant now = clock.instant();
    int told = 0;
    for (CodedSources.Source s : byContact.values()) {
      Instant resurveyAt = i.resurveyDays() == null ? null : now.plus(java.time.Duration.ofDays(i.resurveyDays()));
      UUID noticeId = Ids.timeOrdered(now);
      Optional<UUID> stored = store.insertNotice(new JdbcActions.Notice(noticeId, i.id(), s.contactId(), s.accountId(),
          s.mechanism(), s.sourceType(), s.sourceId(), s.responseId(), s.quote(), s.score(), "queued", null, now,
          resurveyAt, null, null, null));
      if (stored.isEmpty()) continue; // told before
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put("quote", s.quote());
      vars.put("title", i.title());
      vars.put("outcome", i.outcome() == null ? "" : i.outcome());
      ActionMessages.Outcome o = messages.customerNote("actions.you-said-we-did:" + i.id() + ":" + s.contactId(),
          "you_said_we_did", "actions.you-said-we-did", s.responseId(), vars, false);
      if (!o.status().equals("queued")) {
        store.noticeStatus(noticeId, o.status(), o.reason());
        continue;
      }
      told++;
      if (resurveyAt != null) timers.scheduleIfNotExists(resurveyTask.instance(noticeId.toString()), resurveyAt);
    }
    return told;
  }

  /** The re-survey of one told customer (a timer that fires twice sends once). */
  @Transactional
  void resurvey(UUID noticeId) {
    Optional<JdbcActions.Notice> n = store.notice(noticeId);
    if (n.isEmpty() || !n.get().status().equals("queued")) return;
    if (!store.markResurveyed(noticeId, clock.instant())) return;
    String title = store.find(n.get().interventionId()).map(Intervention::title).orElse("");
    messages.customerNote("actions.resurvey:" + noticeId, "resurvey", "actions.resurvey", n.get().responseId(),
        Map.of("title", title), true);
  }

  /** Due date passed and not shipped: the owning team hears once per due date. */
  @Transactional
  void onLate(UUID id, LocalDate dueOn) {
    store.find(id).filter(i -> dueOn.equals(i.dueOn()) && i.late(today())).ifPresent(i ->
        messages.teamNotice("actions.late:" + id + ":" + dueOn, i.team(), "Late: " + i.title(),
            List.of("Was due " + i.dueOn() + ", status " + i.status().code(), "Outcome: " + (i.outcome() == null ? "—" : i.outcome())),
            "/actions/" + id));
  }

  /** Each team's late interventions, once per team and week. Returns how many teams had any. */
  @Transactional
  int weeklyReview() {
    LocalDate today = today();
    LocalDate week = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    Map<String, List<Intervention>> byTeam = new LinkedHashMap<>();
    for (Intervention i : store.list(new JdbcActions.Filter(null, null, today, null), 1000)) {
      byTeam.computeIfAbsent(i.team(), k -> new ArrayList<>()).add(i);
    }
    byTeam.forEach((team, late) -> messages.teamNotice("actions.weekly:" + team.toLowerCase(Locale.ROOT) + ":" + week, team,
        "Weekly review: " + late.size() + " late intervention" + (late.size() == 1 ? "" : "s") + " for " + team,
        late.stream().map(i -> "- " + i.title() + " — due " + i.dueOn() + ", " + i.status().code()).toList(),
        "/actions?team=" + team + "&late=true"));
    return byTeam.size();
  }

  /** A new score from a contact answers the notices they got before it (one statement, in the caller's transaction). */
  /** A batch of new scores: one query finds the contacts with a notice to answer; only theirs are updated. */
  void recordAnswers(List<dev.followthrough.responses.ResponseRecorded> batch) {
    var waiting = store.awaitingAnswer(batch.stream().map(dev.followthrough.responses.ResponseRecorded::contactId)
        .filter(java.util.Objects::nonNull).distinct().toList());
    batch.stream().filter(e -> waiting.contains(e.contactId()))
        .forEach(e -> recordAnswer(e.contactId(), e.responseId(), e.score(), e.respondedAt()));
  }

  int recordAnswer(UUID contactId, UUID responseId, int score, Instant respondedAt) {
    return store.recordAnswer(contactId, responseId, score, respondedAt);
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private void scheduleLate(Intervention i) {
    if (i.dueOn() == null || !i.status().open()) return;
    Instant at = i.dueOn().plusDays(1).atStartOfDay(settings.timeZone()).toInstant();
    timers.scheduleIfNotExists(lateTask.instance(i.id() + ":" + i.dueOn()), at);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), settings.timeZone());
  }

  private InterventionView view(Intervention i) {
    return new InterventionView(i.id(), i.title(), i.team(), i.outcome(), i.dueOn(), i.status().code(), i.notes(),
        i.resurveyDays(), i.version(), i.mechanisms(), i.createdBy(), i.createdAt(), i.committedAt(), i.shippedAt(),
        i.verifiedAt(), i.updatedAt(), i.late(today()), i.status().next().stream().map(Status::code).toList());
  }

  private static List<Mention> mentions(List<CodedSources.Source> sources) {
    return sources.stream().map(s -> new Mention(s.mechanism(), s.contactId(), s.accountId(), s.accountName(), s.tier(),
        s.category(), s.arr(), s.quote())).toList();
  }

  private Set<String> mechanismKeys() {
    return codebooks.mechanisms().stream().map(Codebooks.MechanismRef::key).collect(Collectors.toSet());
  }

  private static Proposal proposal(Fields f) {
    return new Proposal(f.title(), f.team(), f.outcome(), f.dueOn(), f.notes(), f.resurveyDays(), f.mechanisms());
  }

  private static String due(Intervention i) {
    return i.dueOn() == null ? "" : ", due " + DateTimeFormatter.ISO_LOCAL_DATE.format(i.dueOn());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static List<String> distinct(List<String> l) {
    return l.stream().map(String::strip).distinct().toList();
  }
}
