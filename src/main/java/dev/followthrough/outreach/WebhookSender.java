package dev.followthrough.outreach;

import dev.followthrough.outreach.domain.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Outbound webhooks, signed per the Standard Webhooks specification: {@code webhook-id} (the
 * message id, the same on every try, so receivers can deduplicate), {@code webhook-timestamp}
 * (seconds, at this try) and {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256>} over
 * {@code id.timestamp.body}). 410 Gone stops the subscription's message for good; any other non-2xx
 * is retried with backoff.
 */
@Component
class WebhookSender implements Transport {

  private final WebhookSubscriptions subscriptions;
  private final OutreachSettings settings;
  private final Clock clock;
  private final HttpClient http;

  WebhookSender(WebhookSubscriptions subscriptions, OutreachSettings settings, Clock clock) {
    this.subscriptions = subscriptions;
    this.settings = settings;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(settings.httpTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public String channel() {
    return "webhook";
  }

  @Override
  public Result send(Outbox.Stored m) {
    var sub = subscriptions.target(m.subscriptionId());
    if (sub.isEmpty()) return new Result.Permanent("the webhook subscription was deleted or disabled");
    String id = "msg_" + m.id().toString().replace("-", "");
    long ts = clock.instant().getEpochSecond();
    String signature = WebhookSignature.sign(sub.get().secret(), id, ts, m.payload());
    return SlackNotifier.post(http, URI.create(sub.get().url()), m.payload(), settings,
        Map.of("webhook-id", id, "webhook-timestamp", Long.toString(ts), "webhook-signature", signature));
  }
}
