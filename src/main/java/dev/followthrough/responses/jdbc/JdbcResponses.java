package dev.followthrough.responses.jdbc;

import dev.followthrough.nps.Category;
import dev.followthrough.platform.LanguageDetection;
import dev.followthrough.responses.domain.AccountData;
import dev.followthrough.responses.domain.ContactData;
import dev.followthrough.responses.domain.Intake;
import dev.followthrough.responses.domain.ResponseCommand;
import dev.followthrough.responses.domain.ResponseId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Storage of accounts, contacts and responses. Upserts are single statements (data-modifying CTEs)
 * so one response costs three round trips; batches use unnest() so a thousand cost a handful.
 * Callers run these inside a transaction.
 */
@Repository
public class JdbcResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final LanguageDetection languages;

  public JdbcResponses(JdbcClient jdbc, JdbcTemplate template, LanguageDetection languages) {
    this.jdbc = jdbc;
    this.template = template;
    this.languages = languages;
  }

  /**
   * The comment's language, detected as it is stored; the declared language (the survey's, else the
   * contact's attribute) is the prior for a short comment. Null without a comment.
   */
  private String commentLanguage(String comment, String declared, ResponseCommand c) {
    if (comment == null || comment.isBlank()) return null;
    String prior = declared;
    if ((prior == null || prior.isBlank()) && c.contact() != null
        && c.contact().attributes().get("language") instanceof String s) prior = s;
    return languages.detect(comment, prior);
  }

  // ---------------------------------------------------------------- accounts

  /** An account that already holds every given value: read without locking or writing it. */
  private static final String UNCHANGED_ACCOUNT = """
      SELECT id FROM responses_account
      WHERE external_id = :ext
        AND (CAST(:name AS text) IS NULL OR name = :name) AND (CAST(:tier AS text) IS NULL OR tier = :tier)
        AND (CAST(:arr AS numeric) IS NULL OR arr = :arr) AND (CAST(:renewal AS date) IS NULL OR renewal_date = :renewal)
        AND (CAST(:owner AS text) IS NULL OR owner = :owner) AND attributes @> CAST(:attrs AS jsonb)""";

  public UUID upsertAccount(AccountData a, boolean demo, Instant now) {
    // Most deliveries repeat a known account unchanged; an upsert would still lock and WAL-log its row.
    Optional<UUID> known = jdbc.sql(UNCHANGED_ACCOUNT)
        .param("ext", a.externalId()).param("name", a.name()).param("tier", a.tier()).param("arr", a.arr())
        .param("renewal", a.renewalDate() == null ? null : java.sql.Date.valueOf(a.renewalDate()))
        .param("owner", a.owner()).param("attrs", json(a.attributes()))
        .query(UUID.class).optional();
    if (known.isPresent()) return known.get();
    return upsertAccounts(List.of(a), demo, now).get(a.externalId());
  }

  // ---------------------------------------------------------------- contacts

  private static final String UNCHANGED_CONTACT = """
      SELECT id FROM responses_contact
      WHERE external_id = :ext
        AND (CAST(:email AS text) IS NULL OR email = :email) AND (CAST(:name AS text) IS NULL OR name = :name)
        AND (CAST(:role AS text) IS NULL OR role = :role) AND (CAST(:account AS uuid) IS NULL OR account_id = :account)
        AND attributes @> CAST(:attrs AS jsonb)""";

  public UUID upsertContact(ContactData c, UUID accountId, boolean demo, Instant now) {
    boolean byExternalId = c.externalId() != null && !c.externalId().isBlank();
    if (byExternalId) {
      Optional<UUID> known = jdbc.sql(UNCHANGED_CONTACT)
          .param("ext", c.externalId()).param("email", c.email()).param("name", c.name()).param("role", c.role())
          .param("account", accountId).param("attrs", json(c.attributes()))
          .query(UUID.class).optional();
      if (known.isPresent()) return known.get();
    }
    return upsertContacts(List.of(new ContactRow(c, accountId)), demo, now).get(contactKey(c));
  }

  // ---------------------------------------------------------------- responses

  private static final String INSERT_RESPONSE = """
      INSERT INTO responses_response (id, source, source_id, contact_id, account_id, score, comment, responded_at,
        received_at, updated_at, program, kind, touchpoint, language, comment_language, attributes)
      VALUES (:id, :source, :sourceId, :contact, :account, :score, :comment, :respondedAt, :now, :now,
        :program, :kind, :touchpoint, :language, :commentLanguage, CAST(:attrs AS jsonb))
      ON CONFLICT (source, source_id) DO NOTHING
      RETURNING id""";

  public record Stored(UUID id, UUID contactId, UUID accountId, int score, String comment, Instant respondedAt,
                String program, String kind, String touchpoint, String language, Map<String, Object> attributes,
                int revision) {}

  /** Inserts, or merges a re-delivery into the stored response. {@code respondedAt} is already resolved. */
  public Intake store(ResponseCommand c, String sourceId, UUID contactId, UUID accountId, Instant respondedAt, Instant now) {
    Optional<UUID> inserted = jdbc.sql(INSERT_RESPONSE)
        .param("id", ResponseId.timeOrdered(now)).param("source", c.source()).param("sourceId", sourceId)
        .param("contact", contactId).param("account", accountId).param("score", c.score().value())
        .param("comment", c.comment()).param("respondedAt", ts(respondedAt)).param("now", ts(now))
        .param("program", c.program()).param("kind", c.kind() == null ? null : c.kind().key())
        .param("touchpoint", c.touchpoint()).param("language", c.language())
        .param("commentLanguage", commentLanguage(c.comment(), c.language(), c)).param("attrs", json(c.attributes()))
        .query(UUID.class).optional();
    if (inserted.isPresent()) return new Intake.Recorded(inserted.get(), c.score().category());
    return merge(c, sourceId, contactId, accountId, now);
  }

  private Intake merge(ResponseCommand c, String sourceId, UUID contactId, UUID accountId, Instant now) {
    Stored old = jdbc.sql("""
        SELECT id, contact_id, account_id, score, comment, responded_at, program, kind, touchpoint, language,
               attributes::text AS attributes, revision
        FROM responses_response WHERE source = :source AND source_id = :sourceId FOR UPDATE""")
        .param("source", c.source()).param("sourceId", sourceId)
        .query(JdbcResponses::stored).single();
    return merge(c, old, contactId, accountId, now);
  }

  /**
   * The stored rows for many (source, source id) keys in one query, locked for update; keyed by
   * {@code source + '\u001f' + sourceId}. Lets a re-delivered batch be compared in memory.
   */
  public Map<String, Stored> findForUpdate(List<String> sources, List<String> sourceIds) {
    if (sources.isEmpty()) return Map.of();
    return template.execute((ConnectionCallback<Map<String, Stored>>) con -> {
      try (PreparedStatement ps = con.prepareStatement("""
          SELECT r.source, r.source_id, r.id, r.contact_id, r.account_id, r.score, r.comment, r.responded_at, r.program,
                 r.kind, r.touchpoint, r.language, r.attributes::text AS attributes, r.revision
          FROM responses_response r
          JOIN unnest(?::text[], ?::text[]) AS k(source, source_id) ON k.source = r.source AND k.source_id = r.source_id
          ORDER BY r.id
          FOR UPDATE OF r""")) {
        ps.setArray(1, con.createArrayOf("text", sources.toArray()));
        ps.setArray(2, con.createArrayOf("text", sourceIds.toArray()));
        Map<String, Stored> out = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          int row = 0;
          while (rs.next()) out.put(rs.getString("source") + "\u001f" + rs.getString("source_id"), stored(rs, row++));
        }
        return out;
      }
    });
  }

  /** Merges a re-delivery into an already locked stored row. */
  public Intake merge(ResponseCommand c, Stored old, UUID contactId, UUID accountId, Instant now) {
    // A re-delivery may omit what an earlier one carried: absent means "unchanged", never "erase".
    Map<String, Object> attrs = new LinkedHashMap<>(old.attributes());
    attrs.putAll(c.attributes());
    Stored merged = new Stored(old.id(), contactId != null ? contactId : old.contactId(),
        accountId != null ? accountId : old.accountId(), c.score().value(),
        c.comment() != null ? c.comment() : old.comment(),
        c.respondedAt() != null ? c.respondedAt() : old.respondedAt(),
        c.program() != null ? c.program() : old.program(),
        c.kind() != null ? c.kind().key() : old.kind(),
        c.touchpoint() != null ? c.touchpoint() : old.touchpoint(),
        c.language() != null ? c.language() : old.language(), attrs, old.revision());
    if (sameContent(old, merged)) return new Intake.Duplicate(old.id(), Category.of(old.score()));
    jdbc.sql("""
        INSERT INTO responses_response_history (response_id, revision, score, comment, program, kind, touchpoint,
          language, attributes, responded_at, replaced_at)
        VALUES (:id, :revision, :score, :comment, :program, :kind, :touchpoint, :language, CAST(:attrs AS jsonb),
          :respondedAt, :now)""")
        .param("id", old.id()).param("revision", old.revision()).param("score", old.score())
        .param("comment", old.comment()).param("program", old.program()).param("kind", old.kind())
        .param("touchpoint", old.touchpoint()).param("language", old.language())
        .param("attrs", json(old.attributes())).param("respondedAt", ts(old.respondedAt())).param("now", ts(now))
        .update();
    int revision = old.revision() + 1;
    jdbc.sql("""
        UPDATE responses_response SET contact_id = :contact, account_id = :account, score = :score,
          comment = :comment, responded_at = :respondedAt, program = :program, kind = :kind,
          touchpoint = :touchpoint, language = :language, attributes = CAST(:attrs AS jsonb),
          comment_language = :commentLanguage, revision = :revision, updated_at = :now
        WHERE id = :id""")
        .param("contact", merged.contactId()).param("account", merged.accountId()).param("score", merged.score())
        .param("comment", merged.comment()).param("respondedAt", ts(merged.respondedAt()))
        .param("program", merged.program()).param("kind", merged.kind()).param("touchpoint", merged.touchpoint())
        .param("language", merged.language()).param("attrs", json(merged.attributes()))
        .param("commentLanguage", commentLanguage(merged.comment(), merged.language(), c))
        .param("revision", revision).param("now", ts(now)).param("id", old.id())
        .update();
    return new Intake.Updated(old.id(), Category.of(merged.score()), revision);
  }

  private static boolean sameContent(Stored a, Stored b) {
    return a.score() == b.score() && Objects.equals(a.comment(), b.comment())
        && Objects.equals(a.respondedAt(), b.respondedAt()) && Objects.equals(a.program(), b.program())
        && Objects.equals(a.kind(), b.kind()) && Objects.equals(a.touchpoint(), b.touchpoint())
        && Objects.equals(a.language(), b.language()) && Objects.equals(a.attributes(), b.attributes())
        && Objects.equals(a.contactId(), b.contactId()) && Objects.equals(a.accountId(), b.accountId());
  }

  private static Stored stored(ResultSet rs, int row) throws SQLException {
    return new Stored(rs.getObject("id", UUID.class), rs.getObject("contact_id", UUID.class),
        rs.getObject("account_id", UUID.class), rs.getInt("score"), rs.getString("comment"),
        rs.getTimestamp("responded_at").toInstant(), rs.getString("program"), rs.getString("kind"),
        rs.getString("touchpoint"), rs.getString("language"), map(rs.getString("attributes")), rs.getInt("revision"));
  }

  // ---------------------------------------------------------------- bulk

  /** One row of a bulk insert, its contact and account already resolved. */
  public record Row(int index, ResponseCommand command, String sourceId, UUID contactId, UUID accountId, Instant respondedAt) {}

  /**
   * Inserts many responses in one statement; answers, per row index, the new id. Rows whose
   * (source, source id) already exists are absent from the answer and must be merged one by one.
   */
  public Map<Integer, UUID> insertAll(List<Row> rows, Instant now) {
    if (rows.isEmpty()) return Map.of();
    // one lock order for concurrent batches that share keys
    List<Row> sorted = rows.stream().sorted(java.util.Comparator.comparing((Row r) -> r.command().source())
        .thenComparing(Row::sourceId)).toList();
    return template.execute((ConnectionCallback<Map<Integer, UUID>>) con -> {
      int n = sorted.size();
      String[] ids = new String[n], idx = new String[n], sources = new String[n], sourceIds = new String[n],
          contacts = new String[n], accounts = new String[n], scores = new String[n], comments = new String[n],
          responded = new String[n], programs = new String[n], kinds = new String[n], touchpoints = new String[n],
          languages = new String[n], commentLanguages = new String[n], attrs = new String[n];
      for (int i = 0; i < n; i++) {
        Row r = sorted.get(i);
        ResponseCommand c = r.command();
        ids[i] = ResponseId.timeOrdered(now).toString();
        idx[i] = Integer.toString(r.index());
        sources[i] = c.source();
        sourceIds[i] = r.sourceId();
        contacts[i] = r.contactId() == null ? null : r.contactId().toString();
        accounts[i] = r.accountId() == null ? null : r.accountId().toString();
        scores[i] = Integer.toString(c.score().value());
        comments[i] = c.comment();
        responded[i] = r.respondedAt().toString();
        programs[i] = c.program();
        kinds[i] = c.kind() == null ? null : c.kind().key();
        touchpoints[i] = c.touchpoint();
        languages[i] = c.language();
        commentLanguages[i] = commentLanguage(c.comment(), c.language(), c);
        attrs[i] = json(c.attributes());
      }
      String sql = """
          WITH input AS (
            SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::smallint[], ?::text[],
                                 ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::jsonb[])
              AS t(id, idx, source, source_id, contact_id, account_id, score, comment, responded_at, program, kind,
                   touchpoint, language, comment_language, attributes)),
          ins AS (
            INSERT INTO responses_response (id, source, source_id, contact_id, account_id, score, comment,
              responded_at, received_at, updated_at, program, kind, touchpoint, language, comment_language, attributes)
            SELECT id, source, source_id, contact_id, account_id, score, comment, responded_at, ?, ?, program, kind,
              touchpoint, language, comment_language, attributes FROM input
            ON CONFLICT (source, source_id) DO NOTHING
            RETURNING id)
          SELECT input.idx, input.id FROM input JOIN ins ON ins.id = input.id""";
      try (PreparedStatement ps = con.prepareStatement(sql)) {
        int p = 1;
        for (String[] a : new String[][] {ids, idx, sources, sourceIds, contacts, accounts, scores, comments, responded,
            programs, kinds, touchpoints, languages, commentLanguages, attrs}) {
          ps.setArray(p++, con.createArrayOf("text", a));
        }
        ps.setTimestamp(p++, ts(now));
        ps.setTimestamp(p, ts(now));
        Map<Integer, UUID> out = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.put(rs.getInt(1), rs.getObject(2, UUID.class));
        }
        return out;
      }
    });
  }

  // ---------------------------------------------------------------- bulk accounts and contacts

  /**
   * Upserts many accounts in one statement (null fields keep stored values; attributes merge); answers
   * external id → id. Input is sorted by external id so concurrent batches lock rows in one order.
   */
  public Map<String, UUID> upsertAccounts(List<AccountData> accounts, boolean demo, Instant now) {
    List<AccountData> pending = accounts.stream().sorted(java.util.Comparator.comparing(AccountData::externalId)).toList();
    Map<String, UUID> out = new HashMap<>();
    // rows a concurrent transaction committed after a statement's snapshot are missing: a new statement sees them
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt == 3) throw new IllegalStateException("accounts could not be upserted: " + pending.size() + " left");
      out.putAll(upsertAccountsOnce(pending, demo, now));
      pending = pending.stream().filter(a -> !out.containsKey(a.externalId())).toList();
    }
    return out;
  }

  private Map<String, UUID> upsertAccountsOnce(List<AccountData> sorted, boolean demo, Instant now) {
    return template.execute((ConnectionCallback<Map<String, UUID>>) con -> {
      int n = sorted.size();
      String[] ids = new String[n], ext = new String[n], name = new String[n], tier = new String[n], arr = new String[n],
          renewal = new String[n], owner = new String[n], attrs = new String[n];
      for (int i = 0; i < n; i++) {
        AccountData a = sorted.get(i);
        ids[i] = ResponseId.timeOrdered(now).toString();
        ext[i] = a.externalId();
        name[i] = a.name();
        tier[i] = a.tier();
        arr[i] = a.arr() == null ? null : a.arr().toPlainString();
        renewal[i] = a.renewalDate() == null ? null : a.renewalDate().toString();
        owner[i] = a.owner();
        attrs[i] = json(a.attributes());
      }
      String sql = """
          WITH input AS (
            SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::date[], ?::text[], ?::jsonb[])
              WITH ORDINALITY AS t(id, external_id, name, tier, arr, renewal_date, owner, attributes, ord)),
          ins AS (
            INSERT INTO responses_account AS a
              (id, external_id, name, tier, arr, renewal_date, owner, attributes, demo, created_at, updated_at)
            SELECT id, external_id, name, tier, arr, renewal_date, owner, attributes, ?, ?, ? FROM input ORDER BY ord
            ON CONFLICT (external_id) DO UPDATE SET
              name = COALESCE(EXCLUDED.name, a.name), tier = COALESCE(EXCLUDED.tier, a.tier),
              arr = COALESCE(EXCLUDED.arr, a.arr), renewal_date = COALESCE(EXCLUDED.renewal_date, a.renewal_date),
              owner = COALESCE(EXCLUDED.owner, a.owner), attributes = a.attributes || EXCLUDED.attributes,
              updated_at = EXCLUDED.updated_at
            WHERE (EXCLUDED.name IS NOT NULL AND EXCLUDED.name IS DISTINCT FROM a.name)
               OR (EXCLUDED.tier IS NOT NULL AND EXCLUDED.tier IS DISTINCT FROM a.tier)
               OR (EXCLUDED.arr IS NOT NULL AND EXCLUDED.arr IS DISTINCT FROM a.arr)
               OR (EXCLUDED.renewal_date IS NOT NULL AND EXCLUDED.renewal_date IS DISTINCT FROM a.renewal_date)
               OR (EXCLUDED.owner IS NOT NULL AND EXCLUDED.owner IS DISTINCT FROM a.owner)
               OR NOT (a.attributes @> EXCLUDED.attributes)
            RETURNING id, external_id)
          SELECT external_id, id FROM ins
          UNION ALL
          SELECT a.external_id, a.id FROM responses_account a JOIN input i ON i.external_id = a.external_id""";
      try (PreparedStatement ps = con.prepareStatement(sql)) {
        int p = 1;
        for (String[] col : new String[][] {ids, ext, name, tier, arr, renewal, owner, attrs}) {
          ps.setArray(p++, con.createArrayOf("text", col));
        }
        ps.setBoolean(p++, demo);
        ps.setTimestamp(p++, ts(now));
        ps.setTimestamp(p, ts(now));
        Map<String, UUID> found = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) found.putIfAbsent(rs.getString(1), rs.getObject(2, UUID.class));
        }
        return found;
      }
    });
  }

  /** A contact to upsert in bulk, with the account it belongs to (null: leave as stored). */
  public record ContactRow(ContactData contact, UUID accountId) {}

  /**
   * Upserts many contacts in a few statements (matched by external id, else email; a contact known only
   * by email adopts the external id it now arrives with; null fields keep stored values); answers the
   * contact's key ({@code x:<external id>} or {@code e:<lower-case email>}) → id.
   */
  public Map<String, UUID> upsertContacts(List<ContactRow> rows, boolean demo, Instant now) {
    Map<String, UUID> out = new HashMap<>();
    List<ContactRow> pending = rows.stream().sorted(java.util.Comparator.comparing(r -> contactKey(r.contact()))).toList();
    // as for accounts: what a concurrent commit hid from one statement, the next one sees
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt == 3) throw new IllegalStateException("contacts could not be upserted: " + pending.size() + " left");
      List<ContactRow> byExt = pending.stream().filter(r -> contactKey(r.contact()).startsWith("x:")).toList();
      List<ContactRow> byEmail = pending.stream().filter(r -> contactKey(r.contact()).startsWith("e:")).toList();
      if (!byExt.isEmpty()) out.putAll(upsertContactsByExternalId(byExt, demo, now));
      if (!byEmail.isEmpty()) out.putAll(upsertContactsByEmail(byEmail, demo, now));
      pending = pending.stream().filter(r -> !out.containsKey(contactKey(r.contact()))).toList();
    }
    return out;
  }

  public static String contactKey(ContactData c) {
    return c.externalId() != null && !c.externalId().isBlank() ? "x:" + c.externalId()
        : "e:" + c.email().toLowerCase(java.util.Locale.ROOT);
  }

  private String[][] contactColumns(List<ContactRow> rows, Instant now) {
    int n = rows.size();
    String[][] cols = new String[7][n];
    for (int i = 0; i < n; i++) {
      ContactData c = rows.get(i).contact();
      cols[0][i] = ResponseId.timeOrdered(now).toString();
      cols[1][i] = c.externalId();
      cols[2][i] = c.email();
      cols[3][i] = c.name();
      cols[4][i] = c.role();
      cols[5][i] = rows.get(i).accountId() == null ? null : rows.get(i).accountId().toString();
      cols[6][i] = json(c.attributes());
    }
    return cols;
  }

  private static final String CONTACT_INPUT = """
      input AS (
        SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::jsonb[])
          WITH ORDINALITY AS t(id, external_id, email, name, role, account_id, attributes, ord))""";

  private Map<String, UUID> upsertContactsByExternalId(List<ContactRow> rows, boolean demo, Instant now) {
    return template.execute((ConnectionCallback<Map<String, UUID>>) con -> {
      String[][] cols = contactColumns(rows, now);
      // contacts first known by email only get the external id they now arrive with
      String adopt = "WITH " + CONTACT_INPUT + """
          UPDATE responses_contact c SET external_id = i.external_id, updated_at = ?
          FROM (SELECT DISTINCT ON (lower(email)) external_id, email FROM input WHERE email IS NOT NULL
                ORDER BY lower(email), ord) i
          WHERE c.external_id IS NULL AND lower(c.email) = lower(i.email)
            AND NOT EXISTS (SELECT 1 FROM responses_contact x WHERE x.external_id = i.external_id)""";
      String upsert = "WITH " + CONTACT_INPUT + """
          , ins AS (
            INSERT INTO responses_contact AS c
              (id, external_id, email, name, role, account_id, attributes, demo, created_at, updated_at)
            SELECT id, external_id, email, name, role, account_id, attributes, ?, ?, ? FROM input ORDER BY ord
            ON CONFLICT (external_id) DO UPDATE SET
              email = COALESCE(EXCLUDED.email, c.email), name = COALESCE(EXCLUDED.name, c.name),
              role = COALESCE(EXCLUDED.role, c.role), account_id = COALESCE(EXCLUDED.account_id, c.account_id),
              attributes = c.attributes || EXCLUDED.attributes, updated_at = EXCLUDED.updated_at
            WHERE (EXCLUDED.email IS NOT NULL AND EXCLUDED.email IS DISTINCT FROM c.email)
               OR (EXCLUDED.name IS NOT NULL AND EXCLUDED.name IS DISTINCT FROM c.name)
               OR (EXCLUDED.role IS NOT NULL AND EXCLUDED.role IS DISTINCT FROM c.role)
               OR (EXCLUDED.account_id IS NOT NULL AND EXCLUDED.account_id IS DISTINCT FROM c.account_id)
               OR NOT (c.attributes @> EXCLUDED.attributes)
            RETURNING id, external_id)
          SELECT external_id, id FROM ins
          UNION ALL
          SELECT c.external_id, c.id FROM responses_contact c JOIN input i ON i.external_id = c.external_id""";
      try (PreparedStatement a = con.prepareStatement(adopt); PreparedStatement u = con.prepareStatement(upsert)) {
        int p = 1;
        for (String[] col : cols) a.setArray(p++, con.createArrayOf("text", col));
        a.setTimestamp(p, ts(now));
        a.executeUpdate();
        p = 1;
        for (String[] col : cols) u.setArray(p++, con.createArrayOf("text", col));
        u.setBoolean(p++, demo);
        u.setTimestamp(p++, ts(now));
        u.setTimestamp(p, ts(now));
        Map<String, UUID> found = new HashMap<>();
        try (ResultSet rs = u.executeQuery()) {
          while (rs.next()) found.putIfAbsent("x:" + rs.getString(1), rs.getObject(2, UUID.class));
        }
        return found;
      }
    });
  }

  private Map<String, UUID> upsertContactsByEmail(List<ContactRow> rows, boolean demo, Instant now) {
    return template.execute((ConnectionCallback<Map<String, UUID>>) con -> {
      String[][] cols = contactColumns(rows, now);
      String sql = "WITH " + CONTACT_INPUT + """
          , found AS (
            SELECT DISTINCT ON (lower(c.email)) lower(c.email) AS key, c.id
            FROM responses_contact c JOIN input i ON lower(c.email) = lower(i.email)
            ORDER BY lower(c.email), c.external_id NULLS LAST, c.created_at),
          upd AS (
            UPDATE responses_contact c SET name = COALESCE(i.name, c.name), role = COALESCE(i.role, c.role),
              account_id = COALESCE(i.account_id, c.account_id), attributes = c.attributes || i.attributes,
              updated_at = ?
            FROM found f JOIN input i ON lower(i.email) = f.key
            WHERE c.id = f.id
              AND ((i.name IS NOT NULL AND i.name IS DISTINCT FROM c.name)
                OR (i.role IS NOT NULL AND i.role IS DISTINCT FROM c.role)
                OR (i.account_id IS NOT NULL AND i.account_id IS DISTINCT FROM c.account_id)
                OR NOT (c.attributes @> i.attributes))
            RETURNING c.id),
          ins AS (
            INSERT INTO responses_contact (id, email, name, role, account_id, attributes, demo, created_at, updated_at)
            SELECT id, email, name, role, account_id, attributes, ?, ?, ? FROM input i
            WHERE NOT EXISTS (SELECT 1 FROM found f WHERE f.key = lower(i.email))
            ORDER BY ord
            ON CONFLICT (lower(email)) WHERE external_id IS NULL DO NOTHING
            RETURNING id, lower(email) AS key)
          SELECT key, id FROM found UNION ALL SELECT key, id FROM ins""";
      try (PreparedStatement ps = con.prepareStatement(sql)) {
        int p = 1;
        for (String[] col : cols) ps.setArray(p++, con.createArrayOf("text", col));
        ps.setTimestamp(p++, ts(now));
        ps.setBoolean(p++, demo);
        ps.setTimestamp(p++, ts(now));
        ps.setTimestamp(p, ts(now));
        Map<String, UUID> found = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) found.putIfAbsent("e:" + rs.getString(1), rs.getObject(2, UUID.class));
        }
        return found;
      }
    });
  }

  // ---------------------------------------------------------------- helpers

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static String json(Map<String, Object> m) {
    return m == null || m.isEmpty() ? "{}" : JSON.writeValueAsString(m);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String json) {
    if (json == null || json.isBlank()) return Map.of();
    return JSON.readValue(json, LinkedHashMap.class);
  }
}
