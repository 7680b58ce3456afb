package dev.followthrough.surveys.jdbc;

import dev.followthrough.surveys.Program;
import dev.followthrough.surveys.Program.Audience;
import dev.followthrough.surveys.Program.Reminder;
import dev.followthrough.surveys.ProgramStats;
import dev.followthrough.surveys.SurveySend;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import dev.followthrough.platform.SealedColumn;
import dev.followthrough.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Programs, sends, waves and what the survey pages saw. */
@Repository
public class JdbcSurveys {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A send to plan. */
  public record NewSend(UUID id, UUID contactId, UUID accountId, String occasion, Instant sendAt, String channel,
                        String touchpoint) {}

  private final JdbcClient jdbc;
  private final SecretBox box; // the widget's secrets are sealed at rest

  JdbcSurveys(JdbcClient jdbc, SecretBox box) {
    this.jdbc = jdbc;
    this.box = box;
  }

  @org.springframework.context.annotation.Bean
  static SealedColumn sealedWidgetSecret() {
    return new SealedColumn("surveys_widget_secret", "id", "secret");
  }

  @org.springframework.context.annotation.Bean
  static SealedColumn sealedPreviousWidgetSecret() {
    return new SealedColumn("surveys_widget_secret", "id", "previous");
  }

  // ---------------------------------------------------------------- programs

  public void saveProgram(Program p, Instant now) {
    jdbc.sql("""
        INSERT INTO surveys_program (id, name, kind, channel, active, cadence_months, cohorts, starts_on, audience_tier,
               audience_attr, audience_value, event_type, delay_minutes, cooldown_days, account_budget, reminders,
               fallback_days, allow_anonymous, template, touchpoint, created_at, updated_at)
        VALUES (:id, :name, :kind, :channel, :active, :cadence, :cohorts, :starts, :tier, :attr, :value, :event, :delay,
               :cooldown, :budget, CAST(:reminders AS jsonb), :fallback, :anon, :template, :touchpoint, :now, :now)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, channel = excluded.channel,
               active = excluded.active, cadence_months = excluded.cadence_months, cohorts = excluded.cohorts,
               starts_on = excluded.starts_on, audience_tier = excluded.audience_tier,
               audience_attr = excluded.audience_attr, audience_value = excluded.audience_value,
               event_type = excluded.event_type, delay_minutes = excluded.delay_minutes,
               cooldown_days = excluded.cooldown_days, account_budget = excluded.account_budget,
               reminders = excluded.reminders, fallback_days = excluded.fallback_days,
               allow_anonymous = excluded.allow_anonymous, template = excluded.template,
               touchpoint = excluded.touchpoint, updated_at = excluded.updated_at""")
        .param("id", p.id()).param("name", p.name().strip()).param("kind", p.kind().key()).param("channel", p.channel().key())
        .param("active", p.active()).param("cadence", p.cadenceMonths()).param("cohorts", p.cohorts())
        .param("starts", p.startsOn() == null ? null : java.sql.Date.valueOf(p.startsOn()))
        .param("tier", p.audience().tier()).param("attr", p.audience().attribute()).param("value", p.audience().value())
        .param("event", p.eventType()).param("delay", p.delayMinutes()).param("cooldown", p.cooldownDays())
        .param("budget", p.accountBudget()).param("reminders", JSON.writeValueAsString(p.reminders()))
        .param("fallback", p.fallbackDays()).param("anon", p.allowAnonymous()).param("template", p.template())
        .param("touchpoint", p.touchpoint()).param("now", ts(now)).update();
  }

  public boolean nameTaken(String name, UUID except) {
    return jdbc.sql("SELECT count(*) FROM surveys_program WHERE lower(name) = lower(:n) AND id <> :id")
        .param("n", name.strip()).param("id", except).query(Long.class).single() > 0;
  }

  public Optional<Program> program(UUID id) {
    return jdbc.sql("SELECT * FROM surveys_program WHERE id = :id").param("id", id).query(JdbcSurveys::program).optional();
  }

