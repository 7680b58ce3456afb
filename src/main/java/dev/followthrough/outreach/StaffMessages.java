package dev.followthrough.outreach;

import dev.followthrough.outreach.Recipients.Resolved;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Messages to staff (not customers) that other modules send, such as the periodic report. Each goes
 * through the outbox under the caller's idempotency key, so a repeated call — a second node, a rerun
 * timer — stores and sends nothing new. A recipient is an email address or a console user's name.
 */
@Service
public class StaffMessages {

  private final Outbox outbox;
  private final Recipients recipients;
  private final Composer composer;
  private final OutreachSettings settings;
  private final Clock clock;

  StaffMessages(Outbox outbox, Recipients recipients, Composer composer, OutreachSettings settings, Clock clock) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.composer = composer;
    this.settings = settings;
    this.clock = clock;
  }

  /** The outcome of one email: queued, already queued under this key, or nobody to send it to. */
  public sealed interface Sent {
    record Queued(String email) implements Sent {}

    record AlreadyQueued(String email) implements Sent {}

    record NoRecipient(String reason) implements Sent {}
  }

  /** Queues an email; {@code key} must be unique per message and recipient (e.g. {@code report:<id>:<who>}). */
  public Sent email(String key, String kind, String to, String subject, String text, String html) {
    Resolved r = recipients.resolve(to);
    Draft d = Draft.email(key, kind, false, null, null, null, r instanceof Resolved.To(String m) ? m : to,
        settings.defaultLanguage(), new Draft.Rendered(subject, text, html), null, clock.instant());
    if (r instanceof Resolved.Nobody(String reason)) {
      outbox.record(d, "skipped", reason);
      return new Sent.NoRecipient(reason);
    }
    String email = ((Resolved.To) r).email();
    Optional<java.util.UUID> id = outbox.enqueue(d);
    return id.isPresent() ? new Sent.Queued(email) : new Sent.AlreadyQueued(email);
  }

  /** Posts to a team's Slack channel when one is configured (nothing otherwise); idempotent by {@code key}. */
  public void slack(String key, String kind, String team, String title, List<String> lines) {
    composer.slackText(kind, key, team, title, lines);
  }
}
