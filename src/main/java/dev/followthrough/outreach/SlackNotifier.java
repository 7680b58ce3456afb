package dev.followthrough.outreach;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slack incoming webhooks: the message's Block Kit JSON is posted to the recipient team's webhook URL,
 * looked up when sending (the URL is a secret: the delivery log names the team, never the URL). Slack
 * answers 4xx for a revoked hook or an archived channel (permanent), 429 and 5xx when busy.
 */
@Component
class SlackNotifier implements Transport {

  private final SlackChannels channels;
  private final HttpClient http;
  private final OutreachSettings settings;

  SlackNotifier(SlackChannels channels, OutreachSettings settings) {
    this.channels = channels;
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.httpTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public String channel() {
    return "slack";
  }

  @Override
  public Result send(Outbox.Stored m) {
    Optional<String> url = channels.webhookUrl(m.recipient());
    if (url.isEmpty()) return new Result.Permanent("no Slack webhook for team " + m.recipient());
    return post(http, URI.create(url.get()), m.payload(), settings, null);
  }

  static Result post(HttpClient http, URI uri, String body, OutreachSettings settings, java.util.Map<String, String> headers) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.httpTimeout())
          .header("Content-Type", "application/json").header("User-Agent", "Followthrough")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      if (headers != null) headers.forEach(b::header);
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      int s = r.statusCode();
      if (s >= 200 && s < 300) return new Result.Sent();
      String reason = "HTTP " + s + (r.body() == null || r.body().isBlank() ? "" : ": " + cut(r.body()));
      return s == 410 || s == 404 || s == 403 || s == 401 ? new Result.Permanent(reason) : new Result.Temporary(reason);
    } catch (IOException e) {
      return new Result.Temporary(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result.Temporary("interrupted");
    } catch (IllegalArgumentException e) {
      return new Result.Permanent("bad URL: " + e.getMessage());
    }
  }

  private static String cut(String s) {
    return s.length() > 300 ? s.substring(0, 300) : s;
  }
}
