package dev.followthrough.outreach;

import dev.followthrough.outreach.domain.WebhookSignature;
import dev.followthrough.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import dev.followthrough.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Outbound webhook subscriptions: a URL, a signing secret, and the event types it wants. */
@Service
public class WebhookSubscriptions {

  /** Every event type a subscription can ask for. */
  public static final List<String> EVENT_TYPES = List.of("response.recorded", "case.opened", "case.assigned",
      "case.reminder_due", "case.escalated", "case.closed", "case.reopened", "case.resurvey_due", "case.recovered",
      "contact.opted_out", "message.failed", "intervention.notice");

  /** {@code secret} is only returned when the subscription is created. */
  public record Subscription(UUID id, String url, List<String> eventTypes, String description, boolean enabled,
                             Instant createdAt, String secret) {}

  record Target(String url, String secret) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecretBox box; // the signing secret is sealed at rest
  // every response asks "who wants response.recorded?": answered from memory for a few seconds
  private volatile Map<String, List<UUID>> cache = Map.of();
  private volatile long cachedAt;
  private volatile boolean stale = true;
  private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

  WebhookSubscriptions(JdbcClient jdbc, Clock clock, SecretBox box) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.box = box;
  }

  public List<Subscription> list() {
    return jdbc.sql("SELECT id, url, event_types, description, enabled, created_at FROM outreach_webhook ORDER BY created_at")
        .query((rs, i) -> new Subscription(rs.getObject(1, UUID.class), rs.getString(2),
            List.of((String[]) rs.getArray(3).getArray()), rs.getString(4), rs.getBoolean(5),
            rs.getTimestamp(6).toInstant(), null))
        .list();
  }

  /** Creates a subscription with a fresh {@code whsec_} secret (returned once). Types must be known ones or "*". */
  public Subscription create(String url, List<String> eventTypes, String description) {
    Instant now = clock.instant();
    UUID id = Ids.timeOrdered(now);
    String secret = WebhookSignature.newSecret();
    jdbc.sql("""
        INSERT INTO outreach_webhook (id, url, secret, event_types, description, enabled, created_at)
        VALUES (:id, :url, :secret, string_to_array(:types, ','), :d, true, :now)""")
        .param("id", id).param("url", url.strip()).param("secret", box.seal(secret))
        .param("types", String.join(",", eventTypes)).param("d", description)
        .param("now", Timestamp.from(now)).update();
    forget();
    return new Subscription(id, url.strip(), List.copyOf(eventTypes), description, true, now, secret);
  }

  public boolean delete(UUID id) {
    boolean deleted = jdbc.sql("DELETE FROM outreach_webhook WHERE id = :id").param("id", id).update() > 0;
    forget();
    return deleted;
  }

  /** Why the event types are not acceptable, or empty. */
  public static Optional<String> invalidTypes(List<String> types) {
    if (types == null || types.isEmpty()) return Optional.of("name at least one event type (or \"*\")");
    for (String t : types) {
      if (!t.equals("*") && !EVENT_TYPES.contains(t)) return Optional.of("unknown event type '" + t + "' (known: " + String.join(", ", EVENT_TYPES) + ")");
    }
    return Optional.empty();
  }

  /**
   * Subscriptions that want this event type. Cached for 5 seconds (cleared at once on this node by
   * create and delete): another node notices a new subscription within that time.
   */
  List<UUID> subscribersOf(String type) {
    long now = System.nanoTime();
    if (stale || now - cachedAt > CACHE_NANOS) {
      Map<String, List<UUID>> fresh = new java.util.HashMap<>();
      jdbc.sql("SELECT id, event_types FROM outreach_webhook WHERE enabled").query((rs, i) -> {
        UUID id = rs.getObject(1, UUID.class);
        for (String t : (String[]) rs.getArray(2).getArray()) fresh.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(id);
        return id;
      }).list();
      cache = fresh;
      cachedAt = now;
      stale = false;
    }
    Map<String, List<UUID>> c = cache;
    List<UUID> out = new java.util.ArrayList<>(c.getOrDefault(type, List.of()));
    for (UUID id : c.getOrDefault("*", List.of())) if (!out.contains(id)) out.add(id);
    return out;
  }

  private void forget() {
    stale = true;
  }

  Optional<Target> target(UUID id) {
    if (id == null) return Optional.empty();
    return jdbc.sql("SELECT url, secret FROM outreach_webhook WHERE id = :id AND enabled").param("id", id)
        .query((rs, i) -> new Target(rs.getString(1), box.open(rs.getString(2)))).optional();
  }

  static List<String> split(String csv) {
    return Arrays.stream(csv == null ? new String[0] : csv.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
