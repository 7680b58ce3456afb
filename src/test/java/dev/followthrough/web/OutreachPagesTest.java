package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.followup.FollowUps;
import dev.followthrough.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The outreach pages over HTTP: template editor with live preview, dead letters with retry, the case's deliveries. */
class OutreachPagesTest extends IntegrationTest {

  @Autowired FollowUps followUps;
  @Autowired com.github.kagkarlsson.scheduler.Scheduler scheduler;

  @Test
  void the_template_editor_previews_live_with_customer_text_escaped_and_saves() {
    var admin = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    var page = admin.get("/outreach/templates/invitation.recover/en");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.body()).contains("data-testid=\"template-form\"").contains("hx-post=\"/outreach/templates/preview\"")
        .contains("{{firstName}}").contains("data-testid=\"preview\"");

    var preview = admin.post("/outreach/templates/preview", Map.of("_csrf", page.csrf(), "subject", "Hi {{firstName}}",
        "body", "You wrote: {{comment}}", "comment", "<script>alert(1)</script>"));
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert")
        .contains("Hi Dana").doesNotContain("<html");

    var saved = admin.post("/outreach/templates/owner_alert/en", Map.of("_csrf", page.csrf(), "subject", "New case {{score}}",
        "body", "Call {{contactName}}: {{caseLink}}", "action", "save"));
    assertThat(saved.status()).isEqualTo(302);
    assertThat(admin.get("/outreach/templates/owner_alert/en").body()).contains("New case {{score}}").contains("Edited");
    assertThat(admin.post("/outreach/templates/owner_alert/en", Map.of("_csrf", page.csrf(), "action", "reset")).status())
        .isEqualTo(302);
    assertThat(admin.get("/outreach/templates/owner_alert/en").body()).contains("Shipped default");
  }

  @Test
  void the_outbox_viewer_shows_a_caught_email_sandboxed_with_its_text_and_links_to_agents_only() {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("""
        INSERT INTO outreach_message (id, idempotency_key, kind, channel, customer, recipient, subject, body_text, body_html,
               status, attempts, not_before, created_at, updated_at, sent_at)
        VALUES (?, ?, 'invitation', 'email', true, 'robin@customer.example', 'Can we talk?', 'Talk to us: http://127.0.0.1/i/tok',
               '<html><head></head><body><p>Hi <b>Robin</b> <a href="http://127.0.0.1/i/tok">start</a></p><script>x()</script></body></html>',
               'sent', 1, ?, ?, ?, ?)""")
        .params(id, "test:" + id, now, now, now, now).update();
    jdbc.sql("INSERT INTO outreach_caught (message_id, caught_at) VALUES (?, ?)").params(id, now).update();

    var agent = CasePagesTest.newUser(port, dev.followthrough.platform.Role.AGENT);
    var list = agent.get("/outreach/preview");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.body()).contains("href=\"/outreach/preview/" + id + "\"").contains("Can we talk?");

    var open = agent.get("/outreach/preview/" + id);
    assertThat(open.status()).isEqualTo(200);
    String body = open.body();
    assertThat(body).contains("data-testid=\"caught-email\"").contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"")
        .contains("Talk to us: http://127.0.0.1/i/tok")
        .contains("<a href=\"http://127.0.0.1/i/tok\" target=\"_blank\" rel=\"noopener\">")
        // the HTML part only inside the frame's srcdoc, escaped, with links opening a new tab
        .contains("srcdoc=\"&lt;html>&lt;head>&lt;base target=&#34;_blank&#34;>").doesNotContain("<b>Robin</b>")
        .doesNotContain("<script>x()");
    assertThat(agent.get("/outreach/preview/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(CasePagesTest.newUser(port, dev.followthrough.platform.Role.VIEWER).get("/outreach/preview").status())
        .isEqualTo(403);
  }

  @Test
  void a_viewer_sees_the_dead_letters_but_cannot_retry_and_an_agent_can() {
    String to = unique("dead") + "@example.test";
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO outreach_message (id, idempotency_key, kind, channel, customer, recipient, subject, body_text, body_html,
               status, reason, attempts, not_before, created_at, updated_at)
        VALUES (?, ?, 'owner_alert', 'email', false, ?, 'A dead letter', 'Hello', '<p>Hello</p>', 'dead',
               'gave up after 6 attempts', 6, ?, ?, ?)""")
        .params(id, "test:" + id, to, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()))
        .update();

    var viewer = CasePagesTest.newUser(port, dev.followthrough.platform.Role.VIEWER);
    var seen = viewer.get("/outreach");
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.body()).contains("data-message=\"" + id + "\"").contains("gave up after 6 attempts")
        .doesNotContain("/outreach/messages/" + id + "/retry");
    assertThat(viewer.post("/outreach/messages/" + id + "/retry", Map.of("_csrf", seen.csrf())).status()).isEqualTo(403);

    var agent = CasePagesTest.newUser(port, dev.followthrough.platform.Role.AGENT);
    var page = agent.get("/outreach");
    assertThat(page.body()).contains("/outreach/messages/" + id + "/retry");
    var retried = agent.post("/outreach/messages/" + id + "/retry", Map.of("_csrf", page.csrf()));
    assertThat(retried.status()).isEqualTo(302);
    await("the retried message in the mailbox", () -> Arrays.stream(trigger(MAIL.getReceivedMessages())).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().contains(to);
      } catch (Exception e) {
        return false;
      }
    }).findFirst());
    assertThat(agent.get("/outreach").body()).doesNotContain("data-message=\"" + id + "\"");
  }

  @Test
  void the_case_page_lists_its_deliveries() {
    String owner = unique("owner") + "@us.example";
    UUID caseId = CasePagesTest.aCase(this::post, followUps, "Slow exports", owner, 2);
    await("the owner alert", () -> {
      scheduler.triggerCheckForDueExecutions();
      var items = get("/api/v1/messages?caseId=" + caseId).json().get("items");
      return items.size() > 0 && items.toString().contains("\"status\":\"sent\"") ? Optional.of(items) : Optional.empty();
    });
    var agent = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    var page = agent.get("/cases/" + caseId);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("data-testid=\"deliveries\"").contains("owner_alert").contains(owner);
  }

  private <T> T trigger(T value) {
    scheduler.triggerCheckForDueExecutions();
    return value;
  }
}
