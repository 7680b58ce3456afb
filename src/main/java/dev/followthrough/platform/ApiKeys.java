package dev.followthrough.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** API keys: shown once at creation, stored as a hash, revocable. */
@Service
public class ApiKeys {

  public record ApiKey(UUID id, String name, String prefix, Role role, Instant createdAt, String createdBy,
                       Instant lastUsedAt, Instant revokedAt) {}

  public record CreatedKey(ApiKey key, String token) {}

  public record Principal(UUID keyId, String name, Role role) {}

  private record Cached(Optional<Principal> principal, long expiresAtNanos) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final long cacheTtlNanos;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  ApiKeys(JdbcClient jdbc, Clock clock, ApiSettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.cacheTtlNanos = settings.apiKeyCacheTtl().toNanos();
  }

  public CreatedKey create(String name, Role role, String createdBy) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return store(name, role, createdBy, "ft_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** Registers a key chosen by the operator (the bootstrap key); it must be long enough to be a secret. */
  public CreatedKey register(String name, Role role, String createdBy, String token) {
    if (token.length() < 20) throw new IllegalArgumentException("an API key must have at least 20 characters");
    return store(name, role, createdBy, token);
  }

  private CreatedKey store(String name, Role role, String createdBy, String token) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    String prefix = token.substring(0, Math.min(7, token.length()));
    jdbc.sql("""
        INSERT INTO platform_api_key (id, name, prefix, key_hash, role, created_at, created_by)
        VALUES (:id, :name, :prefix, :hash, :role, :now, :by)""")
        .param("id", id).param("name", name).param("prefix", prefix).param("hash", hash(token))
        .param("role", role.key()).param("now", java.sql.Timestamp.from(now)).param("by", createdBy)
        .update();
    return new CreatedKey(new ApiKey(id, name, prefix, role, now, createdBy, null, null), token);
  }

  public List<ApiKey> list() {
    return jdbc.sql("""
        SELECT id, name, prefix, role, created_at, created_by, last_used_at, revoked_at
        FROM platform_api_key ORDER BY created_at""")
        .query((rs, i) -> new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
            Role.parse(rs.getString("role")), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
            instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
        .list();
  }

  public boolean revoke(UUID id) {
    int n = jdbc.sql("UPDATE platform_api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
        .param("now", java.sql.Timestamp.from(clock.instant())).param("id", id).update();
    cache.clear();
    return n > 0;
  }

  public boolean isEmpty() {
    return jdbc.sql("SELECT count(*) FROM platform_api_key").query(Long.class).single() == 0;
  }

  /** Looked up on every API request, so results are cached briefly (see followthrough.api.api-key-cache-ttl). */
  public Optional<Principal> authenticate(String token) {
    String h = hash(token);
    long nowNanos = System.nanoTime();
    Cached c = cache.get(h);
    if (c != null && c.expiresAtNanos - nowNanos > 0) return c.principal;
    Optional<Principal> p = jdbc.sql("SELECT id, name, role FROM platform_api_key WHERE key_hash = :h AND revoked_at IS NULL")
        .param("h", h)
        .query((rs, i) -> new Principal(rs.getObject("id", UUID.class), rs.getString("name"), Role.parse(rs.getString("role"))))
        .optional();
    p.ifPresent(k -> jdbc.sql("UPDATE platform_api_key SET last_used_at = :now WHERE id = :id")
        .param("now", java.sql.Timestamp.from(clock.instant())).param("id", k.keyId()).update());
    if (cache.size() > 10_000) cache.clear(); // unknown tokens must not grow the cache without bound
    cache.put(h, new Cached(p, nowNanos + cacheTtlNanos));
    return p;
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
