package dev.followthrough.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.Followthrough;
import dev.followthrough.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A second node in its own JVM, on the test's database and SMTP server, takes single responses from eight
 * clients and works its stages, and is killed with SIGKILL while it does (mid-batch: its workers claim
 * batches all the time). The test's own node then finishes the work: every response the killed node
 * acknowledged with 2xx has exactly one decision, one case and one owner alert, delivered to the SMTP server
 * (a copy re-sent after the crash carries the same Message-ID, so the receiver sees one message).
 */
class PipelineCrashTest extends IntegrationTest {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void every_acknowledged_response_reaches_its_decision_case_and_message_exactly_once_after_a_node_is_killed()
      throws Exception {
    int nodePort;
    try (ServerSocket s = new ServerSocket(0)) {
      nodePort = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory(Files.createDirectories(
        Path.of(System.getProperty("ft.testDataDir", "target/test-data")).toAbsolutePath()), "crash-node-");
    String javaCmd = ProcessHandle.current().info().command().orElse("java");
    Process node = new ProcessBuilder(javaCmd, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
        Followthrough.class.getName(),
        "--server.port=" + nodePort,
        "--followthrough.data-dir=" + dir,
        "--followthrough.database.url=jdbc:postgresql://127.0.0.1:" + DB_PORT + "/postgres",
        "--followthrough.database.pool-size=8",
        "--followthrough.bootstrap-api-key=" + ADMIN_KEY,
        "--followthrough.bootstrap-admin-email=" + ADMIN_EMAIL,
        "--followthrough.bootstrap-admin-password=" + ADMIN_PASSWORD,
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
        "--followthrough.insights.live-queue-limit=200",
        "--followthrough.timers.enabled=false")
        .redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile()).start();
    String run = unique("crash");
    Map<UUID, String> acknowledged = new ConcurrentHashMap<>(); // response → its account owner's address
    try {
      await("the second node to be healthy", () -> status(nodePort, "/actuator/health") == 200
          ? java.util.Optional.of(true) : java.util.Optional.empty(), 240); // 10–60 s; minutes on a machine busy with builds

      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger next = new AtomicInteger();
      List<Thread> clients = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        clients.add(Thread.ofVirtual().start(() -> {
          while (!stop.get()) {
            int i = next.getAndIncrement();
            String id = run + "-" + i;
            String owner = id + "@owners.example";
            try {
              HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nodePort + "/api/v1/responses"))
                  .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(10))
                  .POST(HttpRequest.BodyPublishers.ofString("""
                      {"source": "crash-test", "sourceId": "%s", "score": 3, "comment": null,
                       "contact": {"externalId": "%s", "email": "%s@customer.example"},
                       "account": {"externalId": "%s", "tier": "smb", "owner": "%s"}}""".formatted(id, id, id, id, owner)))
                  .build(), HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() / 100 == 2) {
                acknowledged.put(UUID.fromString(JSON.readTree(r.body()).get("id").asString()), owner);
              }
            } catch (Exception e) {
              return; // the node is gone
            }
          }
        }));
      }
      await("the second node to acknowledge responses", () -> acknowledged.size() >= 150
          ? java.util.Optional.of(true) : java.util.Optional.empty(), 60);
      node.destroyForcibly().waitFor(); // kill -9, with its stage workers and sender in the middle of their batches
      stop.set(true);
      for (Thread c : clients) c.join(15_000);
    } finally {
      if (node.isAlive()) node.destroyForcibly().waitFor();
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(150);
    UUID[] ids = acknowledged.keySet().toArray(UUID[]::new);
    // the dead node's claimed messages come back after the send lease; move their claim back instead of waiting
    jdbc.sql("""
        UPDATE outreach_message SET updated_at = updated_at - interval '1 hour'
        WHERE status = 'sending' AND response_id IS NOT NULL AND response_id = ANY(?)""").param(ids).update();
    jdbc.sql("""
        UPDATE outreach_message m SET updated_at = m.updated_at - interval '1 hour' FROM followup_case c
        WHERE m.case_id = c.id AND m.status = 'sending' AND c.response_id = ANY(?)""").param(ids).update();

    await("every acknowledged response to reach its case and its sent owner alert", () -> {
      long done = jdbc.sql("""
          SELECT count(*) FROM followup_case c
          WHERE c.response_id = ANY(?) AND EXISTS (
            SELECT 1 FROM outreach_message m WHERE m.case_id = c.id AND m.kind = 'owner_alert' AND m.status = 'sent')""")
          .param(ids).query(Long.class).single();
      return done == ids.length ? java.util.Optional.of(true) : java.util.Optional.empty();
    }, 90);

    assertThat(jdbc.sql("SELECT count(*) FROM triggers_decision WHERE response_id = ANY(?)").param(ids)
        .query(Long.class).single()).as("one decision per response").isEqualTo(ids.length);
    assertThat(jdbc.sql("SELECT count(*) FROM triggers_decision WHERE response_id = ANY(?) AND follow_up").param(ids)
        .query(Long.class).single()).as("every one decided a follow-up").isEqualTo(ids.length);
    assertThat(jdbc.sql("SELECT count(*) FROM followup_case WHERE response_id = ANY(?)").param(ids)
        .query(Long.class).single()).as("one case per response").isEqualTo(ids.length);
    assertThat(jdbc.sql("""
        SELECT count(*) FROM outreach_message m JOIN followup_case c ON c.id = m.case_id
        WHERE c.response_id = ANY(?) AND m.kind = 'owner_alert'""").param(ids).query(Long.class).single())
        .as("one owner alert per case").isEqualTo(ids.length);
    assertThat(jdbc.sql("SELECT count(*) FROM platform_work WHERE payload LIKE ?").param("%" + run + "%")
        .query(Long.class).single()).as("nothing left in the work queues").isZero();

    Set<String> owners = new HashSet<>(acknowledged.values());
    Map<String, Set<String>> messageIds = new java.util.HashMap<>();
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      String to = Arrays.stream(m.getAllRecipients()).map(Object::toString).filter(owners::contains).findFirst().orElse(null);
      if (to != null) messageIds.computeIfAbsent(to, k -> new HashSet<>()).add(m.getMessageID());
    }
    assertThat(messageIds).as("an email to every owner").hasSize(owners.size());
    assertThat(messageIds.values()).as("one message (one Message-ID) per owner").allMatch(s -> s.size() == 1);
  }

  private static int status(int port, String path) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static <T> T await(String what, java.util.function.Supplier<java.util.Optional<T>> probe, int seconds) {
    Instant deadline = Instant.now().plusSeconds(seconds);
    while (true) {
      var v = probe.get();
      if (v.isPresent()) return v.get();
      if (Instant.now().isAfter(deadline)) throw new AssertionError("timed out waiting for " + what);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
