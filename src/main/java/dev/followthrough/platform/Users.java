package dev.followthrough.platform;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Console users. Email is the login; passwords are hashed with bcrypt (Spring's delegating encoder). */
@Service
public class Users implements UserDetailsService {

  public record ConsoleUser(UUID id, String email, String displayName, Role role, boolean disabled) {}

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final LoginAttempts attempts;

  Users(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, LoginAttempts attempts) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.clock = clock;
    this.attempts = attempts;
  }

  public ConsoleUser create(String email, String displayName, String password, Role role) {
    if (email == null || !email.contains("@")) throw new IllegalArgumentException("email must be an email address");
    if (password == null || password.length() < 12) throw new IllegalArgumentException("password must have at least 12 characters");
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO platform_user (id, email, display_name, password_hash, role, created_at)
        VALUES (:id, :email, :name, :hash, :role, :now)""")
        .param("id", id).param("email", email.trim()).param("name", displayName)
        .param("hash", encoder.encode(password)).param("role", role.key())
        .param("now", java.sql.Timestamp.from(clock.instant())).update();
    return new ConsoleUser(id, email.trim(), displayName, role, false);
  }

  public boolean isEmpty() {
    return jdbc.sql("SELECT count(*) FROM platform_user").query(Long.class).single() == 0;
  }

  public List<ConsoleUser> list() {
    return jdbc.sql("SELECT id, email, display_name, role, disabled FROM platform_user ORDER BY email")
        .query((rs, i) -> new ConsoleUser(rs.getObject("id", UUID.class), rs.getString("email"),
            rs.getString("display_name"), Role.parse(rs.getString("role")), rs.getBoolean("disabled")))
        .list();
  }

  public Optional<ConsoleUser> byEmail(String email) {
    return jdbc.sql("SELECT id, email, display_name, role, disabled FROM platform_user WHERE lower(email) = lower(:e)")
        .param("e", email)
        .query((rs, i) -> new ConsoleUser(rs.getObject("id", UUID.class), rs.getString("email"),
            rs.getString("display_name"), Role.parse(rs.getString("role")), rs.getBoolean("disabled")))
        .optional();
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    return jdbc.sql("SELECT email, password_hash, role, disabled FROM platform_user WHERE lower(email) = lower(:e)")
        .param("e", email)
        .query((rs, i) -> User.withUsername(rs.getString("email"))
            .password(rs.getString("password_hash"))
            .authorities(AuthorityUtils.createAuthorityList(Role.parse(rs.getString("role")).authority()))
            .disabled(rs.getBoolean("disabled"))
            .accountLocked(attempts.lockedUntil(email).isPresent()) // checked before the password is
            .build())
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }
}
