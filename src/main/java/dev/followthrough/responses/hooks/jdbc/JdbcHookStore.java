package dev.followthrough.responses.hooks.jdbc;

import dev.followthrough.responses.domain.Kind;
import dev.followthrough.responses.hooks.HookDelivery;
import dev.followthrough.responses.hooks.HookSource;
import dev.followthrough.responses.hooks.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import dev.followthrough.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Sources and their delivery log. */
@Repository
public class JdbcHookStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final JdbcClient jdbc;
  private final SecretBox box; // a source's secret is sealed at rest

  JdbcHookStore(JdbcClient jdbc, SecretBox box) {
    this.jdbc = jdbc;
    this.box = box;
  }

  @org.springframework.context.annotation.Bean
  static dev.followthrough.platform.SealedColumn sealedHookSourceSecret() {
    return new dev.followthrough.platform.SealedColumn("responses_hook_source", "id", "secret");
  }

  private static final String SOURCE_COLUMNS = """
      id, source_key, vendor, secret, enabled, program, kind, touchpoint, mapping::text AS mapping, created_at""";

  public List<HookSource> sources() {
    return jdbc.sql("SELECT " + SOURCE_COLUMNS + " FROM responses_hook_source ORDER BY source_key").query(this::mapSource).list();
  }

  public Optional<HookSource> source(String key) {
    return jdbc.sql("SELECT " + SOURCE_COLUMNS + " FROM responses_hook_source WHERE source_key = :k").param("k", key)
        .query(this::mapSource).optional();
  }

  /** False when the key is taken. */
  public boolean insert(HookSource s) {
    return jdbc.sql("""
        INSERT INTO responses_hook_source (id, source_key, vendor, secret, enabled, program, kind, touchpoint, mapping,
                                           created_at, secret_changed_at)
        VALUES (:id, :key, :vendor, :secret, :enabled, :program, :kind, :touchpoint, CAST(:mapping AS jsonb), :at, :at)
        ON CONFLICT (source_key) DO NOTHING""")
        .param("id", s.id()).param("key", s.key()).param("vendor", s.vendor().key()).param("secret", box.seal(s.secret()))
        .param("enabled", s.enabled()).param("program", s.program()).param("kind", s.kind() == null ? null : s.kind().key())
        .param("touchpoint", s.touchpoint()).param("mapping", JSON.writeValueAsString(s.mapping())).param("at", ts(s.createdAt()))
        .update() == 1;
  }

  public boolean updateSecret(String key, String secret, Instant now) {
    return jdbc.sql("UPDATE responses_hook_source SET secret = :s, secret_changed_at = :now WHERE source_key = :k")
        .param("s", box.seal(secret)).param("now", ts(now)).param("k", key).update() == 1;
  }

  public boolean updateEnabled(String key, boolean enabled) {
    return jdbc.sql("UPDATE responses_hook_source SET enabled = :e WHERE source_key = :k")
        .param("e", enabled).param("k", key).update() == 1;
  }

  public boolean replaySeen(String key, String replayKey) {
    return jdbc.sql("SELECT count(*) FROM responses_hook_delivery WHERE source_key = :k AND replay_key = :r")
        .param("k", key).param("r", replayKey).query(Long.class).single() > 0;
  }

  /** False when the replay key was taken meanwhile (two copies of one delivery racing). */
  public boolean log(HookDelivery d, String replayKey) {
    return jdbc.sql("""
        INSERT INTO responses_hook_delivery (id, source_key, received_at, outcome, http_status, reason, response_id,
                                             responses, replay_key, body, body_bytes, headers)
        VALUES (:id, :source, :at, :outcome, :status, :reason, :response, :responses, :replay, :body, :bytes,
                CAST(:headers AS jsonb))
        ON CONFLICT DO NOTHING""")
        .param("id", d.id()).param("source", d.source()).param("at", ts(d.receivedAt())).param("outcome", d.outcome())
        .param("status", d.httpStatus()).param("reason", d.reason()).param("response", d.responseId())
        .param("responses", d.responses()).param("replay", replayKey).param("body", d.body()).param("bytes", d.bodyBytes())
        .param("headers", JSON.writeValueAsString(d.headers())).update() == 1;
  }

  public List<HookDelivery> deliveries(String key, int limit) {
    return jdbc.sql("""
        SELECT id, source_key, received_at, outcome, http_status, reason, response_id, responses, body_bytes, body,
               headers::text AS headers
        FROM responses_hook_delivery WHERE source_key = :k ORDER BY received_at DESC, id DESC LIMIT :n""")
        .param("k", key).param("n", limit).query(this::mapDelivery).list();
  }

  private HookSource mapSource(ResultSet rs, int row) throws SQLException {
    String kind = rs.getString("kind");
    return new HookSource(rs.getObject("id", UUID.class), rs.getString("source_key"),
        Vendor.parse(rs.getString("vendor")).orElseThrow(), box.open(rs.getString("secret")), rs.getBoolean("enabled"),
        rs.getString("program"), kind == null ? null : Kind.parse(kind).orElse(null), rs.getString("touchpoint"),
        stringMap(rs.getString("mapping")), rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private HookDelivery mapDelivery(ResultSet rs, int row) throws SQLException {
    return new HookDelivery(rs.getObject("id", UUID.class), rs.getString("source_key"),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("outcome"), rs.getInt("http_status"),
        rs.getString("reason"), rs.getObject("response_id", UUID.class), rs.getInt("responses"), rs.getInt("body_bytes"),
        rs.getString("body"), stringMap(rs.getString("headers")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> stringMap(String json) {
    Map<String, Object> raw = json == null ? Map.of() : JSON.readValue(json, LinkedHashMap.class);
    Map<String, String> out = new LinkedHashMap<>();
    raw.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  private static OffsetDateTime ts(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }
}
