package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import dev.followthrough.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failed console logins lock the account with a doubling lockout, and every step is in the audit log. */
class LoginLockoutTest extends IntegrationTest {

  private static final String PASSWORD = "a-long-enough-password";

  private String newUser() {
    String email = unique("lock") + "@example.test";
    var admin = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    var r = admin.post("/settings/users", Map.of("_csrf", admin.get("/settings/users").csrf(), "email", email,
        "displayName", "Locked Out", "password", PASSWORD, "role", "agent"));
    assertThat(r.status()).as(r.toString()).isEqualTo(302);
    return email;
  }

  private static boolean signsIn(String email, String password, int port) {
    var r = new ConsoleSession(port).signIn(email, password);
    return r.status() == 302 && !r.location().contains("error");
  }

  private long audited(String action, String target) {
    return jdbc.sql("SELECT count(*) FROM platform_audit WHERE action = ? AND lower(target) = lower(?)").params(action, target)
        .query(Long.class).single();
  }

  private Instant lockedUntil(String email) {
    return jdbc.sql("SELECT locked_until FROM platform_login_failure WHERE email = lower(?)").param(email)
        .query(OffsetDateTime.class).single().toInstant();
  }

  @Test
  void five_failures_lock_the_account_even_for_the_right_password_until_the_lockout_ends_and_a_further_failure_doubles_it() {
    String email = newUser();
    for (int i = 0; i < 5; i++) assertThat(signsIn(email, "wrong-password-" + i, port)).isFalse();
    assertThat(audited("login.failed", email)).isEqualTo(5);
    assertThat(audited("login.locked", email)).isEqualTo(1);
    assertThat(Duration.between(TestClock.INSTANCE.instant(), lockedUntil(email))).isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));

    assertThat(signsIn(email, PASSWORD, port)).as("locked: the right password is refused too").isFalse();
    assertThat(audited("login.refused_locked", email)).isEqualTo(1);

    TestClock.INSTANCE.advance(Duration.ofSeconds(61));
    assertThat(signsIn(email, "wrong-again", port)).isFalse();
    assertThat(Duration.between(TestClock.INSTANCE.instant(), lockedUntil(email))).as("the second lockout is twice as long")
        .isBetween(Duration.ofSeconds(110), Duration.ofMinutes(2));
    assertThat(audited("login.locked", email)).isEqualTo(2);

    TestClock.INSTANCE.advance(Duration.ofSeconds(121));
    assertThat(signsIn(email, PASSWORD, port)).isTrue();
    assertThat(audited("login.succeeded", email)).isEqualTo(1);
    assertThat(jdbc.sql("SELECT count(*) FROM platform_login_failure WHERE email = lower(?)").param(email).query(Long.class).single())
        .as("a successful login forgets the failures").isZero();
  }

  @Test
  void an_unknown_account_is_counted_and_locked_the_same_way_so_a_lockout_reveals_nothing() {
    String ghost = unique("ghost") + "@example.test";
    for (int i = 0; i < 5; i++) assertThat(signsIn(ghost, "whatever-" + i, port)).isFalse();
    assertThat(audited("login.locked", ghost)).isEqualTo(1);
    assertThat(lockedUntil(ghost)).isAfter(TestClock.INSTANCE.instant());
  }

  @Test
  void failures_of_one_account_do_not_lock_another() {
    String a = newUser();
    String b = newUser();
    for (int i = 0; i < 5; i++) signsIn(a, "nope-" + i, port);
    assertThat(signsIn(b, PASSWORD, port)).isTrue();
  }
}
