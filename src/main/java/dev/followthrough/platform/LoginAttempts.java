package dev.followthrough.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Service;

/**
 * Console login failures per account, in the database so every node sees them: after
 * {@code login-max-failures} failures the account is locked for {@code login-lockout}, each further failure
 * (after the lock ends) doubles it up to {@code login-lockout-max}; a successful login forgets them.
 * Unknown accounts are counted the same way, so a lockout tells nobody whether the account exists. Every
 * login, failure, lockout and logout leaves an audit entry.
 */
@Service
public class LoginAttempts {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecuritySettings settings;
  private final Audit audit;

  LoginAttempts(JdbcClient jdbc, Clock clock, SecuritySettings settings, Audit audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
    this.audit = audit;
  }

  public Optional<Instant> lockedUntil(String email) {
    Instant now = clock.instant();
    return jdbc.sql("SELECT locked_until FROM platform_login_failure WHERE email = :e").param("e", key(email))
        .query((rs, i) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
        .optional().flatMap(o -> o).filter(now::isBefore);
  }

  /** Counts one failure; returns the lock it caused, if any. */
  Optional<Instant> failed(String email) {
    Instant now = clock.instant();
    int failures = jdbc.sql("""
        INSERT INTO platform_login_failure (email, failures, locked_until, last_at) VALUES (:e, 1, NULL, :now)
        ON CONFLICT (email) DO UPDATE SET
          failures = CASE WHEN platform_login_failure.last_at < :forget THEN 1 ELSE platform_login_failure.failures + 1 END,
          last_at = :now
        RETURNING failures""")
        .param("e", key(email)).param("now", Timestamp.from(now))
        .param("forget", Timestamp.from(now.minus(settings.loginLockoutMax()))).query(Integer.class).single();
    if (failures < settings.loginMaxFailures()) return Optional.empty();
    Instant until = now.plus(lockout(failures - settings.loginMaxFailures()));
    jdbc.sql("UPDATE platform_login_failure SET locked_until = :u WHERE email = :e")
        .param("u", Timestamp.from(until)).param("e", key(email)).update();
    return Optional.of(until);
  }

  /** The n-th lockout (0 = first): the base doubled n times, at most the maximum. */
  Duration lockout(int n) {
    Duration d = settings.loginLockout();
    for (int i = 0; i < n && d.compareTo(settings.loginLockoutMax()) < 0; i++) d = d.multipliedBy(2);
    return d.compareTo(settings.loginLockoutMax()) > 0 ? settings.loginLockoutMax() : d;
  }

  void succeeded(String email) {
    jdbc.sql("DELETE FROM platform_login_failure WHERE email = :e").param("e", key(email)).update();
  }

  @EventListener
  void on(AuthenticationSuccessEvent e) {
    if (e.getAuthentication().getName().startsWith("apikey:")) return;
    succeeded(e.getAuthentication().getName());
    audit.record(e.getAuthentication().getName(), "login.succeeded", e.getAuthentication().getName(), Map.of());
  }

  @EventListener
  void on(AbstractAuthenticationFailureEvent e) {
    String email = String.valueOf(e.getAuthentication().getName());
    if (e instanceof AuthenticationFailureLockedEvent) {
      audit.record("anonymous", "login.refused_locked", email, Map.of());
      return;
    }
    audit.record("anonymous", "login.failed", email, Map.of("reason", e.getException().getClass().getSimpleName()));
    if (e instanceof AuthenticationFailureBadCredentialsEvent) {
      failed(email).ifPresent(until -> audit.record("system", "login.locked", email, Map.of("until", until.toString())));
    }
  }

  @EventListener
  void on(LogoutSuccessEvent e) {
    audit.record(e.getAuthentication().getName(), "logout", e.getAuthentication().getName(), Map.of());
  }

  private static String key(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
