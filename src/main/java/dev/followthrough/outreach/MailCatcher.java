package dev.followthrough.outreach;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The email transport when no SMTP server is configured: every email is kept on this machine for
 * the outbox viewer ({@code /outreach/preview}) and counts as delivered, so the loop (invitation →
 * interview → re-survey) still runs in development and in the demo. No retries and no log line per
 * message: one line at start-up says where the mail went.
 */
@Component
@Conditional(MailServer.Missing.class)
class MailCatcher implements Transport {

  private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  MailCatcher(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    log.warn("No SMTP server configured (spring.mail.host is empty): email is not sent but kept in the outbox viewer at /outreach/preview");
  }

  @Override
  public String channel() {
    return "email";
  }

  @Override
  public Result send(Outbox.Stored message) {
    jdbc.sql("INSERT INTO outreach_caught (message_id, caught_at) VALUES (:id, :now) ON CONFLICT DO NOTHING")
        .param("id", message.id()).param("now", Timestamp.from(clock.instant())).update();
    return new Result.Sent();
  }
}
