package dev.followthrough.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.followup.CaseOpened;
import dev.followthrough.responses.ContactPreferences;
import dev.followthrough.support.RecordedEvents;
import dev.followthrough.support.TestClock;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.OwnerPolicy;
import dev.followthrough.triggers.Play;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Customer and owner emails over real SMTP (GreenMail), driven by real case events. */
class EmailOutreachTest extends OutreachFixtures {

  @Autowired Links links;
  @Autowired OutreachListeners listeners;
  @Autowired dev.followthrough.platform.Stage<CaseOpened> outreachCaseOpenedStage;
  @Autowired RecordedEvents events;
  @Autowired ContactPreferences preferences;
  @Autowired Digests digests;

  @Test
  void an_interview_case_gets_exactly_one_invitation_with_both_parts_one_click_unsubscribe_and_a_working_link() throws Exception {
    Customer c = aCustomer(3, "Exports keep timing out", null, zoneAt(12));
    UUID caseId = anInterviewCase(c);

    MimeMessage mail = awaitMail(c.email());
    Map<String, String> parts = parts(mail);
    assertThat(parts).containsKeys("text/plain", "text/html");
    assertThat(mail.getSubject()).contains("Thank you");
    String text = parts.get("text/plain");
    assertThat(text).contains("Hi Dana").contains("3 out of 10").contains("Exports keep timing out")
        .doesNotContainIgnoringCase("sorry").doesNotContain("give us a 10");
    assertThat(parts.get("text/html")).contains("<a href=\"").contains("/i/");
    assertThat(mail.getHeader("List-Unsubscribe")[0]).matches("<http.*/u/[A-Za-z0-9_.-]+>");
    assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

    String token = find(text, "/i/([A-Za-z0-9_.-]+)").orElseThrow();
    var claims = links.verify(token).orElseThrow();
    assertThat(claims.purpose()).isEqualTo("interview");
    assertThat(claims.caseId()).isEqualTo(caseId);
    assertThat(claims.contactId()).isEqualTo(c.contactId());
    assertThat(claims.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(13)));
    assertThat(links.verify((token.charAt(0) == 'x' ? "y" : "x") + token.substring(1))).isEmpty();
    assertThat(links.verify(token.substring(0, 3) + (token.charAt(3) == 'x' ? 'y' : 'x') + token.substring(4))).isEmpty();

