package dev.followthrough.support;

import dev.followthrough.Followthrough;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base for tests against the real application: real HTTP on a random port, the real embedded
 * PostgreSQL (one per test JVM, in a fresh directory under the build directory), real security.
 * All subclasses share one Spring context, so keep the properties here identical for all of them.
 */
@SpringBootTest(classes = {Followthrough.class, TestClock.Config.class, RecordedEvents.Config.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

  public static final String ADMIN_KEY = "ft_test_admin_key_0123456789abcdef";
  public static final String ADMIN_EMAIL = "admin@example.test";
  public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

  protected static final Path DATA_DIR;
  protected static final int DB_PORT;
  /** A real SMTP server for the whole test JVM (outreach sends its emails here). */
  public static final com.icegreen.greenmail.util.GreenMail MAIL;
  public static final int SMTP_PORT;

  static {
    try {
      Path base = Path.of(System.getProperty("ft.testDataDir", "target/test-data"));
      Files.createDirectories(base);
      DATA_DIR = Files.createTempDirectory(base.toAbsolutePath(), "run-");
      try (ServerSocket s = new ServerSocket(0)) {
        DB_PORT = s.getLocalPort();
      }
      try (ServerSocket s = new ServerSocket(0)) {
        SMTP_PORT = s.getLocalPort();
      }
      MAIL = new com.icegreen.greenmail.util.GreenMail(
          new com.icegreen.greenmail.util.ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
      MAIL.start();
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    r.add("followthrough.data-dir", DATA_DIR::toString);
    r.add("followthrough.database.embedded-port", () -> DB_PORT);
    r.add("followthrough.bootstrap-api-key", () -> ADMIN_KEY);
    r.add("followthrough.bootstrap-admin-email", () -> ADMIN_EMAIL);
    r.add("followthrough.bootstrap-admin-password", () -> ADMIN_PASSWORD);
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> SMTP_PORT);
    r.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "5000");
    r.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
    // bulk imports in other tests must not keep the model busy for minutes: live-code only the newest 200
    r.add("followthrough.insights.live-queue-limit", () -> 200);
    // the in-app survey widget may be called from this origin (SurveyFlowTest checks CORS)
    r.add("followthrough.surveys.widget-origins", () -> "https://app.example.test");
    // tests share 127.0.0.1: rate limits apply to other addresses (RateLimitTest sends X-Forwarded-For)
    r.add("followthrough.security.rate-limit-exempt", () -> "127.0.0.1");
  }

  protected static final JsonMapper JSON = JsonMapper.builder().build();
  protected static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;

  protected String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** A unique text, so tests sharing one database never see each other's rows. */
  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected Reply post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN_KEY)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  protected Reply postAs(String key, String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  protected Reply put(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN_KEY)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * Waits for asynchronous work (event listeners, timers) to show its result: polls until the probe
   * returns a value, failing after 20 seconds. It never waits for time to pass; tests move the clock.
   */
  protected static <T> T await(String what, java.util.function.Supplier<java.util.Optional<T>> probe) {
    return await(what, java.time.Duration.ofSeconds(20), probe);
  }

  /** {@link #await(String, java.util.function.Supplier)} with its own limit. */
  protected static <T> T await(String what, java.time.Duration limit, java.util.function.Supplier<java.util.Optional<T>> probe) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      java.util.Optional<T> v = probe.get();
      if (v.isPresent()) return v.get();
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  protected Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN_KEY).GET());
  }

  protected Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  public record Reply(int status, String contentType, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }
}