  public List<Program> programs() {
    return jdbc.sql("SELECT * FROM surveys_program ORDER BY lower(name)").query(JdbcSurveys::program).list();
  }

  public List<Program> activeTransactional(String eventType) {
    return jdbc.sql("SELECT * FROM surveys_program WHERE active AND kind = 'transactional' AND event_type = :t ORDER BY id")
        .param("t", eventType).query(JdbcSurveys::program).list();
  }

  public List<Program> activeRelational() {
    return jdbc.sql("SELECT * FROM surveys_program WHERE active AND kind = 'relational' ORDER BY id")
        .query(JdbcSurveys::program).list();
  }

  private static Program program(ResultSet rs, int i) throws SQLException {
    java.sql.Date starts = rs.getDate("starts_on");
    List<Reminder> reminders = JSON.readValue(rs.getString("reminders"), new TypeReference<List<Reminder>>() {});
    return new Program(rs.getObject("id", UUID.class), rs.getString("name"),
        Program.Kind.parse(rs.getString("kind")).orElseThrow(), Program.Channel.parse(rs.getString("channel")).orElseThrow(),
        rs.getBoolean("active"), (Integer) rs.getObject("cadence_months"), rs.getInt("cohorts"),
        starts == null ? null : starts.toLocalDate(),
        new Audience(rs.getString("audience_tier"), rs.getString("audience_attr"), rs.getString("audience_value")),
        rs.getString("event_type"), rs.getInt("delay_minutes"), (Integer) rs.getObject("cooldown_days"),
        (Integer) rs.getObject("account_budget"), reminders, (Integer) rs.getObject("fallback_days"),
        rs.getBoolean("allow_anonymous"), rs.getString("template"), rs.getString("touchpoint"));
  }

  // ---------------------------------------------------------------- waves and sends

  /** Claims the planning of one wave; false when it was planned before (by this node or another). */
  public boolean claimWave(UUID programId, int period, Instant now) {
    return jdbc.sql("""
        INSERT INTO surveys_wave (program_id, period, planned_at, sends) VALUES (:p, :period, :now, 0)
        ON CONFLICT DO NOTHING""")
        .param("p", programId).param("period", period).param("now", ts(now)).update() == 1;
  }

  public void waveSize(UUID programId, int period, int sends) {
    jdbc.sql("UPDATE surveys_wave SET sends = :n WHERE program_id = :p AND period = :period")
        .param("n", sends).param("p", programId).param("period", period).update();
  }

  /** Inserts sends in one statement; one already planned for (program, contact, occasion) stays as it was. */
  public int insertSends(UUID programId, List<NewSend> sends, Instant now) {
    int n = sends.size();
    if (n == 0) return 0;
    String[] ids = new String[n], contacts = new String[n], accounts = new String[n], occasions = new String[n],
        at = new String[n], channels = new String[n], touchpoints = new String[n];
    for (int i = 0; i < n; i++) {
      NewSend s = sends.get(i);
      ids[i] = s.id().toString();
      contacts[i] = s.contactId().toString();
      accounts[i] = s.accountId() == null ? null : s.accountId().toString();
      occasions[i] = s.occasion();
      at[i] = s.sendAt().toString();
      channels[i] = s.channel();
      touchpoints[i] = s.touchpoint();
    }
    return jdbc.sql("""
        INSERT INTO surveys_send (id, program_id, contact_id, account_id, occasion, send_at, status, channel, touchpoint,
               created_at, updated_at)
        SELECT CAST(t.id AS uuid), :p, CAST(t.contact AS uuid), CAST(t.account AS uuid), t.occasion,
               CAST(t.at AS timestamptz), 'planned', t.channel, t.touchpoint, :now, :now
        FROM unnest(CAST(:ids AS text[]), CAST(:contacts AS text[]), CAST(:accounts AS text[]), CAST(:occasions AS text[]),
                    CAST(:at AS text[]), CAST(:channels AS text[]), CAST(:touchpoints AS text[]))
             AS t(id, contact, account, occasion, at, channel, touchpoint)
        ON CONFLICT (program_id, contact_id, occasion) DO NOTHING""")
        .param("p", programId).param("ids", ids).param("contacts", contacts).param("accounts", accounts)
        .param("occasions", occasions).param("at", at).param("channels", channels).param("touchpoints", touchpoints)
        .param("now", ts(now)).update();
  }