    // the pipeline delivers at least once: the same event again (a batch handled twice) sends nothing new
    CaseOpened opened = events.of(CaseOpened.class).stream().filter(e -> e.caseId().equals(caseId)).findFirst().orElseThrow();
    outreachCaseOpenedStage.handle(java.util.List.of(opened));
    outreachCaseOpenedStage.handle(java.util.List.of(opened, opened));
    scheduler.triggerCheckForDueExecutions();
    assertThat(rows(caseId).stream().filter(r -> "invitation".equals(r.get("kind")))).hasSize(1);
    awaitRow(caseId, "invitation", "sent");
    assertThat(mailTo(c.email())).hasSize(1);
  }

  @Test
  void the_owner_alert_carries_the_customers_context_and_the_case_link() throws Exception {
    String owner = unique("owner") + "@us.example";
    Customer c = aCustomer(2, "Support never called back", owner, null);
    UUID caseId = openCase(c, Channel.CALL, Play.RECOVER, Duration.ofHours(24), OwnerPolicy.ACCOUNT_OWNER, null);

    MimeMessage mail = awaitMail(owner);
    String text = parts(mail).get("text/plain");
    assertThat(mail.getSubject()).contains("detractor 2").contains("Dana Ruiz");
    assertThat(text).contains("Score: 2 (detractor)").contains("Support never called back").contains("ARR 240,000")
        .contains("renewal 31 Jan 2030").contains("/cases/" + caseId);
    assertThat(mail.getHeader("List-Unsubscribe")).isNull();
    assertThat(mailTo(c.email())).isEmpty(); // a person calls this customer: no invitation
  }

  @Test
  void the_owner_is_reminded_at_75_percent_of_the_sla_and_gets_a_daily_digest() throws Exception {
    String owner = unique("busy") + "@us.example";
    Customer c = aCustomer(4, "Invoices are wrong", owner, null);
    UUID caseId = openCase(c, Channel.EMAIL, Play.RECOVER, Duration.ofHours(24), OwnerPolicy.ACCOUNT_OWNER, null);
    awaitMail(owner);

    assertThat(digests.send()).isGreaterThanOrEqualTo(1);
    var digest = await("the digest", () -> {
      scheduler.triggerCheckForDueExecutions();
      return mailTo(owner).stream().filter(m -> subject(m).startsWith("Your follow-ups today")).findFirst();
    });
    assertThat(parts(digest).get("text/plain")).contains("open: 1 ·").contains("/cases/" + caseId);
    digests.send(); // the same day again: nothing new
    assertThat(jdbc.sql("SELECT count(*) FROM outreach_message WHERE idempotency_key LIKE ?").param("digest:" + owner + ":%")
        .query(Long.class).single()).isEqualTo(1);
    TestClock.INSTANCE.advance(Duration.ofHours(19));
    var reminder = await("the reminder", () -> {
      scheduler.triggerCheckForDueExecutions();
      return mailTo(owner).stream().filter(m -> subject(m).startsWith("Reminder")).findFirst();
    });
    assertThat(parts(reminder).get("text/plain")).contains("Invoices are wrong");
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_resurvey_asks_the_customer_once_with_a_personal_survey_link() throws Exception {
    Customer c = aCustomer(3, "Slow support", null, zoneAt(12));
    UUID caseId = anInterviewCase(c);
    awaitMail(c.email());
    var due = new dev.followthrough.followup.ResurveyDue(caseId, c.contactId(), c.accountId(), c.responseId(), 3,
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    listeners.on(due);
    listeners.on(due); // redelivered
    var row = awaitRow(caseId, "resurvey", "sent");
    assertThat(rows(caseId).stream().filter(r -> "resurvey".equals(r.get("kind")))).hasSize(1);
    MimeMessage mail = mailTo(c.email()).stream().filter(m -> subject(m).startsWith("How are we doing now")).findFirst().orElseThrow();
    String token = find(parts(mail).get("text/plain"), "/s/([A-Za-z0-9_.-]+)").orElseThrow();
    assertThat(links.verify(token).orElseThrow().purpose()).isEqualTo("survey");
    assertThat(row.get("recipient")).isEqualTo(c.email());
  }

  @Test
  void an_owner_who_is_neither_an_email_nor_a_user_is_skipped_with_the_reason() {
    Customer c = aCustomer(2, null, "Nobody We Know", null);
    UUID caseId = openCase(c, Channel.EMAIL, Play.RECOVER, Duration.ofHours(24), OwnerPolicy.ACCOUNT_OWNER, null);
    var row = awaitRow(caseId, "owner_alert", "skipped");
    assertThat((String) row.get("reason")).contains("Nobody We Know").contains("neither an email");
  }

  @Test
  void an_opted_out_contact_gets_nothing_and_the_log_says_suppressed() {
    Customer c = aCustomer(4, "Too expensive", null, zoneAt(12));
    assertThat(post("/api/v1/contacts/" + c.contactId() + "/opt-out", "{}").status()).isBetween(200, 204);
    UUID caseId = anInterviewCase(c);
    var row = awaitRow(caseId, "invitation", "suppressed");
    assertThat(row.get("reason")).isEqualTo("contact opted out");
    // the case's messages: other tests' outbound webhooks (response.recorded) may also name this contact
    var log = get("/api/v1/messages?caseId=" + caseId).json();
    var invitations = new java.util.ArrayList<String>();
    log.get("items").forEach(m -> { if ("invitation".equals(m.get("kind").asString())) invitations.add(m.get("status").asString()); });
    assertThat(invitations).containsExactly("suppressed");
    assertThat(mailTo(c.email())).isEmpty();
  }

  @Test
  void at_23_local_the_invitation_waits_for_8_local_unless_the_deadline_is_earlier() {
    String zone = zoneAt(23);
    Customer night = aCustomer(3, "Slow", null, zone);
    UUID caseId = anInterviewCase(night); // 48 h SLA: the end of the night is well before the deadline
    var row = awaitRow(caseId, "invitation", "pending");
    Instant notBefore = ((Timestamp) row.get("not_before")).toInstant();
    assertThat(notBefore.atZone(ZoneId.of(zone)).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    assertThat(notBefore).isBetween(Instant.now().plus(Duration.ofHours(7)), Instant.now().plus(Duration.ofHours(10)));
    scheduler.triggerCheckForDueExecutions();
    assertThat(mailTo(night.email())).isEmpty();

    // an SLA that ends before 08:00 is kept: the email goes now
    Customer urgent = aCustomer(1, "Broken", null, zone);
    UUID urgentCase = openCase(urgent, Channel.INTERVIEW, Play.RECOVER, Duration.ofHours(4), OwnerPolicy.UNASSIGNED, null);
    awaitMail(urgent.email());
    awaitRow(urgentCase, "invitation", "sent");

    TestClock.INSTANCE.advance(Duration.between(Instant.now(), notBefore).plusMinutes(1));
    awaitMail(night.email());
    awaitRow(caseId, "invitation", "sent");
  }

  @Test
  void the_unsubscribe_link_opts_out_with_one_click_and_refuses_a_tampered_token() throws Exception {
    Customer c = aCustomer(5, null, null, zoneAt(12));
    anInterviewCase(c);
    MimeMessage mail = awaitMail(c.email());
    String url = mail.getHeader("List-Unsubscribe")[0];
    String token = find(url, "/u/([A-Za-z0-9_.-]+)>").orElseThrow();

    var page = send(HttpRequest.newBuilder(URI.create(url("/u/" + token))).GET());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("confirm-unsubscribe");
    assertThat(optedOut(c.contactId())).isFalse(); // a GET (a link scanner) changes nothing

    String tampered = token.substring(0, 5) + (token.charAt(5) == 'x' ? 'y' : 'x') + token.substring(6);
    var refused = send(HttpRequest.newBuilder(URI.create(url("/u/" + tampered)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
    assertThat(refused.status()).isEqualTo(404);
    assertThat(optedOut(c.contactId())).isFalse();

    // RFC 8058: the mail client posts without a session or CSRF token
    var done = send(HttpRequest.newBuilder(URI.create(url("/u/" + token)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("unsubscribed");
    assertThat(optedOut(c.contactId())).isTrue();
  }

  @Test
  void the_preview_escapes_customer_text_in_the_html_part() {
    var r = post("/api/v1/templates/preview", """
        {"subject": "Hi {{firstName}}", "body": "You wrote: {{comment}}", "comment": "<script>alert('x')</script> & more"}""");
    assertThat(r.status()).isEqualTo(200);
    String html = r.json().get("html").asString();
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more").doesNotContain("<script>");
    assertThat(r.json().get("text").asString()).contains("<script>alert('x')</script>");
  }

  private boolean optedOut(UUID contactId) {
    return jdbc.sql("SELECT opted_out_at IS NOT NULL FROM responses_contact WHERE id = ?").param(contactId)
        .query(Boolean.class).single();
  }

  static Optional<String> header(MimeMessage m, String name) throws Exception {
    String[] v = m.getHeader(name);
    return v == null ? Optional.empty() : Optional.of(v[0]);
  }
}
