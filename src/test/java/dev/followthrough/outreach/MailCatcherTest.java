package dev.followthrough.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.followthrough.responses.ContactPreferences;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.support.IntegrationTest;
import dev.followthrough.support.RecordedEvents;
import dev.followthrough.support.TestClock;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without an SMTP server, email is caught: kept for the outbox viewer and counted as delivered,
 * with no retry. The shared test context has GreenMail configured, so the caught path runs through
 * an outbox built here with the catcher as its only email transport (the same code the application
 * wires when {@code spring.mail.host} is empty, which the condition test below checks).
 */
class MailCatcherTest extends IntegrationTest {

  @Autowired SchedulerClient timers;
  @Autowired OneTimeTask<Void> outreachSendTask;
  @Autowired ResponseQueries responses;
  @Autowired ContactPreferences preferences;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired OutreachSettings settings;
  @Autowired Clock clock;
  @Autowired RecordedEvents recorded;
  @Autowired CaughtMail caught;

  @Test
  void without_a_mail_host_the_catcher_replaces_smtp_and_with_one_smtp_is_used() {
    var runner = new ApplicationContextRunner()
        .withBean(JdbcClient.class, () -> jdbc).withBean(Clock.class, () -> TestClock.INSTANCE)
        .withBean(OutreachSettings.class, () -> settings)
        .withUserConfiguration(MailCatcher.class, SmtpMailer.class);
    runner.withPropertyValues("spring.mail.host=").run(c -> {
      assertThat(c).hasSingleBean(MailCatcher.class).doesNotHaveBean(SmtpMailer.class);
    });
    runner.run(c -> assertThat(c).hasSingleBean(MailCatcher.class).doesNotHaveBean(SmtpMailer.class));
    runner.withPropertyValues("spring.mail.host=smtp.example.test").run(c -> {
      assertThat(c).hasSingleBean(SmtpMailer.class).doesNotHaveBean(MailCatcher.class);
    });
  }

  @Test
  void a_caught_email_counts_as_delivered_once_never_reaches_smtp_and_keeps_its_links() {
    var catcher = new MailCatcher(jdbc, clock);
    var outbox = new Outbox(jdbc, timers, outreachSendTask, List.of(catcher), responses, preferences, events, tx,
        settings, clock);
    String to = unique("caught") + "@customer.example";
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("""
        INSERT INTO outreach_message (id, idempotency_key, kind, channel, customer, recipient, subject, body_text, body_html,
               status, attempts, not_before, created_at, updated_at)
        VALUES (?, ?, 'owner_alert', 'email', false, ?, 'Caught alert', 'Open it: http://127.0.0.1/cases/x.',
               '<p><a href="http://127.0.0.1/cases/x?a=1&amp;b=2">Open the case</a></p>', 'pending', 0, ?, ?, ?)""")
        .params(id, "test:" + id, to, now, now, now).update();

    outbox.attempt(id, 0, 0);
    outbox.attempt(id, 0, 0); // a timer firing twice catches once

    assertThat(jdbc.sql("SELECT status FROM outreach_message WHERE id = ?").param(id).query(String.class).single())
        .isEqualTo("sent");
    assertThat(jdbc.sql("SELECT count(*) FROM outreach_caught WHERE message_id = ?").param(id).query(Long.class).single())
        .isEqualTo(1);
    assertThat(recorded.of(MessageDelivered.class)).filteredOn(e -> e.messageId().equals(id)).hasSize(1);
    assertThat(MAIL.getReceivedMessages()).noneMatch(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(to);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    });
    var email = caught.find(id).orElseThrow();
    assertThat(email.links()).containsExactly("http://127.0.0.1/cases/x?a=1&b=2", "http://127.0.0.1/cases/x");
    assertThat(caught.list(1000)).anyMatch(c -> c.message().id().equals(id));
    assertThat(caught.catching()).as("the shared test context has an SMTP server").isFalse();
  }
}
