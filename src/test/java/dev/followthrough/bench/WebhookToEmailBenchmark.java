package dev.followthrough.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * From a signed vendor webhook (Delighted, HMAC-SHA256) arriving to the interview invitation being
 * accepted by the SMTP server (GreenMail in this JVM), at a fixed open-loop arrival rate. The rules
 * are replaced by one: every detractor gets an AI-interview invitation. The whole chain runs:
 * signature check → intake → trigger rules → case → outreach → SMTP.
 *
 * <p>{@code scripts/bench --main=WebhookToEmailBenchmark [--rates=50,100,200] [--seconds=20]}
 */
public final class WebhookToEmailBenchmark {

  private static final String SECRET = "bench-delighted-secret-0123456789";

  public static void main(String[] args) throws Exception {
    Path jar = null, work = Path.of("target-bench/bench-data");
    int[] rates = {50, 100, 200};
    int seconds = 20;
    List<String> serverOpts = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--jar=")) jar = Path.of(a.substring(6));
      else if (a.startsWith("--work-dir=")) work = Path.of(a.substring(11));
      else if (a.startsWith("--rates=")) rates = Arrays.stream(a.substring(8).split(",")).mapToInt(Integer::parseInt).toArray();
      else if (a.startsWith("--seconds=")) seconds = Integer.parseInt(a.substring(10));
      else if (a.startsWith("--server-opt=")) serverOpts.add(a.substring(13));
      else if (a.equals("--quick")) { rates = new int[] {50}; seconds = 5; }
      else throw new IllegalArgumentException("unknown option " + a + " (known: --rates=50,100 --seconds=N --quick)");
    }
    if (jar == null || !Files.isRegularFile(jar)) throw new IllegalStateException("no jar; run scripts/bench --main=WebhookToEmailBenchmark");
    int smtpPort = IngestBenchmark.freePort();
    GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
    Path dataDir = work.toAbsolutePath().resolve("webhooks-" + stamp);
    String key = "ftbench_" + HexFormat.of().formatHex(IngestBenchmark.randomBytes(16));
    ServerProcess server = new ServerProcess(jar, dataDir, IngestBenchmark.freePort(), IngestBenchmark.freePort(), key,
        "512m", java.util.stream.Stream.concat(java.util.stream.Stream.of("-Dspring.mail.host=127.0.0.1", "-Dspring.mail.port=" + smtpPort,
            "-Dfollowthrough.outreach.quiet-hours=off", "-Dfollowthrough.outreach.digest-enabled=false"), serverOpts.stream())
            .toList());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try {
      System.out.println("server started in " + server.start().toMillis() + " ms; machine: "
          + Runtime.getRuntime().availableProcessors() + " cores, load average " + Cpu.loadAverage());
      api(http, server, "POST", "/api/v1/sources", "application/json",
          "{\"key\": \"bench\", \"vendor\": \"delighted\", \"secret\": \"" + SECRET + "\"}");
      api(http, server, "POST", "/api/v1/rules/import?mode=replace", "application/yaml", """
          rules:
            - name: Every detractor gets the AI interview
              conditions: {categories: [detractor]}
              outcome: {followUp: true, channel: interview, play: recover, sla: 48h, ownerPolicy: unassigned}
            - name: Everyone else
              outcome: {followUp: false}
          """);
      System.out.println();
      System.out.println("| webhooks/s offered | achieved | webhook p50 | webhook p99 | emails | to email p50 | p95 | p99 | max | missing after 30 s |");
      System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      run(http, server, mail, 20, 5, false); // warm-up
      for (int rate : rates) run(http, server, mail, rate, seconds, true);
    } finally {
      server.close();
      mail.stop();
      IngestBenchmark.deleteTree(dataDir.resolve("postgres"));
      IngestBenchmark.deleteTree(dataDir.resolve("runtime"));
    }
  }

  private static void api(HttpClient http, ServerProcess server, String method, String path, String type, String body)
      throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + server.apiKey())
        .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
  }

  private static void run(HttpClient http, ServerProcess server, GreenMail mail, int rate, int seconds, boolean print)
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> mailedAt = new ConcurrentHashMap<>();
    List<Long> webhookNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    int[] seen = {mail.getReceivedMessages().length};
    Thread poller = Thread.ofPlatform().daemon().start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        MimeMessage[] all = mail.getReceivedMessages();
        long now = System.nanoTime();
        for (int i = seen[0]; i < all.length; i++) {
          try {
            for (Address a : all[i].getAllRecipients()) mailedAt.putIfAbsent(a.toString().toLowerCase(), now);
          } catch (Exception ignored) {
            // a message without recipients is not ours
          }
        }
        seen[0] = all.length;
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    long total = (long) rate * seconds;
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long i = 0; i < total; i++) {
        long wait = t0 + i * interval - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        long n = i;
        pool.submit(() -> {
          String email = "b-" + run + "-" + n + "@bench.test";
          String body = """
              {"event_type":"survey_response.created","event_id":"%s","event_data":{"id":"%s-%d",\
              "person":{"id":"p-%s-%d","email":"%s","name":"Bench %d"},"score":%d,"comment":"Exports keep failing",\
              "person_properties":null}}""".formatted(UUID.randomUUID(), run, n, run, n, email, n, (int) (n % 7));
          long s = System.nanoTime();
          sentAt.put(email, s);
          try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(server.uri("/hooks/bench"))
                .header("Content-Type", "application/json")
                .header("X-Delighted-Webhook-Signature", "sha256=" + hmac(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 201) errors.incrementAndGet();
            webhookNanos.add(System.nanoTime() - s);
          } catch (Exception e) {
            errors.incrementAndGet();
          }
        });
      }
    }
    double achieved = webhookNanos.size() / ((System.nanoTime() - t0) / 1e9);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (mailedAt.keySet().stream().filter(sentAt::containsKey).count() < sentAt.size() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    poller.interrupt();
    if (!print) return;
    long[] lat = sentAt.entrySet().stream().filter(e -> mailedAt.containsKey(e.getKey()))
        .mapToLong(e -> mailedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
    long[] hook = webhookNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("| %d | %.0f | %s | %s | %d | %s | %s | %s | %s | %d |%n", rate, achieved, TriggerBenchmark.ms(hook, 0.5),
        TriggerBenchmark.ms(hook, 0.99), lat.length, TriggerBenchmark.ms(lat, 0.5), TriggerBenchmark.ms(lat, 0.95), TriggerBenchmark.ms(lat, 0.99), TriggerBenchmark.ms(lat, 1.0),
        sentAt.size() - lat.length + errors.get());
  }

  private static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }


  private WebhookToEmailBenchmark() {}
}
