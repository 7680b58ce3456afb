package dev.followthrough.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.responses.ContactPreferences;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP that is down or refuses: retries with exponential backoff, the dead-letter list, "retry",
 * and a permanent 5xx that marks the address undeliverable. The test points the application's real
 * mail sender at a closed port or a tiny refusing SMTP server, and back at GreenMail afterwards.
 */
class DeliveryFailureTest extends OutreachFixtures {

  @Autowired JavaMailSenderImpl mailSender;
  @Autowired ContactPreferences preferences;
  @Autowired Composer composer;

  @AfterEach
  void backToGreenMail() {
    mailSender.setPort(SMTP_PORT);
  }

  private Map<String, Object> invitation(UUID caseId) {
    return rows(caseId).stream().filter(r -> "invitation".equals(r.get("kind"))).findFirst().orElseThrow();
  }

  private Map<String, Object> awaitAttempts(UUID caseId, int attempts, String status) {
    return await(attempts + " attempts", () -> {
      scheduler.triggerCheckForDueExecutions();
      return rows(caseId).stream().filter(r -> "invitation".equals(r.get("kind")))
          .filter(r -> ((Number) r.get("attempts")).intValue() == attempts && status.equals(r.get("status"))).findFirst();
    });
  }

  private long waitSeconds(UUID caseId) {
    return jdbc.sql("SELECT extract(epoch FROM next_attempt_at - updated_at)::bigint FROM outreach_message WHERE case_id = ? AND kind = 'invitation'")
        .param(caseId).query(Long.class).single();
  }

  @Test
  void smtp_down_retries_with_backoff_then_dead_letters_and_retry_sends_it() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    mailSender.setPort(closed);
    Customer c = aCustomer(3, "Nobody answers", null, zoneAt(12));
    UUID caseId = anInterviewCase(c);

    List<Long> waits = new ArrayList<>();
    for (int attempt = 1; attempt < 6; attempt++) {
      awaitAttempts(caseId, attempt, "pending");
      long wait = waitSeconds(caseId);
      waits.add(wait);
      advance(Duration.ofSeconds(wait - 5)); // not yet: nothing happens before the backoff is over
      scheduler.triggerCheckForDueExecutions();
      assertThat(((Number) invitation(caseId).get("attempts")).intValue()).isEqualTo(attempt);
      advance(Duration.ofSeconds(10));
    }
    assertThat(waits).containsExactly(60L, 120L, 240L, 480L, 960L);
    var dead = awaitAttempts(caseId, 6, "dead");
    assertThat((String) dead.get("reason")).contains("gave up after 6 attempts");
    var deadLetters = get("/api/v1/messages?status=dead").json().get("items");
    assertThat(deadLetters.toString()).contains(dead.get("id").toString());
    assertThat(mailTo(c.email())).isEmpty();

    mailSender.setPort(SMTP_PORT);
    var retried = post("/api/v1/messages/" + dead.get("id") + "/retry", "{}");
    assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
    awaitMail(c.email());
    awaitRow(caseId, "invitation", "sent");
    assertThat(post("/api/v1/messages/" + dead.get("id") + "/retry", "{}").status()).isEqualTo(409);
  }

  @Test
  void a_permanent_5xx_marks_the_address_undeliverable_and_later_mail_is_suppressed() throws Exception {
    try (RefusingSmtp smtp = new RefusingSmtp()) {
      mailSender.setPort(smtp.port());
      Customer c = aCustomer(2, "Bad", null, zoneAt(12));
      UUID caseId = anInterviewCase(c);
      var dead = awaitRow(caseId, "invitation", "dead");
      assertThat((String) dead.get("reason")).startsWith("permanent failure: 550");
      assertThat(((Number) dead.get("attempts")).intValue()).isEqualTo(1);
      assertThat(preferences.undeliverable(c.contactId())).isPresent();
      mailSender.setPort(SMTP_PORT);

      // the next customer email to that contact is not even tried (a reopened case's new invitation)
      composer.invitation(caseId, 2);
      var next = rows(caseId).stream().filter(r -> String.valueOf(r.get("idempotency_key")).endsWith(":2")).findFirst().orElseThrow();
      assertThat(next.get("status")).isEqualTo("suppressed");
      assertThat(next.get("reason").toString()).startsWith("address undeliverable");
    }
  }

  /** An SMTP server that knows no one: 550 to every RCPT TO. */
  static final class RefusingSmtp implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0);
    private final Thread thread;

    RefusingSmtp() throws Exception {
      thread = Thread.ofVirtual().start(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            write(out, "220 refusing.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
              String cmd = line.toUpperCase();
              if (cmd.startsWith("EHLO")) write(out, "250-refusing.test\r\n250 OK");
              else if (cmd.startsWith("RCPT")) write(out, "550 5.1.1 No such user here");
              else if (cmd.startsWith("QUIT")) {
                write(out, "221 Bye");
                break;
              } else write(out, "250 OK");
            }
          } catch (Exception e) {
            // closed
          }
        }
      });
    }

    int port() {
      return server.getLocalPort();
    }

    private static void write(OutputStream out, String s) throws java.io.IOException {
      out.write((s + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    @Override
    public void close() throws Exception {
      server.close();
      thread.join(2000);
    }
  }
}
