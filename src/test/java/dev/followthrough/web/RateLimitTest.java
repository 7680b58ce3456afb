package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The doors open to anyone are rate-limited per client address: past the limit, 429 problem+json naming
 * {@code rate}, with {@code Retry-After}. The client address comes from {@code X-Forwarded-For} because
 * the test's loopback connection is a trusted proxy (as a reverse proxy on the same host would be).
 */
class RateLimitTest extends IntegrationTest {

  private static String anAddress() {
    return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
  }

  /**
   * Sends requests until the first 429: at least {@code limit} pass, and no more than the bucket can have
   * refilled meanwhile (it refills evenly, {@code limit} a minute).
   */
  private void assertLimited(int limit, Function<String, HttpRequest.Builder> request) {
    String client = anAddress();
    long start = System.nanoTime();
    int passed = 0;
    Limited limited = null;
    while (passed <= limit * 3) {
      var r = sendWithHeaders(request.apply(client).header("X-Forwarded-For", client));
      if (r.status() == 429) {
        limited = r;
        break;
      }
      assertThat(r.status()).as("request " + (passed + 1) + ": " + r).isLessThan(500);
      passed++;
    }
    double minutes = (System.nanoTime() - start) / 60e9;
    assertThat(limited).as("never limited after " + passed + " requests").isNotNull();
    assertThat(passed).isBetween(limit, limit + (int) Math.ceil(limit * minutes) + 1);
    assertThat(limited.contentType()).startsWith("application/problem+json");
    assertThat(limited.body()).contains("\"field\":\"rate\"");
    assertThat(Long.parseLong(limited.retryAfter())).isBetween(1L, 60L);

    String other = client.equals("203.0.113.9") ? "203.0.113.10" : "203.0.113.9";
    assertThat(send(request.apply(other).header("X-Forwarded-For", other)).status()).as("another address has its own bucket")
        .isNotEqualTo(429);
  }

  record Limited(int status, String contentType, String body, String retryAfter) {}

  private Limited sendWithHeaders(HttpRequest.Builder b) {
    try {
      var r = HTTP.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      return new Limited(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
          r.headers().firstValue("Retry-After").orElse("0"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void customer_token_pages_allow_60_a_minute_per_address() {
    assertLimited(60, ip -> HttpRequest.newBuilder(URI.create(url("/s/not-a-token"))).GET());
  }

  @Test
  void the_interview_token_api_shares_the_customer_pages_limit() {
    String client = anAddress();
    String[] paths = {"/i/tampered", "/api/v1/interviews/tampered", "/u/tampered"};
    int passed = 0;
    while (passed < 200) {
      var r = send(HttpRequest.newBuilder(URI.create(url(paths[passed % 3]))).header("X-Forwarded-For", client).GET());
      if (r.status() == 429) break;
      passed++;
    }
    assertThat(passed).as("one bucket for all three").isBetween(60, 75);
  }

  @Test
  void login_attempts_allow_20_a_minute_per_address_with_or_without_csrf() {
    assertLimited(20, ip -> HttpRequest.newBuilder(URI.create(url("/login")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=nobody%40example.test&password=x")));
  }

  @Test
  void the_widget_allows_120_a_minute_per_address() {
    assertLimited(120, ip -> HttpRequest.newBuilder(URI.create(url("/w/v1/check"))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"contact\":\"c\",\"timestamp\":1,\"signature\":\"x\"}")));
  }

  @Test
  void vendor_hooks_allow_600_a_minute_per_address() {
    assertLimited(600, ip -> HttpRequest.newBuilder(URI.create(url("/hooks/no-such-source"))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  @Test
  void the_console_and_the_api_are_not_limited_by_these_buckets() {
    String client = anAddress();
    for (int i = 0; i < 70; i++) {
      assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/v1/nps"))).header("Authorization", "Bearer " + ADMIN_KEY)
          .header("X-Forwarded-For", client).GET()).status()).isEqualTo(200);
    }
  }
}
