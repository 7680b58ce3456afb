package dev.followthrough.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: who did which security-relevant thing, when, from where. Append-only (a database
 * trigger refuses UPDATE, DELETE and TRUNCATE); admins read it at {@code /settings/audit} and
 * {@code GET /api/v1/audit}. Details never hold a secret or a password — callers pass names and ids.
 */
@Service
public class Audit {

  private static final Logger log = LoggerFactory.getLogger(Audit.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public record Entry(long id, Instant at, String actor, String action, String target, String ip, String details) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  Audit(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records an action by whoever the current request is authenticated as. */
  public void record(String action, String target, Map<String, ?> details) {
    record(currentActor(), action, target, details);
  }

  public void record(String actor, String action, String target, Map<String, ?> details) {
    try {
      jdbc.sql("INSERT INTO platform_audit (at, actor, action, target, ip, details) VALUES (:at, :actor, :action, :target, :ip, CAST(:d AS jsonb))")
          .param("at", Timestamp.from(clock.instant())).param("actor", clip(actor == null ? "anonymous" : actor))
          .param("action", action).param("target", target == null ? null : clip(target)).param("ip", currentIp())
          .param("d", JSON.writeValueAsString(details == null ? Map.of() : details)).update();
    } catch (RuntimeException e) {
      // an audit entry that cannot be written must not hide the action: say so where operators look
      log.error("Audit entry {} by {} on {} could not be stored: {}", action, actor, target, e.getMessage());
    }
  }

  /** Newest first. Each filter may be null. */
  public List<Entry> list(String action, String actor, Instant since, Long beforeId, int limit) {
    return jdbc.sql("""
        SELECT id, at, actor, action, target, ip, details::text FROM platform_audit
        WHERE (CAST(:action AS text) IS NULL OR action = :action OR action LIKE :actionPrefix)
          AND (CAST(:actor AS text) IS NULL OR lower(actor) = lower(:actor))
          AND (CAST(:since AS timestamptz) IS NULL OR at >= :since)
          AND (CAST(:before AS bigint) IS NULL OR id < :before)
        ORDER BY id DESC LIMIT :limit""")
        .param("action", action).param("actionPrefix", action == null ? null : action + ".%").param("actor", actor)
        .param("since", since == null ? null : Timestamp.from(since)).param("before", beforeId).param("limit", limit)
        .query((rs, i) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
        .list();
  }

  static String currentActor() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a == null || !a.isAuthenticated() || "anonymousUser".equals(a.getName())) return "anonymous";
    return a.getName();
  }

  static String currentIp() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s) {
      HttpServletRequest r = s.getRequest();
      return r.getRemoteAddr();
    }
    return null;
  }

  private static String clip(String s) {
    return s.length() > 500 ? s.substring(0, 500) : s;
  }
}
