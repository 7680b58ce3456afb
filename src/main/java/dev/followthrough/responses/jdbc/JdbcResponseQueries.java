package dev.followthrough.responses.jdbc;

import dev.followthrough.nps.NpsCounts;
import dev.followthrough.responses.ResponseQueries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcResponseQueries implements ResponseQueries {

  private final NamedParameterJdbcTemplate jdbc;

  JdbcResponseQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static final String VIEW = """
      SELECT r.id, r.source, r.source_id, r.score, r.category, r.comment, r.responded_at, r.received_at, r.updated_at,
             r.program, r.kind, r.touchpoint, r.language, r.comment_language, r.attributes::text AS attributes, r.revision,
             c.id AS c_id, c.external_id AS c_ext, c.email AS c_email, c.name AS c_name, c.role AS c_role,
             c.opted_out_at AS c_opted_out, c.attributes::text AS c_attributes,
             a.id AS a_id, a.external_id AS a_ext, a.name AS a_name, a.tier AS a_tier, a.arr AS a_arr,
             a.renewal_date AS a_renewal, a.owner AS a_owner, a.attributes::text AS a_attributes
      FROM responses_response r
      LEFT JOIN responses_contact c ON c.id = r.contact_id
      LEFT JOIN responses_account a ON a.id = r.account_id
      """;

  private static ResponseView view(ResultSet rs, int row) throws SQLException {
    UUID cId = rs.getObject("c_id", UUID.class);
    UUID aId = rs.getObject("a_id", UUID.class);
    java.sql.Date renewal = rs.getDate("a_renewal");
    return new ResponseView(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("source_id"),
        rs.getInt("score"), rs.getString("category"), rs.getString("comment"), instant(rs.getTimestamp("responded_at")),
        instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("updated_at")), rs.getString("program"),
        rs.getString("kind"), rs.getString("touchpoint"), rs.getString("language"),
        JdbcResponses.map(rs.getString("attributes")), rs.getInt("revision"),
        cId == null ? null : new ContactRef(cId, rs.getString("c_ext"), rs.getString("c_email"), rs.getString("c_name"),
            rs.getString("c_role"), instant(rs.getTimestamp("c_opted_out")), JdbcResponses.map(rs.getString("c_attributes"))),
        aId == null ? null : new AccountRef(aId, rs.getString("a_ext"), rs.getString("a_name"), rs.getString("a_tier"),
            rs.getBigDecimal("a_arr"), renewal == null ? null : renewal.toLocalDate(), rs.getString("a_owner"),
            JdbcResponses.map(rs.getString("a_attributes"))), rs.getString("comment_language"));
  }

  @Override
  public Optional<ResponseView> find(UUID id) {
    return jdbc.query(VIEW + " WHERE r.id = :id", Map.of("id", id), JdbcResponseQueries::view).stream().findFirst();
  }

  @Override
  public List<Revision> history(UUID id) {
    return jdbc.query("""
        SELECT revision, score, comment, program, kind, touchpoint, language, responded_at, replaced_at
        FROM responses_response_history WHERE response_id = :id ORDER BY revision""", Map.of("id", id),
        (rs, i) -> new Revision(rs.getInt("revision"), rs.getInt("score"), rs.getString("comment"),
            rs.getString("program"), rs.getString("kind"), rs.getString("touchpoint"), rs.getString("language"),
            instant(rs.getTimestamp("responded_at")), instant(rs.getTimestamp("replaced_at"))));
  }

  /** WHERE clause for a filter; every value is a bind parameter. */
  private static String where(ResponseFilter f, MapSqlParameterSource p) {
    List<String> w = new ArrayList<>();
    if (f.from() != null) { w.add("r.responded_at >= :from"); p.addValue("from", Timestamp.from(f.from())); }
    if (f.to() != null) { w.add("r.responded_at < :to"); p.addValue("to", Timestamp.from(f.to())); }
    if (f.program() != null) { w.add("r.program = :program"); p.addValue("program", f.program()); }
    if (f.kind() != null) { w.add("r.kind = :kind"); p.addValue("kind", f.kind()); }
    if (f.touchpoint() != null) { w.add("r.touchpoint = :touchpoint"); p.addValue("touchpoint", f.touchpoint()); }
    if (f.category() != null) { w.add("r.category = :category"); p.addValue("category", f.category()); }
    if (f.source() != null) { w.add("r.source = :source"); p.addValue("source", f.source()); }
    if (f.language() != null) { w.add("r.comment_language = :language"); p.addValue("language", f.language()); }
    if (f.tier() != null) {
      w.add("r.account_id IN (SELECT id FROM responses_account WHERE tier = :tier)");
      p.addValue("tier", f.tier());
    }
    if (f.account() != null) {
      UUID asId = null;
      try { asId = UUID.fromString(f.account()); } catch (IllegalArgumentException ignored) { }
      w.add("r.account_id IN (SELECT id FROM responses_account WHERE external_id = :account"
          + (asId != null ? " OR id = :accountId" : "") + ")");
      p.addValue("account", f.account());
      if (asId != null) p.addValue("accountId", asId);
    }
    if (f.q() != null && !f.q().isBlank()) {
      w.add("r.comment ILIKE :q");
      p.addValue("q", "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    return w.isEmpty() ? "" : " WHERE " + String.join(" AND ", w);
  }

  @Override
  public Page<ResponseView> list(ResponseFilter filter, int page, int size) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    String where = where(filter, p);
    Long total = jdbc.queryForObject("SELECT count(*) FROM responses_response r" + where, p, Long.class);
    p.addValue("limit", size).addValue("offset", (long) page * size);
    List<ResponseView> items = jdbc.query(VIEW + where + " ORDER BY r.responded_at DESC, r.id DESC LIMIT :limit OFFSET :offset",
        p, JdbcResponseQueries::view);
    return new Page<>(items, total == null ? 0 : total, page, size);
  }

  private static final String COUNTS = """
      count(*) FILTER (WHERE r.score >= 9) AS promoters,
      count(*) FILTER (WHERE r.score BETWEEN 7 AND 8) AS passives,
      count(*) FILTER (WHERE r.score <= 6) AS detractors""";

  private static NpsCounts counts(ResultSet rs) throws SQLException {
    return new NpsCounts(rs.getLong("promoters"), rs.getLong("passives"), rs.getLong("detractors"));
  }

  @Override
  public NpsCounts counts(ResponseFilter filter) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    return jdbc.queryForObject("SELECT " + COUNTS + " FROM responses_response r" + where(filter, p), p,
        (rs, i) -> counts(rs));
  }

  @Override
  public List<GroupCounts> countsBy(ResponseFilter filter, Grouping grouping, ZoneId zone) {
    MapSqlParameterSource p = new MapSqlParameterSource().addValue("zone", zone.getId());
    String where = where(filter, p);
    String local = "(r.responded_at AT TIME ZONE :zone)";
    String sql = switch (grouping) {
      case MONTH -> "SELECT to_char(" + local + ", 'YYYY-MM') AS key, to_char(" + local + ", 'Mon YYYY') AS label, " + COUNTS
          + " FROM responses_response r" + where + " GROUP BY 1, 2 ORDER BY 1";
      case WEEK -> "SELECT to_char(" + local + ", 'IYYY-\"W\"IW') AS key, to_char(" + local + ", 'IYYY-\"W\"IW') AS label, " + COUNTS
          + " FROM responses_response r" + where + " GROUP BY 1, 2 ORDER BY 1";
      case QUARTER -> "SELECT to_char(" + local + ", 'YYYY-\"Q\"Q') AS key, to_char(" + local + ", 'YYYY-\"Q\"Q') AS label, " + COUNTS
          + " FROM responses_response r" + where + " GROUP BY 1, 2 ORDER BY 1";
      case PROGRAM -> "SELECT COALESCE(r.program, '(none)') AS key, COALESCE(r.program, '(none)') AS label, " + COUNTS
          + " FROM responses_response r" + where + " GROUP BY 1, 2 ORDER BY count(*) DESC, 1";
      case TOUCHPOINT -> "SELECT COALESCE(r.touchpoint, '(none)') AS key, COALESCE(r.touchpoint, '(none)') AS label, " + COUNTS
          + " FROM responses_response r" + where + " GROUP BY 1, 2 ORDER BY count(*) DESC, 1";
      case TIER -> "SELECT COALESCE(a.tier, '(none)') AS key, COALESCE(a.tier, '(none)') AS label, " + COUNTS
          + " FROM responses_response r LEFT JOIN responses_account a ON a.id = r.account_id" + where
          + " GROUP BY 1, 2 ORDER BY count(*) DESC, 1";
      case ACCOUNT -> "SELECT COALESCE(a.external_id, '(none)') AS key, COALESCE(a.name, a.external_id, '(none)') AS label, " + COUNTS
          + " FROM responses_response r LEFT JOIN responses_account a ON a.id = r.account_id" + where
          + " GROUP BY 1, 2 ORDER BY count(*) DESC, 1";
    };
    return jdbc.query(sql, p, (rs, i) -> new GroupCounts(rs.getString("key"), rs.getString("label"), counts(rs)));
  }

  @Override
  public List<AccountLatest> accountsLatest(ResponseFilter filter) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    String where = where(filter, p);
    // each contact counts once, by their latest score; anonymous responses count by themselves
    String sql = """
        WITH latest AS (
          SELECT DISTINCT ON (COALESCE(r.contact_id, r.id)) r.account_id, r.score, r.responded_at
          FROM responses_response r %s
          ORDER BY COALESCE(r.contact_id, r.id), r.responded_at DESC)
        SELECT a.id, a.external_id, a.name, a.tier, a.arr, a.renewal_date, a.owner, a.demo,
               count(*) FILTER (WHERE l.score >= 9) AS promoters,
               count(*) FILTER (WHERE l.score BETWEEN 7 AND 8) AS passives,
               count(*) FILTER (WHERE l.score <= 6) AS detractors,
               max(l.responded_at) AS last_response_at
        FROM latest l JOIN responses_account a ON a.id = l.account_id
        GROUP BY a.id ORDER BY a.arr DESC NULLS LAST, a.name""".formatted(where.isEmpty() ? "WHERE r.account_id IS NOT NULL" : where + " AND r.account_id IS NOT NULL");
    return jdbc.query(sql, p, (rs, i) -> {
      java.sql.Date renewal = rs.getDate("renewal_date");
      return new AccountLatest(rs.getObject("id", UUID.class), rs.getString("external_id"), rs.getString("name"),
          rs.getString("tier"), rs.getBigDecimal("arr"), renewal == null ? null : renewal.toLocalDate(),
          rs.getString("owner"), counts(rs), instant(rs.getTimestamp("last_response_at")), rs.getBoolean("demo"));
    });
  }

  @Override
  public boolean hasDemoData() {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM responses_account WHERE demo) OR EXISTS (SELECT 1 FROM responses_response WHERE source = 'demo')",
        Map.of(), Boolean.class));
  }

  @Override
  public Map<String, List<String>> facets() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("program", jdbc.queryForList("SELECT DISTINCT program FROM responses_response WHERE program IS NOT NULL ORDER BY 1 LIMIT 200", Map.of(), String.class));
    out.put("touchpoint", jdbc.queryForList("SELECT DISTINCT touchpoint FROM responses_response WHERE touchpoint IS NOT NULL ORDER BY 1 LIMIT 200", Map.of(), String.class));
    out.put("tier", jdbc.queryForList("SELECT DISTINCT tier FROM responses_account WHERE tier IS NOT NULL ORDER BY 1 LIMIT 200", Map.of(), String.class));
    out.put("language", jdbc.queryForList("SELECT DISTINCT comment_language FROM responses_response WHERE comment_language IS NOT NULL ORDER BY 1 LIMIT 200", Map.of(), String.class));
    return out;
  }

  @Override
  public List<Commented> commented(String source, UUID after, int limit) {
    MapSqlParameterSource p = new MapSqlParameterSource("limit", limit);
    String from = "";
    if (after != null) { from = " AND id > :after"; p.addValue("after", after); }
    if (source != null) { from += " AND source = :source"; p.addValue("source", source); }
    return jdbc.query("SELECT id, revision FROM responses_response WHERE comment IS NOT NULL AND btrim(comment) <> ''"
        + from + " ORDER BY id LIMIT :limit", p, (rs, i) -> new Commented(rs.getObject("id", UUID.class), rs.getInt("revision")));
  }

  @Override
  public List<ResponseView> findAll(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) return List.of();
    return jdbc.query(VIEW + " WHERE r.id IN (:ids)", Map.of("ids", ids), JdbcResponseQueries::view);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  @Override
  public Map<UUID, List<ScorePoint>> contactScores(java.util.Collection<UUID> contactIds, int limit) {
    Map<UUID, List<ScorePoint>> out = new java.util.HashMap<>();
    if (contactIds.isEmpty()) return out;
    // newest first per contact, then reversed: the same rows as the one-contact query, in one round trip
    jdbc.query("""
        SELECT c AS contact_id, s.id, s.score, s.responded_at, s.program, s.touchpoint
        FROM unnest(CAST(:contacts AS uuid[])) AS c,
             LATERAL (SELECT id, score, responded_at, program, touchpoint FROM responses_response
                      WHERE contact_id = c ORDER BY responded_at DESC, id DESC LIMIT :limit) s""",
        Map.of("contacts", contactIds.toArray(UUID[]::new), "limit", limit), rs -> {
          out.computeIfAbsent(rs.getObject("contact_id", UUID.class), k -> new ArrayList<>())
              .add(new ScorePoint(rs.getObject("id", UUID.class), rs.getInt("score"), instant(rs.getTimestamp("responded_at")),
                  rs.getString("program"), rs.getString("touchpoint")));
        });
    out.replaceAll((k, v) -> v.reversed());
    return out;
  }

  @Override
  public List<ScorePoint> contactScores(UUID contactId, int limit) {
    List<ScorePoint> newestFirst = jdbc.query("""
        SELECT id, score, responded_at, program, touchpoint FROM responses_response
        WHERE contact_id = :contact ORDER BY responded_at DESC, id DESC LIMIT :limit""",
        Map.of("contact", contactId, "limit", limit),
        (rs, i) -> new ScorePoint(rs.getObject("id", UUID.class), rs.getInt("score"),
            instant(rs.getTimestamp("responded_at")), rs.getString("program"), rs.getString("touchpoint")));
    return newestFirst.reversed();
  }
}
