package dev.followthrough.followup.jdbc;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.followup.domain.CaseEntry;
import dev.followthrough.followup.CaseOutcome;
import dev.followthrough.followup.CaseStatus;
import dev.followthrough.followup.domain.FollowUpCase;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Cases, their audit trail and teams in PostgreSQL. */
@Repository
public class JdbcCases implements CaseQueries {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;
  private final java.time.Clock clock;

  JdbcCases(JdbcClient jdbc, NamedParameterJdbcTemplate named, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.named = named;
    this.clock = clock;
  }

  /** Everything needed to insert a case. */
  public record NewCase(UUID id, UUID responseId, int revision, UUID contactId, UUID accountId, int score,
                        String category, UUID ruleId, String ruleName, String channel, String play, int priority,
                        List<PriorityFactorView> factors, String owner, String team, boolean queued, long slaSeconds,
                        String calendar, Instant receivedAt, Instant openedAt, Instant dueAt, Long resurveyAfterSeconds) {}

  /** Serialises competing work on one contact (two responses, a re-survey answer) across nodes. */
  public void lockContact(UUID contactId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))").param("k", "followup-contact:" + contactId)
        .query().singleRow();
  }

  /** Inserts the case unless the response already has one; returns whether it was inserted. */
  public boolean insert(NewCase c) {
    return jdbc.sql("""
        INSERT INTO followup_case (id, response_id, revision, contact_id, account_id, score, category, rule_id, rule_name,
          channel, play, priority, priority_factors, owner, team, queued, status, sla_seconds, calendar, received_at,
          opened_at, due_at, resurvey_after_seconds, updated_at)
        VALUES (:id, :response, :revision, :contact, :account, :score, :category, :rule, :ruleName, :channel, :play,
          :priority, CAST(:factors AS jsonb), :owner, :team, :queued, 'open', :sla, :calendar, :received, :opened, :due,
          :resurvey, :opened)
        ON CONFLICT (response_id) DO NOTHING""")
        .param("id", c.id()).param("response", c.responseId()).param("revision", c.revision())
        .param("contact", c.contactId()).param("account", c.accountId()).param("score", c.score())
        .param("category", c.category()).param("rule", c.ruleId()).param("ruleName", c.ruleName())
        .param("channel", c.channel()).param("play", c.play()).param("priority", c.priority())
        .param("factors", JSON.writeValueAsString(c.factors())).param("owner", c.owner()).param("team", c.team())
        .param("queued", c.queued()).param("sla", c.slaSeconds()).param("calendar", c.calendar())
        .param("received", ts(c.receivedAt())).param("opened", ts(c.openedAt())).param("due", ts(c.dueAt()))
        .param("resurvey", c.resurveyAfterSeconds())
        .update() == 1;
  }

  /** The case, locked for this transaction. */
  public Optional<FollowUpCase> lock(UUID id) {
    return jdbc.sql("SELECT * FROM followup_case WHERE id = :id FOR UPDATE").param("id", id)
        .query((rs, i) -> new FollowUpCase(rs.getObject("id", UUID.class),
            CaseStatus.parse(rs.getString("status")).orElseThrow(),
            CaseOutcome.parse(rs.getString("outcome")).orElse(null), rs.getString("owner"), rs.getString("team"),
            rs.getBoolean("queued"), rs.getString("channel"), rs.getInt("escalation_level"),
            rs.getString("escalated_to"), rs.getBoolean("reminded"), rs.getInt("cycle"),
            instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("first_contact_at")),
            instant(rs.getTimestamp("closed_at")), rs.getString("summary"), rs.getString("root_cause"),
            rs.getString("action_taken"), rs.getString("commitment"), date(rs.getDate("commitment_due"))))
        .optional();
  }

  /** Writes back what a command changed. */
  /** Sets the case's severity and next step (the caller holds the case's lock). */
  public void assess(UUID caseId, String severity, String nextStep, Instant now) {
    jdbc.sql("UPDATE followup_case SET severity = :s, next_step = :n, version = version + 1, updated_at = :now WHERE id = :id")
        .param("s", severity).param("n", nextStep).param("now", ts(now)).param("id", caseId).update();
  }

  public void save(FollowUpCase c, Instant now, Instant resurveyDueAt) {
    jdbc.sql("""
        UPDATE followup_case SET status = :status, outcome = :outcome, owner = :owner, team = :team, queued = :queued,
          channel = :channel, escalation_level = :level, escalated_to = :escalatedTo, reminded = :reminded,
          cycle = :cycle, due_at = :due, first_contact_at = :firstContact, closed_at = :closed, summary = :summary,
          root_cause = :rootCause, action_taken = :action, commitment = :commitment, commitment_due = :commitmentDue,
          resurvey_due_at = COALESCE(:resurvey, CASE WHEN :status = 'closed' THEN resurvey_due_at END),
          version = version + 1, updated_at = :now
        WHERE id = :id""")
        .param("status", c.status().code()).param("outcome", c.outcome() == null ? null : c.outcome().code())
        .param("owner", c.owner()).param("team", c.team()).param("queued", c.queued()).param("channel", c.channel())
        .param("level", c.escalationLevel()).param("escalatedTo", c.escalatedTo()).param("reminded", c.reminded())
        .param("cycle", c.cycle()).param("due", ts(c.dueAt())).param("firstContact", ts(c.firstContactAt()))
        .param("closed", ts(c.closedAt())).param("summary", c.summary()).param("rootCause", c.rootCause())
        .param("action", c.actionTaken()).param("commitment", c.commitment())
        .param("commitmentDue", c.commitmentDue() == null ? null : java.sql.Date.valueOf(c.commitmentDue()))
        .param("resurvey", ts(resurveyDueAt)).param("now", ts(now)).param("id", c.id())
        .update();
  }

  public void append(UUID caseId, List<CaseEntry> entries) {
    for (CaseEntry e : entries) {
      jdbc.sql("INSERT INTO followup_case_event (case_id, type, actor, at, detail) VALUES (:c, :t, :a, :at, CAST(:d AS jsonb))")
          .param("c", caseId).param("t", e.type()).param("a", e.actor()).param("at", ts(e.at()))
          .param("d", JSON.writeValueAsString(e.detail())).update();
    }
  }

  public void recordRecovery(UUID caseId, int score, Instant at) {
    jdbc.sql("UPDATE followup_case SET recovered_score = :s, recovered_at = :at, updated_at = :at WHERE id = :id")
        .param("s", score).param("at", ts(at)).param("id", caseId).update();
  }

  /** The contact's case that is not closed, if any. */
  public Optional<UUID> openCaseOf(UUID contactId) {
    return jdbc.sql("SELECT id FROM followup_case WHERE contact_id = :c AND status <> 'closed' ORDER BY opened_at DESC LIMIT 1")
        .param("c", contactId).query(UUID.class).optional();
  }

  /** Per contact: whether it has a case that is not closed, and when its last case was opened. */
  public record ContactCases(boolean open, Instant lastOpenedAt) {}

  public java.util.Map<UUID, ContactCases> contactCases(java.util.Collection<UUID> contactIds) {
    java.util.Map<UUID, ContactCases> out = new java.util.HashMap<>();
    if (contactIds.isEmpty()) return out;
    jdbc.sql("""
        SELECT contact_id, bool_or(status <> 'closed') AS open, max(opened_at) AS last FROM followup_case
        WHERE contact_id = ANY(:c) GROUP BY contact_id""")
        .param("c", contactIds.toArray(UUID[]::new))
        .query(rs -> {
          out.put(rs.getObject("contact_id", UUID.class), new ContactCases(rs.getBoolean("open"), instant(rs.getTimestamp("last"))));
        });
    return out;
  }

  public Optional<Instant> lastOpenedAt(UUID contactId) {
    return jdbc.sql("SELECT max(opened_at) FROM followup_case WHERE contact_id = :c").param("c", contactId)
        .query((rs, i) -> instant(rs.getTimestamp(1))).optional().filter(java.util.Objects::nonNull);
  }

  /** A closed case of a contact whose customer has not scored again yet. */
  public record AwaitingRecovery(UUID id, int score, boolean resurvey, String outcome) {}

  /** The contact's most recent closed case, closed in [since, before), without a later score yet. */
  /** Of these contacts, the ones with a closed case not yet recovered: one query for a batch of responses. */
  public java.util.Set<UUID> withClosedUnrecoveredCase(java.util.Collection<UUID> contactIds) {
    if (contactIds.isEmpty()) return java.util.Set.of();
    return new java.util.HashSet<>(jdbc.sql("""
        SELECT DISTINCT contact_id FROM followup_case
        WHERE contact_id = ANY(:c) AND status = 'closed' AND recovered_score IS NULL""")
        .param("c", contactIds.toArray(UUID[]::new)).query(UUID.class).list());
  }

  public Optional<AwaitingRecovery> awaitingRecovery(UUID contactId, UUID exceptResponse, Instant since, Instant before) {
    return jdbc.sql("""
        SELECT id, score, resurvey_after_seconds IS NOT NULL AS resurvey, outcome FROM followup_case
        WHERE contact_id = :c AND status = 'closed' AND recovered_score IS NULL AND response_id <> :r
          AND closed_at >= :since AND closed_at < :before
        ORDER BY closed_at DESC LIMIT 1""")
        .param("c", contactId).param("r", exceptResponse).param("since", ts(since)).param("before", ts(before))
        .query((rs, i) -> new AwaitingRecovery(rs.getObject("id", UUID.class), rs.getInt("score"),
            rs.getBoolean("resurvey"), rs.getString("outcome"))).optional();
  }

  /** Whether a re-survey was asked for, and the score that opened the case. */
  public record ResurveyState(UUID contactId, UUID accountId, UUID responseId, int score, int cycle, String outcome,
                              Integer recoveredScore) {}

  public Optional<ResurveyState> resurveyState(UUID caseId) {
    return jdbc.sql("SELECT contact_id, account_id, response_id, score, cycle, outcome, recovered_score FROM followup_case WHERE id = :id")
        .param("id", caseId)
        .query((rs, i) -> new ResurveyState(rs.getObject("contact_id", UUID.class), rs.getObject("account_id", UUID.class),
            rs.getObject("response_id", UUID.class), rs.getInt("score"), rs.getInt("cycle"), rs.getString("outcome"),
            (Integer) rs.getObject("recovered_score"))).optional();
  }

  public Optional<Long> resurveyAfterSeconds(UUID caseId) {
    return jdbc.sql("SELECT resurvey_after_seconds FROM followup_case WHERE id = :id").param("id", caseId)
        .query((rs, i) -> (Long) rs.getObject(1)).optional().filter(java.util.Objects::nonNull);
  }

  // ---- capacity ----------------------------------------------------------------------------------

  /** Cases a person works (human channels) opened since {@code since}, by owner (lower-cased). */
  public int ownerLoad(String owner, Instant since) {
    return jdbc.sql("""
        SELECT count(*) FROM followup_case
        WHERE lower(owner) = lower(:o) AND opened_at >= :since AND channel IN ('call', 'email')""")
        .param("o", owner).param("since", ts(since)).query(Integer.class).single();
  }

  public int teamLoad(String team, Instant since) {
    return jdbc.sql("""
        SELECT count(*) FROM followup_case
        WHERE team = :t AND opened_at >= :since AND channel IN ('call', 'email') AND owner IS NOT NULL""")
        .param("t", team).param("since", ts(since)).query(Integer.class).single();
  }

  /** The owner's cases from today nobody has touched yet (candidates to give way to more urgent work). */
  public List<dev.followthrough.followup.domain.Assignment.Held> untouched(String owner, Instant since) {
    return jdbc.sql("""
        SELECT id, priority FROM followup_case
        WHERE lower(owner) = lower(:o) AND opened_at >= :since AND status = 'open' AND first_contact_at IS NULL
          AND channel IN ('call', 'email')""")
        .param("o", owner).param("since", ts(since))
        .query((rs, i) -> new dev.followthrough.followup.domain.Assignment.Held(rs.getObject("id", UUID.class),
            rs.getInt("priority"))).list();
  }

  /** Queued cases of a team, most urgent first. */
  public List<UUID> queued(String team, int limit) {
    return jdbc.sql("SELECT id FROM followup_case WHERE team = :t AND queued AND status = 'open' ORDER BY priority DESC, opened_at LIMIT :n")
        .param("t", team).param("n", limit).query(UUID.class).list();
  }

  // ---- teams -------------------------------------------------------------------------------------

  /** The team for a case: the rule's team, else one whose tiers/regions match the account, else the fallback. */
  public Optional<TeamView> teamFor(String ruleTeam, String tier, String region, String fallback) {
    if (ruleTeam != null && !ruleTeam.isBlank()) {
      Optional<TeamView> t = team(ruleTeam);
      if (t.isPresent()) return t;
    }
    if (tier != null) {
      Optional<TeamView> t = jdbc.sql("""
          SELECT * FROM followup_team
          WHERE EXISTS (SELECT 1 FROM unnest(tiers) x WHERE lower(x) = lower(:tier))
            AND (cardinality(regions) = 0 OR EXISTS (SELECT 1 FROM unnest(regions) x WHERE lower(x) = lower(:region)))
          ORDER BY cardinality(regions) DESC, name LIMIT 1""")
          .param("tier", tier).param("region", region == null ? "" : region).query(JdbcCases::team).optional();
      if (t.isPresent()) return t;
    }
    Optional<TeamView> byName = team(fallback);
    return byName.isPresent() ? byName
        : jdbc.sql("SELECT * FROM followup_team WHERE fallback").query(JdbcCases::team).optional();
  }

  public Optional<TeamView> team(String name) {
    return jdbc.sql("SELECT * FROM followup_team WHERE name = :n").param("n", name).query(JdbcCases::team).optional();
  }

  /** Advances the team's round-robin cursor and returns its previous value (row-locked: nodes agree). */
  public long nextCursor(String team) {
    return jdbc.sql("UPDATE followup_team SET rr_cursor = rr_cursor + 1 WHERE name = :n RETURNING rr_cursor - 1")
        .param("n", team).query(Long.class).optional().orElse(0L);
  }

  public void saveTeam(TeamView t, Instant now) {
    jdbc.sql("""
        INSERT INTO followup_team (name, lead, tiers, regions, daily_capacity, fallback, members, member_capacity, updated_at)
        VALUES (:n, :lead, :tiers, :regions, :cap, :fallback, :members, :mcap, :now)
        ON CONFLICT (name) DO UPDATE SET lead = EXCLUDED.lead, tiers = EXCLUDED.tiers, regions = EXCLUDED.regions,
          daily_capacity = EXCLUDED.daily_capacity, fallback = EXCLUDED.fallback, members = EXCLUDED.members,
          member_capacity = EXCLUDED.member_capacity, updated_at = EXCLUDED.updated_at""")
        .param("n", t.name()).param("lead", t.lead()).param("tiers", t.tiers().toArray(String[]::new))
        .param("regions", t.regions().toArray(String[]::new)).param("cap", t.dailyCapacity())
        .param("fallback", t.fallback()).param("members", t.members().toArray(String[]::new))
        .param("mcap", t.memberCapacity()).param("now", ts(now)).update();
  }

  public void deleteTeamsExcept(List<String> keep) {
    named.update("DELETE FROM followup_team WHERE NOT (name = ANY(:keep))",
        new MapSqlParameterSource("keep", keep.toArray(String[]::new)));
  }

  @Override
  public List<TeamView> teams() {
    return jdbc.sql("SELECT * FROM followup_team ORDER BY fallback DESC, name").query(JdbcCases::team).list();
  }

  private static TeamView team(ResultSet rs, int i) throws SQLException {
    return new TeamView(rs.getString("name"), rs.getString("lead"), strings(rs.getArray("tiers")),
        strings(rs.getArray("regions")), strings(rs.getArray("members")), (Integer) rs.getObject("daily_capacity"),
        (Integer) rs.getObject("member_capacity"), rs.getBoolean("fallback"));
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }

  // ---- queries -----------------------------------------------------------------------------------

  private static CaseView view(ResultSet rs, int i) throws SQLException {
    List<PriorityFactorView> factors = JSON.readValue(rs.getString("priority_factors"),
        new TypeReference<List<PriorityFactorView>>() {});
    return new CaseView(rs.getObject("id", UUID.class), rs.getObject("response_id", UUID.class), rs.getInt("revision"),
        rs.getObject("contact_id", UUID.class), rs.getObject("account_id", UUID.class), rs.getInt("score"),
        rs.getString("category"), rs.getObject("rule_id", UUID.class), rs.getString("rule_name"),
        rs.getString("channel"), rs.getString("play"), rs.getInt("priority"), factors, rs.getString("owner"),
        rs.getString("team"), rs.getBoolean("queued"), rs.getString("status"), rs.getString("outcome"),
        rs.getInt("escalation_level"), rs.getString("escalated_to"), rs.getBoolean("reminded"), rs.getInt("cycle"),
        rs.getLong("sla_seconds"), rs.getString("calendar"), instant(rs.getTimestamp("received_at")),
        instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("due_at")),
        instant(rs.getTimestamp("first_contact_at")), instant(rs.getTimestamp("closed_at")), rs.getString("summary"),
        rs.getString("root_cause"), rs.getString("action_taken"), rs.getString("commitment"),
        date(rs.getDate("commitment_due")), instant(rs.getTimestamp("resurvey_due_at")),
        (Integer) rs.getObject("recovered_score"),
        instant(rs.getTimestamp("recovered_at")), rs.getInt("version"), rs.getString("severity"), rs.getString("next_step"));
  }

  @Override
  public Optional<CaseView> find(UUID id) {
    return jdbc.sql("SELECT * FROM followup_case WHERE id = :id").param("id", id).query(JdbcCases::view).optional();
  }

  @Override
  public Optional<CaseView> findByResponse(UUID responseId) {
    return jdbc.sql("SELECT * FROM followup_case WHERE response_id = :id").param("id", responseId)
        .query(JdbcCases::view).optional();
  }

  @Override
  public List<Entry> timeline(UUID caseId) {
    return jdbc.sql("SELECT id, type, actor, at, detail::text AS detail FROM followup_case_event WHERE case_id = :c ORDER BY id")
        .param("c", caseId)
        .query((rs, i) -> new Entry(rs.getLong("id"), rs.getString("type"), rs.getString("actor"),
            instant(rs.getTimestamp("at")), JSON.readValue(rs.getString("detail"), new TypeReference<Map<String, Object>>() {})))
        .list();
  }

  @Override
  public List<CaseView> history(UUID contactId, UUID accountId, int limit) {
    if (contactId == null && accountId == null) return List.of();
    return jdbc.sql("""
        SELECT * FROM followup_case WHERE contact_id = :c OR account_id = :a ORDER BY opened_at DESC LIMIT :n""")
        .param("c", contactId).param("a", accountId).param("n", limit).query(JdbcCases::view).list();
  }

  private static final String OPEN = "c.status <> 'closed'";

  private String where(CaseFilter f, Instant now, MapSqlParameterSource p) {
    List<String> w = new ArrayList<>();
    p.addValue("now", ts(now));
    p.addValue("me", f.me().stream().map(s -> s.toLowerCase(Locale.ROOT)).toArray(String[]::new));
    switch (f.view()) {
      case MINE -> { w.add("lower(c.owner) = ANY(:me)"); w.add(OPEN); }
      case TEAM -> {
        w.add("""
            c.team IN (SELECT name FROM followup_team t WHERE lower(t.lead) = ANY(:me)
              OR EXISTS (SELECT 1 FROM unnest(t.members) m WHERE lower(m) = ANY(:me)))""");
        w.add(OPEN);
      }
      case UNASSIGNED -> { w.add("c.owner IS NULL"); w.add(OPEN); }
      case OVERDUE -> { w.add("c.status = 'open'"); w.add("c.due_at < :now"); }
      case ESCALATED -> { w.add("c.escalation_level > 0"); w.add(OPEN); }
      case CLOSED -> w.add("c.status = 'closed'");
      case ALL -> { }
    }
    if (f.status() != null) {
      if (f.status().equals("open")) w.add(OPEN);
      else { w.add("c.status = :status"); p.addValue("status", f.status()); }
    }
    if (f.owner() != null) { w.add("lower(c.owner) = lower(:owner)"); p.addValue("owner", f.owner()); }
    if (f.team() != null) { w.add("c.team = :team"); p.addValue("team", f.team()); }
    if (f.channel() != null) { w.add("c.channel = :channel"); p.addValue("channel", f.channel()); }
    if (f.category() != null) { w.add("c.category = :category"); p.addValue("category", f.category()); }
    if (f.responseId() != null) { w.add("c.response_id = :response"); p.addValue("response", f.responseId()); }
    if (f.contactId() != null) { w.add("c.contact_id = :contact"); p.addValue("contact", f.contactId()); }
    if (f.accountId() != null) { w.add("c.account_id = :account"); p.addValue("account", f.accountId()); }
    return w.isEmpty() ? "" : " WHERE " + String.join(" AND ", w);
  }

  private static String order(String sort) {
    return switch (sort == null ? "priority" : sort) {
      case "due" -> " ORDER BY c.due_at, c.priority DESC, c.id";
      case "opened" -> " ORDER BY c.opened_at DESC, c.id";
      default -> " ORDER BY c.priority DESC, c.due_at, c.id";
    };
  }

  @Override
  public Page<CaseView> list(CaseFilter filter, int page, int size) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    String where = where(filter, clock.instant(), p);
    Long total = named.queryForObject("SELECT count(*) FROM followup_case c" + where, p, Long.class);
    p.addValue("limit", size).addValue("offset", (long) page * size);
    List<CaseView> items = named.query("SELECT c.* FROM followup_case c" + where + order(filter.sort())
        + " LIMIT :limit OFFSET :offset", p, JdbcCases::view);
    return new Page<>(items, total == null ? 0 : total, page, size);
  }

  @Override
  public InboxCounts counts(List<String> me, Instant now) {
    MapSqlParameterSource p = new MapSqlParameterSource("now", ts(now))
        .addValue("me", me.stream().map(s -> s.toLowerCase(Locale.ROOT)).toArray(String[]::new));
    return named.queryForObject("""
        SELECT count(*) FILTER (WHERE lower(c.owner) = ANY(:me)) AS mine,
               count(*) FILTER (WHERE c.team IN (SELECT name FROM followup_team t WHERE lower(t.lead) = ANY(:me)
                   OR EXISTS (SELECT 1 FROM unnest(t.members) m WHERE lower(m) = ANY(:me)))) AS team,
               count(*) FILTER (WHERE c.owner IS NULL) AS unassigned,
               count(*) FILTER (WHERE c.status = 'open' AND c.due_at < :now) AS overdue,
               count(*) FILTER (WHERE c.escalation_level > 0) AS escalated,
               count(*) AS open
        FROM followup_case c WHERE c.status <> 'closed'""", p,
        (rs, i) -> new InboxCounts(rs.getLong("mine"), rs.getLong("team"), rs.getLong("unassigned"),
            rs.getLong("overdue"), rs.getLong("escalated"), rs.getLong("open")));
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static LocalDate date(java.sql.Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
