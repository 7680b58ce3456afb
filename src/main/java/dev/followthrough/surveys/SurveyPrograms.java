package dev.followthrough.surveys;

import dev.followthrough.outreach.OutreachSettings;
import dev.followthrough.platform.Ids;
import dev.followthrough.responses.ContactDirectory;
import dev.followthrough.responses.ContactDirectory.Member;
import dev.followthrough.surveys.domain.Cadence;
import dev.followthrough.surveys.domain.Spread;
import dev.followthrough.surveys.jdbc.JdbcSurveys;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Survey programs: create, change, read, their figures, and what a wave would look like before it is sent. */
@Service
public class SurveyPrograms {

  public sealed interface Saved {
    record Ok(Program program) implements Saved {}

    record Invalid(String field, String reason) implements Saved {}

    record NotFound() implements Saved {}
  }

  /** One projected send. */
  public record ProjectedSend(UUID contactId, String contactName, String timeZone, Instant at, int cohort) {}

  /**
   * The audience (size and first members) and the projected schedule of the program's current (or first)
   * period: sends per week (Monday, UTC) and the first sends.
   */
  public record Projection(long audienceSize, List<Member> sample, int period, LocalDate periodStart,
                           LocalDate periodEnd, Map<LocalDate, Long> perWeek, List<ProjectedSend> first) {}

  /** A program with its figures. */
  public record Overview(Program program, ProgramStats stats, long botHits) {}

  private final JdbcSurveys store;
  private final ContactDirectory contacts;
  private final SurveySettings settings;
  private final OutreachSettings outreach;
  private final Clock clock;

  SurveyPrograms(JdbcSurveys store, ContactDirectory contacts, SurveySettings settings, OutreachSettings outreach,
                 Clock clock) {
    this.store = store;
    this.contacts = contacts;
    this.settings = settings;
    this.outreach = outreach;
    this.clock = clock;
  }

  /** {@code draft.id()} is ignored: a new program gets a new id. */
  public Saved create(Program draft) {
    Program p = withId(draft, Ids.timeOrdered(clock.instant()));
    return save(p);
  }

  public Saved update(UUID id, Program draft) {
    if (store.program(id).isEmpty()) return new Saved.NotFound();
    return save(withId(draft, id));
  }

  private Saved save(Program p) {
    var invalid = p.violation();
    if (invalid.isPresent()) return new Saved.Invalid(invalid.get().field(), invalid.get().reason());
    if (store.nameTaken(p.name(), p.id())) return new Saved.Invalid("name", "another program has this name");
    store.saveProgram(p, clock.instant());
    return new Saved.Ok(store.program(p.id()).orElseThrow());
  }

  public List<Program> list() {
    return store.programs();
  }

  public Optional<Program> find(UUID id) {
    return store.program(id);
  }

  public Optional<Overview> overview(UUID id) {
    return store.program(id).map(p -> new Overview(p, store.stats(id), store.botHits(id)));
  }

  public List<Overview> overviews() {
    return store.programs().stream().map(p -> new Overview(p, store.stats(p.id()), store.botHits(p.id()))).toList();
  }

  /** The sends of a program, most recently changed first ({@code status} null: all). */
  public List<SurveySend> sends(UUID programId, String status, int limit) {
    return store.programSends(programId, status, Math.min(Math.max(limit, 1), 500));
  }

  /** A contact's surveys, newest first; the next scheduled one is the earliest {@code planned}. */
  public List<SurveySend> contactHistory(UUID contactId) {
    return store.contactSends(contactId);
  }

  public Optional<SurveySend> nextScheduled(UUID contactId) {
    return store.contactSends(contactId).stream().filter(s -> s.status().equals("planned"))
        .min(java.util.Comparator.comparing(SurveySend::sendAt));
  }

  /** Audience preview and projected schedule; transactional programs have no wave (size only). */
  public Projection project(Program p) {
    var preview = contacts.preview(p.audience().tier(), p.audience().attribute(), p.audience().value(), 10);
    if (p.kind() != Program.Kind.RELATIONAL || p.startsOn() == null || p.cadenceMonths() == null)
      return new Projection(preview.size(), preview.first(), -1, null, null, Map.of(), List.of());
    LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    Cadence cadence = new Cadence(p.startsOn(), p.cadenceMonths());
    int period = Math.max(0, cadence.periodOf(today));
    List<Spread.Target> targets = new ArrayList<>();
    Map<UUID, Member> byId = new java.util.HashMap<>();
    contacts.audience(p.audience().tier(), p.audience().attribute(), p.audience().value(), m -> {
      targets.add(new Spread.Target(m.id(), zone(m)));
      if (byId.size() < 5000) byId.put(m.id(), m);
    });
    List<Spread.Slot> slots = Spread.plan(targets, cadence, period, p.cohorts(), settings.morning(),
        today.isAfter(cadence.start(period)) ? today : cadence.start(period));
    Map<LocalDate, Long> perWeek = new TreeMap<>();
    for (Spread.Slot s : slots) {
      LocalDate monday = s.at().atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
      perWeek.merge(monday, 1L, Long::sum);
    }
    List<ProjectedSend> first = slots.stream().filter(s -> byId.containsKey(s.contactId())).limit(10).map(s -> {
      Member m = byId.get(s.contactId());
      return new ProjectedSend(m.id(), m.name() != null ? m.name() : m.email() != null ? m.email() : m.externalId(),
          zone(m).getId(), s.at(), s.cohort());
    }).toList();
    return new Projection(preview.size(), preview.first(), period, cadence.start(period), cadence.end(period), perWeek, first);
  }

  private ZoneId zone(Member m) {
    return SurveyWaves.zoneOf(m, outreach.defaultTimeZone());
  }

  private static Program withId(Program d, UUID id) {
    return new Program(id, d.name(), d.kind(), d.channel(), d.active(), d.cadenceMonths(), d.cohorts(), d.startsOn(),
        d.audience(), d.eventType(), d.delayMinutes(), d.cooldownDays(), d.accountBudget(), d.reminders(),
        d.fallbackDays(), d.allowAnonymous(), d.template(), d.touchpoint());
  }
}