  /** Planned sends that are due, locked for this transaction; another node's transaction skips them. */
  public List<SurveySend> lockDue(Instant now, int limit) {
    return jdbc.sql("""
        SELECT * FROM surveys_send WHERE status = 'planned' AND send_at <= :now
        ORDER BY send_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
        .param("now", ts(now)).param("limit", limit).query(JdbcSurveys::send).list();
  }

  /** Marks many planned sends sent in one statement. */
  public void markSentAll(List<UUID> ids, Instant now) {
    if (ids.isEmpty()) return;
    jdbc.sql("""
        UPDATE surveys_send SET status = 'sent', sent_at = :now, updated_at = :now
        WHERE id = ANY(CAST(:ids AS uuid[])) AND status = 'planned'""")
        .param("now", ts(now)).param("ids", ids.stream().map(UUID::toString).toArray(String[]::new)).update();
  }

  public void markSkipped(UUID id, String reason, Instant now) {
    jdbc.sql("UPDATE surveys_send SET status = 'skipped', reason = :r, updated_at = :now WHERE id = :id AND status = 'planned'")
        .param("r", reason).param("now", ts(now)).param("id", id).update();
  }

  /** When each of these contacts was last sent a survey, by any program (contacts never surveyed are absent). */
  public Map<UUID, Instant> lastSurveyed(List<UUID> contactIds) {
    Map<UUID, Instant> out = new java.util.HashMap<>();
    if (contactIds.isEmpty()) return out;
    jdbc.sql("""
        SELECT contact_id, max(sent_at) FROM surveys_send
        WHERE contact_id = ANY(CAST(:ids AS uuid[])) AND sent_at IS NOT NULL GROUP BY contact_id""")
        .param("ids", contactIds.stream().map(UUID::toString).toArray(String[]::new))
        .query((ResultSet rs) -> { out.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()); });
    return out;
  }

  /** Contacts of each account surveyed since {@code from}. */
  public Map<UUID, Integer> accountSentSince(List<UUID> accountIds, Instant from) {
    Map<UUID, Integer> out = new java.util.HashMap<>();
    if (accountIds.isEmpty()) return out;
    jdbc.sql("""
        SELECT account_id, count(DISTINCT contact_id) FROM surveys_send
        WHERE account_id = ANY(CAST(:ids AS uuid[])) AND sent_at >= :from GROUP BY account_id""")
        .param("ids", accountIds.stream().map(UUID::toString).toArray(String[]::new)).param("from", ts(from))
        .query((ResultSet rs) -> { out.put(rs.getObject(1, UUID.class), rs.getInt(2)); });
    return out;
  }

  public Optional<SurveySend> send(UUID id) {
    return jdbc.sql("SELECT * FROM surveys_send WHERE id = :id").param("id", id).query(JdbcSurveys::send).optional();
  }

  /** The outstanding in-app survey of a contact: sent on the in_app channel and not answered yet. */
  public Optional<SurveySend> openInApp(UUID contactId) {
    return jdbc.sql("""
        SELECT * FROM surveys_send WHERE contact_id = :c AND channel = 'in_app' AND status = 'sent'
        ORDER BY sent_at DESC LIMIT 1""").param("c", contactId).query(JdbcSurveys::send).optional();
  }

  public void answered(UUID sendId, Integer score, UUID responseId, Instant now) {
    jdbc.sql("""
        UPDATE surveys_send SET status = 'responded', responded_at = coalesce(responded_at, :now), score = :score,
               response_id = :r, updated_at = :now WHERE id = :id""")
        .param("now", ts(now)).param("score", score).param("r", responseId).param("id", sendId).update();
  }

  /** Sent, unanswered sends whose next reminder (email programs) or email fallback (in-app programs) is due. */
  public List<SurveySend> dueFollowUps(Instant now, int limit) {
    return jdbc.sql("""
        SELECT s.* FROM surveys_send s JOIN surveys_program p ON p.id = s.program_id
        WHERE s.status = 'sent' AND p.active AND (
              (p.channel = 'email' AND jsonb_array_length(p.reminders) > s.reminders_sent
               AND s.sent_at + make_interval(days => CAST(p.reminders -> s.reminders_sent ->> 'afterDays' AS int)) <= :now)
           OR (p.channel = 'in_app' AND p.fallback_days IS NOT NULL AND NOT s.fallback_sent
               AND s.sent_at + make_interval(days => p.fallback_days) <= :now))
        ORDER BY s.sent_at LIMIT :limit""")
        .param("now", ts(now)).param("limit", limit).query(JdbcSurveys::send).list();
  }

  public boolean markReminded(UUID id, int reminder) {
    return jdbc.sql("UPDATE surveys_send SET reminders_sent = :n, updated_at = now() WHERE id = :id AND reminders_sent = :n - 1")
        .param("n", reminder).param("id", id).update() == 1;
  }

  public boolean markFallback(UUID id) {
    return jdbc.sql("UPDATE surveys_send SET fallback_sent = true, updated_at = now() WHERE id = :id AND NOT fallback_sent")
        .param("id", id).update() == 1;
  }

  public List<SurveySend> contactSends(UUID contactId) {
    return jdbc.sql("SELECT * FROM surveys_send WHERE contact_id = :c ORDER BY send_at DESC LIMIT 100")
        .param("c", contactId).query(JdbcSurveys::send).list();
  }

  public List<SurveySend> programSends(UUID programId, String status, int limit) {
    return jdbc.sql("""
        SELECT * FROM surveys_send WHERE program_id = :p AND (CAST(:s AS text) IS NULL OR status = :s)
        ORDER BY updated_at DESC LIMIT :limit""")
        .param("p", programId).param("s", status).param("limit", limit).query(JdbcSurveys::send).list();
  }

  public ProgramStats stats(UUID programId) {
    var row = jdbc.sql("""
        SELECT count(*) FILTER (WHERE status = 'planned'), count(*) FILTER (WHERE status IN ('sent', 'responded')),
               count(*) FILTER (WHERE status = 'skipped'), count(*) FILTER (WHERE status = 'responded'),
               count(*) FILTER (WHERE score >= 9), count(*) FILTER (WHERE score BETWEEN 7 AND 8),
               count(*) FILTER (WHERE score <= 6)
        FROM surveys_send WHERE program_id = :p""").param("p", programId)
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getLong(7)}).single();
    Map<String, Long> reasons = new java.util.LinkedHashMap<>();
    jdbc.sql("""
        SELECT regexp_replace(reason, ':.*$', '') AS r, count(*) FROM surveys_send WHERE program_id = :p AND status = 'skipped'
        GROUP BY 1 ORDER BY 2 DESC""").param("p", programId)
        .query((ResultSet rs) -> { reasons.put(rs.getString(1), rs.getLong(2)); });
    return new ProgramStats(programId, row[0], row[1], row[2], row[3], row[4], row[5], row[6], reasons);
  }

  private static SurveySend send(ResultSet rs, int i) throws SQLException {
    return new SurveySend(rs.getObject("id", UUID.class), rs.getObject("program_id", UUID.class),
        rs.getObject("contact_id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("occasion"),
        instant(rs, "send_at"), rs.getString("status"), rs.getString("reason"), rs.getString("channel"),
        instant(rs, "sent_at"), rs.getInt("reminders_sent"), rs.getBoolean("fallback_sent"),
        instant(rs, "responded_at"), (Integer) (rs.getObject("score") == null ? null : rs.getInt("score")),
        rs.getObject("response_id", UUID.class), rs.getString("touchpoint"));
  }

  // ---------------------------------------------------------------- events

  /** Records an event once; false when its id was seen before. */
  public boolean claimEvent(String id, String type, UUID contactId, Instant now) {
    return jdbc.sql("""
        INSERT INTO surveys_event (id, type, contact_id, received_at, sends) VALUES (:id, :t, :c, :now, 0)
        ON CONFLICT DO NOTHING""")
        .param("id", id).param("t", type).param("c", contactId).param("now", ts(now)).update() == 1;
  }

  public void eventSends(String id, int sends) {
    jdbc.sql("UPDATE surveys_event SET sends = :n WHERE id = :id").param("n", sends).param("id", id).update();
  }

  public List<SurveySend> eventSendsOf(String eventId) {
    return jdbc.sql("SELECT * FROM surveys_send WHERE occasion = :o ORDER BY program_id")
        .param("o", "e:" + eventId).query(JdbcSurveys::send).list();
  }

  // ---------------------------------------------------------------- page hits

  public void linkHit(String tokenHash, int score, Instant at) {
    jdbc.sql("INSERT INTO surveys_link_hit (token_hash, score, at) VALUES (:t, :s, :at)")
        .param("t", tokenHash).param("s", score).param("at", ts(at)).update();
  }

  public List<dev.followthrough.surveys.domain.BotPattern.Hit> linkHits(String tokenHash, Instant since) {
    return jdbc.sql("SELECT score, at FROM surveys_link_hit WHERE token_hash = :t AND at >= :since ORDER BY at")
        .param("t", tokenHash).param("since", ts(since))
        .query((rs, i) -> new dev.followthrough.surveys.domain.BotPattern.Hit(rs.getInt(1), rs.getTimestamp(2).toInstant()))
        .list();
  }

  public void botHit(String tokenHash, UUID sendId, String method, Integer score, String userAgent, String reason, Instant at) {
    jdbc.sql("""
        INSERT INTO surveys_bot_hit (token_hash, send_id, method, score, user_agent, reason, at)
        VALUES (:t, :send, :m, :s, :ua, :r, :at)""")
        .param("t", tokenHash).param("send", sendId).param("m", method).param("s", score)
        .param("ua", userAgent == null ? null : userAgent.length() > 300 ? userAgent.substring(0, 300) : userAgent)
        .param("r", reason).param("at", ts(at)).update();
  }

  public long botHits(UUID programId) {
    return jdbc.sql("SELECT count(*) FROM surveys_bot_hit b JOIN surveys_send s ON s.id = b.send_id WHERE s.program_id = :p")
        .param("p", programId).query(Long.class).single();
  }

  // ---------------------------------------------------------------- widget

  public record WidgetSecret(String secret, String previous, Instant rotatedAt) {}

  public Optional<WidgetSecret> widgetSecret() {
    return jdbc.sql("SELECT secret, previous, rotated_at FROM surveys_widget_secret WHERE id = 1")
        .query((rs, i) -> new WidgetSecret(box.open(rs.getString(1)), box.open(rs.getString(2)), rs.getTimestamp(3).toInstant())).optional();
  }

  public void createWidgetSecret(String secret, Instant now) {
    jdbc.sql("INSERT INTO surveys_widget_secret (id, secret, rotated_at) VALUES (1, :s, :now) ON CONFLICT DO NOTHING")
        .param("s", box.seal(secret)).param("now", ts(now)).update();
  }

  public void rotateWidgetSecret(String secret, Instant now) {
    jdbc.sql("UPDATE surveys_widget_secret SET previous = secret, secret = :s, rotated_at = :now WHERE id = 1")
        .param("s", box.seal(secret)).param("now", ts(now)).update();
  }

  /** Uses a widget signature up; false when it was used before (a replay). */
  public boolean useSignature(String signature, Instant now) {
    return jdbc.sql("INSERT INTO surveys_widget_nonce (signature, used_at) VALUES (:s, :now) ON CONFLICT DO NOTHING")
        .param("s", signature.toLowerCase(java.util.Locale.ROOT)).param("now", ts(now)).update() == 1;
  }

  // ---------------------------------------------------------------- helpers

  public void lockSending() {
    // one sender at a time across nodes: fatigue and account budgets are counted without races
    jdbc.sql("SELECT pg_advisory_xact_lock(4242010401)").query((ResultSet rs) -> { });
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

}
