package dev.followthrough.bench;

import dev.followthrough.Followthrough;
import dev.followthrough.surveys.Program;
import dev.followthrough.surveys.SurveyPrograms;
import dev.followthrough.surveys.SurveyWaves;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A relational wave to many contacts, in one JVM with the real application, its embedded PostgreSQL
 * and a minimal local SMTP sink (accepts and discards): COPY the contacts, plan the wave (time, heap),
 * then make {@code --send} of the planned sends due and measure how fast they leave for the SMTP
 * server — surveys hands them to outreach's outbox, whose db-scheduler timers deliver them.
 *
 * <pre>java -Xmx1g -cp target-X/test-classes:target-X/classes:$(cat cp.txt) dev.followthrough.bench.SurveyWaveBenchmark
 *     [--contacts=100000] [--send=20000] [--work-dir=target-X/bench-data] [--set=followthrough.timers.threads=8 ...]</pre>
 */
public final class SurveyWaveBenchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new HashMap<>();
    List<String> extra = new java.util.ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--set=")) extra.add(a.substring(6));
      else if (a.startsWith("--") && a.contains("=")) opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    int contacts = Integer.parseInt(opt.getOrDefault("contacts", "100000"));
    int toSend = Integer.parseInt(opt.getOrDefault("send", "20000"));
    Path work = Files.createDirectories(Path.of(opt.getOrDefault("work-dir", "target/bench-data")).toAbsolutePath());
    Path data = Files.createTempDirectory(work, "survey-wave-");

    SmtpSink smtp = SmtpSink.start();
    int dbPort;
    try (ServerSocket s = new ServerSocket(0)) {
      dbPort = s.getLocalPort();
    }
    HeapSampler heap = new HeapSampler();
    heap.start();
    // as arguments: application.properties (server.port=${SERVER_PORT:8080}) wins over default properties
    List<String> argv = new java.util.ArrayList<>(List.of(
        "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.dev.followthrough=WARN",
        "--followthrough.data-dir=" + data, "--followthrough.database.embedded-port=" + dbPort,
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
        "--followthrough.surveys.tick=1h",             // the benchmark drives the steps itself
        "--followthrough.outreach.digest-enabled=false"));
    extra.forEach(e -> argv.add("--" + e));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(Followthrough.class).run(argv.toArray(String[]::new));
    try {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      Clock clock = app.getBean(Clock.class);
      String tag = "bench-" + UUID.randomUUID().toString().substring(0, 8);

      long t0 = System.nanoTime();
      copyContacts(app.getBean(DataSource.class), contacts, tag);
      double copySeconds = (System.nanoTime() - t0) / 1e9;

      SurveyPrograms programs = app.getBean(SurveyPrograms.class);
      SurveyWaves waves = app.getBean(SurveyWaves.class);
      LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
      var saved = programs.create(new Program(null, "Benchmark " + tag, Program.Kind.RELATIONAL, Program.Channel.EMAIL, true,
          3, 3, today, new Program.Audience(null, "tag", tag), null, 0, null, null, List.of(), null, false, null, null));
      Program program = ((SurveyPrograms.Saved.Ok) saved).program();

      System.gc();
      long heapBefore = used();
      heap.reset();
      t0 = System.nanoTime();
      int planned = waves.plan(program, 0, clock.instant());
      double planSeconds = (System.nanoTime() - t0) / 1e9;
      long planPeak = heap.peak();

      long smtpBefore = smtp.count();
      // make the first --send sends due now (a wave is normally spread over its period)
      jdbc.sql("""
          UPDATE surveys_send SET send_at = :now WHERE id IN (
            SELECT id FROM surveys_send WHERE program_id = :p ORDER BY send_at LIMIT :n)""")
          .param("now", java.sql.Timestamp.from(clock.instant().minusSeconds(1))).param("p", program.id()).param("n", toSend)
          .update();
      heap.reset();
      t0 = System.nanoTime();
      int[] handed = waves.sendDue(clock.instant());
      double handSeconds = (System.nanoTime() - t0) / 1e9;
      // the recurring surveys-tick may have taken a share of the due sends: the database has the total
      long sentTotal = jdbc.sql("SELECT count(*) FROM surveys_send WHERE program_id = :p AND status = 'sent'")
          .param("p", program.id()).query(Long.class).single();
      long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
      while (smtp.count() - smtpBefore < sentTotal && System.nanoTime() < deadline) Thread.sleep(50);
      double sendSeconds = (System.nanoTime() - t0) / 1e9;
      long delivered = smtp.count() - smtpBefore;
      long sendPeak = heap.peak();

      System.out.printf("%nSurveyWaveBenchmark  (%d cores, max heap %d MB, Java %s, load average %.1f) %s%n",
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), extra);
      System.out.printf("contacts COPY          %,d in %.1f s%n", contacts, copySeconds);
      System.out.printf("plan wave              %,d sends planned in %.2f s (%,.0f sends/s); heap %d MB before, peak %d MB during%n",
          planned, planSeconds, planned / planSeconds, heapBefore >> 20, planPeak >> 20);
      System.out.printf("fatigue check+handoff  %,d sent, %,d skipped in %.2f s (%,.0f /s into the outbox); %,d sent in all%n",
          handed[0], handed[1], handSeconds, (handed[0] + handed[1]) / handSeconds, sentTotal);
      System.out.printf("delivered to SMTP      %,d in %.1f s = %,.0f emails/s end to end; peak heap %d MB%n",
          delivered, sendSeconds, delivered / sendSeconds, sendPeak >> 20);
    } finally {
      app.close();
      heap.interrupt();
      smtp.close();
    }
  }

  private static void copyContacts(DataSource ds, int n, String tag) throws Exception {
    String[] zones = {"Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "UTC"};
    try (Connection c = ds.getConnection()) {
      var api = c.unwrap(PGConnection.class).getCopyAPI();
      int chunk = 20_000;
      for (int from = 0; from < n; from += chunk) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < Math.min(n, from + chunk); i++) {
          b.append(UUID.randomUUID()).append('\t').append(tag).append("-c").append(i).append('\t')
              .append(tag).append("-c").append(i).append("@bench.example\t").append("Contact ").append(i).append('\t')
              .append("{\"tag\": \"").append(tag).append("\", \"timezone\": \"").append(zones[i % zones.length]).append("\"}")
              .append("\t2026-01-01T00:00:00Z\t2026-01-01T00:00:00Z\n");
        }
        api.copyIn("COPY responses_contact (id, external_id, email, name, attributes, created_at, updated_at) FROM STDIN",
            new StringReader(b.toString()));
      }
      if (!c.getAutoCommit()) c.commit();
    }
  }

  private static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The highest heap use seen since the last reset, sampled every 20 ms. */
  static final class HeapSampler extends Thread {
    private final AtomicLong peak = new AtomicLong();

    HeapSampler() {
      setDaemon(true);
      setName("heap-sampler");
    }

    @Override
    public void run() {
      while (!isInterrupted()) {
        peak.accumulateAndGet(used(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void reset() {
      peak.set(used());
    }

    long peak() {
      return peak.get();
    }
  }

  /** Just enough SMTP to accept mail and count it (no storage). */
  static final class SmtpSink implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicLong messages = new AtomicLong();

    private SmtpSink(ServerSocket server) {
      this.server = server;
    }

    static SmtpSink start() throws Exception {
      SmtpSink s = new SmtpSink(new ServerSocket(0, 200, java.net.InetAddress.getLoopbackAddress()));
      Thread.ofPlatform().daemon().name("smtp-sink").start(s::accept);
      return s;
    }

    int port() {
      return server.getLocalPort();
    }

    long count() {
      return messages.get();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          Thread.ofVirtual().start(() -> session(socket));
        } catch (Exception e) {
          return;
        }
      }
    }

    private void session(Socket socket) {
      try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
           OutputStream out = socket.getOutputStream()) {
        reply(out, "220 sink ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
          String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
          switch (cmd) {
            case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
            case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
            case "DATA" -> {
              reply(out, "354 go ahead");
              while ((line = in.readLine()) != null && !line.equals(".")) { /* discard */ }
              messages.incrementAndGet();
              reply(out, "250 OK queued");
            }
            case "QUIT" -> {
              reply(out, "221 bye");
              return;
            }
            default -> reply(out, "250 OK");
          }
        }
      } catch (Exception ignored) {
        // the client went away
      }
    }

    private static void reply(OutputStream out, String s) throws java.io.IOException {
      out.write((s + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    @Override
    public void close() throws Exception {
      server.close();
    }
  }
}
