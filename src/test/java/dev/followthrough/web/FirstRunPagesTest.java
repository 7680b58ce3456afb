package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.platform.Role;
import dev.followthrough.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The getting-started checklist reads each step off real state. The shared test database already
 * has responses and users from other tests, so this test checks the steps that it drives itself:
 * SMTP (configured here: GreenMail), reviewing the rules, and a test survey reaching a user's address.
 */
class FirstRunPagesTest extends IntegrationTest {

  static final Pattern STEP = Pattern.compile("data-step=\"([a-z-]+)\" data-done=\"(true|false)\"");

  static Map<String, Boolean> steps(String body) {
    Map<String, Boolean> m = new java.util.LinkedHashMap<>();
    Matcher x = STEP.matcher(body);
    while (x.find()) m.put(x.group(1), Boolean.parseBoolean(x.group(2)));
    return m;
  }

  @Test
  void each_step_ticks_itself_off_from_the_state_it_produces() {
    var admin = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    var manager = CasePagesTest.newUser(port, Role.MANAGER); // a teammate
    var page = manager.get("/start");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    Map<String, Boolean> before = steps(page.body());
    assertThat(before.keySet()).containsExactly("source", "teammates", "rules", "smtp", "slack", "test-survey");
    assertThat(before).containsEntry("smtp", true).containsEntry("teammates", true);

    // rules: a manager says they read them (the step may already be done by another test's edit)
    if (!before.get("rules")) {
      assertThat(page.body()).contains("data-testid=\"rules-reviewed\"");
      assertThat(manager.post("/start/rules-reviewed", Map.of("_csrf", page.csrf())).status()).isEqualTo(302);
    }
    assertThat(steps(manager.get("/start").body())).containsEntry("rules", true);

    // a survey email delivered to a console user's own address
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("""
        INSERT INTO outreach_message (id, idempotency_key, kind, channel, customer, recipient, subject, status, attempts,
               not_before, created_at, updated_at, sent_at)
        VALUES (?, ?, 'survey', 'email', true, ?, 'How likely…', 'sent', 1, ?, ?, ?, ?)""")
        .params(id, "test:" + id, ADMIN_EMAIL.toUpperCase(), now, now, now, now).update();
    assertThat(steps(admin.get("/start").body())).containsEntry("test-survey", true);

    // a viewer sees the list but cannot tick the rules step
    var viewer = CasePagesTest.newUser(port, Role.VIEWER);
    assertThat(viewer.get("/start").status()).isEqualTo(200);
    assertThat(viewer.post("/start/rules-reviewed", Map.of("_csrf", viewer.get("/start").csrf())).status()).isEqualTo(403);
  }
}
