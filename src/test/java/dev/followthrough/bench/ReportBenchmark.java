package dev.followthrough.bench;

import dev.followthrough.Followthrough;
import dev.followthrough.insights.Codebooks;
import dev.followthrough.reporting.PeriodicReports;
import dev.followthrough.reporting.domain.ReportPeriod;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long the periodic report takes over a large program: starts the application in-process on a fresh
 * embedded database, loads N responses (default 1,000,000 over 12 months, 5,000 accounts, 100,000 contacts;
 * 28% with a comment, each comment a coded text with one or two codings) with COPY, and times composing the
 * report of the last complete week, month and quarter, cold and warm, and storing one. Embeddings are
 * stored empty: the report never reads them.
 *
 * <pre>scripts/bench --main=ReportBenchmark [--responses=1000000] [--runs=5] [--keep-data]</pre>
 */
public final class ReportBenchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new java.util.HashMap<>();
    for (String a : args) {
      String[] kv = a.replaceFirst("^--", "").split("=", 2);
      opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    int responses = Integer.parseInt(opt.getOrDefault("responses", "1000000"));
    int accounts = Integer.parseInt(opt.getOrDefault("accounts", "5000"));
    int contacts = Integer.parseInt(opt.getOrDefault("contacts", "100000"));
    int runs = Integer.parseInt(opt.getOrDefault("runs", "5"));
    Path work = Path.of(opt.getOrDefault("work-dir", "target-bench/bench-data")).toAbsolutePath();
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path dataDir = Files.createDirectories(work.resolve("report-" + stamp));

    List<String> out = new ArrayList<>();
    Consumer<String> print = line -> {
      System.out.println(line);
      out.add(line);
    };
    int port = freePort();
    long t0 = System.nanoTime();
    // A (before): the application with followthrough.reporting.rollups=false, counting from the rows
    ConfigurableApplicationContext app = start(dataDir, port, false);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try {
      print.accept("# Report benchmark, " + Instant.now());
      print.accept("");
      print.accept(String.format(Locale.ROOT, "- application started in %.1f s; load average %s", (System.nanoTime() - t0) / 1e9,
          Cpu.loadAverage()));
      app.getBean(Codebooks.class).current(); // the default codebook as version 1, so mechanisms have names
      DataSource ds = app.getBean(DataSource.class);
      long loadStart = System.nanoTime();
      long[] loaded = load(ds, responses, accounts, contacts, today);
      print.accept(String.format(Locale.ROOT, "- loaded %,d responses, %,d coded texts, %,d codings, %,d accounts, %,d contacts "
              + "with COPY in %.1f s (indexes included, then ANALYZE)", responses, loaded[0], loaded[1], accounts, contacts,
          (System.nanoTime() - loadStart) / 1e9));
      print.accept("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
      measure(app, "A: row level (followthrough.reporting.rollups=false)", runs, today, print);
      app.close();

      // B (after): the same data with the rollups on; the first start lists every day, the fold rewrites them
      app = start(dataDir, port, true);
      long f0 = System.nanoTime();
      int days = app.getBean(dev.followthrough.reporting.Rollups.class).fold(java.time.Duration.ZERO);
      print.accept("");
      print.accept(String.format(Locale.ROOT, "- rollups built: %,d days folded in %.1f s; load average %s", days,
          (System.nanoTime() - f0) / 1e9, Cpu.loadAverage()));
      try (Connection c = ds(app).getConnection(); var st = c.createStatement()) {
        st.execute("ANALYZE reporting_rollup_day");
      }
      measure(app, "B: rollups (default)", runs, today, print);
      long g0 = System.nanoTime();
      app.getBean(PeriodicReports.class).generate(ReportPeriod.lastComplete(ReportPeriod.Kind.MONTH, today), "benchmark");
      print.accept("");
      print.accept(String.format(Locale.ROOT, "- generate and store the month's report (compose + Markdown + JSON + upsert): %.0f ms",
          (System.nanoTime() - g0) / 1e6));
      print.accept("- load average at the end: " + Cpu.loadAverage());
    } finally {
      app.close();
      Path report = work.resolve("report-" + stamp + ".md");
      Files.write(report, out);
      System.out.println("written to " + report);
      if (!opt.containsKey("keep-data")) deleteTree(dataDir);
    }
  }

  private static DataSource ds(ConfigurableApplicationContext app) {
    return app.getBean(DataSource.class);
  }

  private static ConfigurableApplicationContext start(Path dataDir, int port, boolean rollups) {
    return SpringApplication.run(Followthrough.class,
        "--server.port=0", "--followthrough.data-dir=" + dataDir, "--followthrough.database.embedded-port=" + port,
        "--followthrough.bootstrap-api-key=ft_report_benchmark_key_0123456789abcdef", "--followthrough.timers.enabled=false",
        "--followthrough.reporting.report-schedule=off", "--followthrough.reporting.rollups=" + rollups,
        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
  }

  /** Composes the last complete week, month and quarter, cold then warm, and breaks a month down. */
  private static void measure(ConfigurableApplicationContext app, String title, int runs, LocalDate today,
                              Consumer<String> print) {
    PeriodicReports reports = app.getBean(PeriodicReports.class);
    print.accept("");
    print.accept(title + ", load average " + Cpu.loadAverage());
    print.accept("");
    print.accept("| report | responses in period | coded texts | cold (first) | warm p50 | warm p95 | warm max |");
    print.accept("|---|---:|---:|---:|---:|---:|---:|");
    for (ReportPeriod.Kind kind : List.of(ReportPeriod.Kind.WEEK, ReportPeriod.Kind.MONTH, ReportPeriod.Kind.QUARTER)) {
      ReportPeriod period = ReportPeriod.lastComplete(kind, today);
      long c0 = System.nanoTime();
      var r = reports.compose(period);
      double cold = (System.nanoTime() - c0) / 1e6;
      double[] warm = new double[runs];
      for (int i = 0; i < runs; i++) {
        long w0 = System.nanoTime();
        reports.compose(period);
        warm[i] = (System.nanoTime() - w0) / 1e6;
      }
      Arrays.sort(warm);
      print.accept(String.format(Locale.ROOT, "| %s (%s) | %,d | %,d | %.0f ms | %.0f ms | %.0f ms | %.0f ms |", kind.key(),
          period.label(), r.coverage().responses(), r.coverage().codedTexts(), cold, warm[runs / 2],
          warm[Math.min(runs - 1, (int) Math.ceil(0.95 * runs) - 1)], warm[runs - 1]));
    }
    breakdown(app, ReportPeriod.lastComplete(ReportPeriod.Kind.MONTH, today), runs, print);
  }

  /** Where a month's report spends its time: each query it makes, warm, median of {@code runs}. */
  static void breakdown(ConfigurableApplicationContext app, ReportPeriod p, int runs, Consumer<String> print) {
    var nps = app.getBean(dev.followthrough.reporting.NpsReports.class);
    var store = app.getBean(dev.followthrough.reporting.jdbc.JdbcReports.class);
    java.time.ZoneId utc = ZoneOffset.UTC;
    Instant from = p.start().atStartOfDay(utc).toInstant();
    Instant to = p.end().atStartOfDay(utc).toInstant();
    java.util.function.BiFunction<LocalDate, LocalDate, dev.followthrough.responses.ResponseQueries.ResponseFilter> filter =
        (a, b) -> new dev.followthrough.responses.ResponseQueries.ResponseFilter(a.atStartOfDay(utc).toInstant(),
            b.atStartOfDay(utc).toInstant(), null, null, null, null, null, null, null, null);
    Map<String, Runnable> parts = new java.util.LinkedHashMap<>();
    parts.put("NPS now vs previous (NpsReports.compare)", () -> nps.compare(filter.apply(p.previous().start(), p.previous().end()),
        filter.apply(p.start(), p.end()), "previous"));
    parts.put("NPS trend, 12 months (NpsReports.report by month)", () -> nps.report(filter.apply(p.trendStart(), p.end()),
        dev.followthrough.responses.ResponseQueries.Grouping.MONTH));
    parts.put("accounts' NPS and renewal (NpsReports.accounts)", () -> nps.accounts(filter.apply(p.start(), p.end())));
    parts.put("codings of the period (insights_coding_facts)", () -> store.codings(from, to));
    parts.put("coded texts by group (insights_text_facts)", () -> store.codedTexts(from, to));
    parts.put("mechanism names and interventions", () -> {
      store.mechanisms();
      store.interventions();
    });
    print.accept("");
    print.accept("Month's report, where the time goes (warm, median of " + runs + "):");
    print.accept("");
    print.accept("| part | time |");
    print.accept("|---|---:|");
    for (var e : parts.entrySet()) {
      double[] t = new double[runs];
      for (int i = 0; i < runs; i++) {
        long s0 = System.nanoTime();
        e.getValue().run();
        t[i] = (System.nanoTime() - s0) / 1e6;
      }
      Arrays.sort(t);
      print.accept(String.format(Locale.ROOT, "| %s | %.0f ms |", e.getKey(), t[runs / 2]));
    }
  }

  static final String[] TIERS = {"enterprise", "mid-market", "smb"};
  static final String[] PHRASES = {
      "exports keep timing out on big projects", "support took days to answer", "the invoice was wrong again",
      "onboarding dragged on for months", "we cannot justify the cost to finance", "our champion left the company",
      "the integration with our CRM is broken", "great product, the team loves it", "reports are missing what we need",
      "the new interface is confusing"};

  /** Loads the program with COPY; returns {coded texts, codings}. */
  static long[] load(DataSource ds, int responses, int accounts, int contacts, LocalDate today) throws Exception {
    SplittableRandom rnd = new SplittableRandom(42);
    Instant now = Instant.now();
    List<String[]> mechanisms = new ArrayList<>();
    try (Connection c = ds.getConnection(); var st = c.createStatement();
         var rs = st.executeQuery("SELECT mechanism, category_key FROM insights_mechanism_facts ORDER BY mechanism")) {
      while (rs.next()) mechanisms.add(new String[] {rs.getString(1), rs.getString(2)});
    }
    UUID[] accountIds = new UUID[accounts];
    double[] arr = new double[accounts];
    String[] tier = new String[accounts];
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < accounts; i++) {
      accountIds[i] = UUID.randomUUID();
      int t = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(10) < 4 ? 1 : 2;
      tier[i] = TIERS[t];
      arr[i] = t == 0 ? 100_000 + rnd.nextInt(400_000) : t == 1 ? 20_000 + rnd.nextInt(80_000) : 2_000 + rnd.nextInt(18_000);
      b.append(accountIds[i]).append('\t').append("acct-").append(i).append('\t').append("Account ").append(i).append('\t')
          .append(tier[i]).append('\t').append(arr[i]).append('\t').append(today.plusDays(rnd.nextInt(365))).append('\t')
          .append(now).append('\t').append(now).append('\n');
    }
    copy(ds, "responses_account (id, external_id, name, tier, arr, renewal_date, created_at, updated_at)", b);
    UUID[] contactIds = new UUID[contacts];
    int[] contactAccount = new int[contacts];
    b.setLength(0);
    for (int i = 0; i < contacts; i++) {
      contactIds[i] = UUID.randomUUID();
      contactAccount[i] = rnd.nextInt(accounts);
      b.append(contactIds[i]).append('\t').append("contact-").append(i).append('\t').append(accountIds[contactAccount[i]])
          .append('\t').append(now).append('\t').append(now).append('\n');
    }
    copy(ds, "responses_contact (id, external_id, account_id, created_at, updated_at)", b);

    Instant from = today.withDayOfMonth(1).minusMonths(12).atStartOfDay(ZoneOffset.UTC).toInstant();
    long span = java.time.Duration.between(from, now).getSeconds();
    long texts = 0, codings = 0;
    StringBuilder r = new StringBuilder(), t = new StringBuilder(), k = new StringBuilder();
    for (int i = 0; i < responses; i++) {
      int ci = rnd.nextInt(contacts);
      int ai = contactAccount[ci];
      int roll = rnd.nextInt(100);
      int score = roll < 45 ? 9 + rnd.nextInt(2) : roll < 75 ? 7 + rnd.nextInt(2) : rnd.nextInt(7);
      String category = score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
      Instant at = from.plusSeconds(rnd.nextLong(span));
      UUID id = UUID.randomUUID();
      String comment = rnd.nextInt(100) < 28 ? PHRASES[(score >= 9 ? 7 : rnd.nextInt(PHRASES.length))] + " (" + i + ")" : null;
      r.append(id).append("\tbench\t").append(i).append('\t').append(contactIds[ci]).append('\t').append(accountIds[ai]).append('\t')
          .append(score).append('\t').append(comment == null ? "\\N" : comment).append('\t').append(at).append('\t').append(at)
          .append('\t').append(at).append("\tRelational\trelational\n");
      if (comment != null) {
        UUID textId = UUID.randomUUID();
        texts++;
        t.append(textId).append("\tresponse\t").append(id).append("\t1\t1\t").append(comment).append("\t\\\\x\t0.6\t").append(score)
            .append('\t').append(category).append('\t').append(accountIds[ai]).append("\tAccount ").append(ai).append('\t')
            .append(tier[ai]).append('\t').append(arr[ai]).append('\t').append(at).append('\t').append(at).append('\n');
        int n = 1 + (rnd.nextInt(3) == 0 ? 1 : 0);
        int first = rnd.nextInt(mechanisms.size());
        for (int j = 0; j < n; j++) {
          String[] m = mechanisms.get((first + j * 7) % mechanisms.size());
          codings++;
          k.append(UUID.randomUUID()).append('\t').append(textId).append('\t').append(m[0]).append('\t').append(m[1]).append('\t')
              .append(0.5 + rnd.nextDouble() / 2).append("\t0.6\t0\t").append(comment.length()).append('\t').append(comment)
              .append("\t\t1\tmachine\tfalse\t").append(m[0]).append('\t').append(at).append('\n');
        }
      }
      if (r.length() > 4_000_000 || i == responses - 1) {
        copy(ds, "responses_response (id, source, source_id, contact_id, account_id, score, comment, responded_at, received_at, "
            + "updated_at, program, kind)", r);
        copy(ds, "insights_text (id, source_type, source_id, revision, codebook_version, body, embedding, best_similarity, score, "
            + "category, account_id, account_name, tier, arr, responded_at, coded_at)", t);
        copy(ds, "insights_coding (id, text_id, mechanism, category_key, confidence, similarity, evidence_start, evidence_end, "
            + "evidence, stated_reason, codebook_version, status, needs_review, machine_mechanism, created_at)", k);
        r.setLength(0);
        t.setLength(0);
        k.setLength(0);
      }
    }
    try (Connection c = ds.getConnection(); var st = c.createStatement()) {
      st.execute("ANALYZE");
    }
    return new long[] {texts, codings};
  }

  static void copy(DataSource ds, String target, StringBuilder rows) throws Exception {
    if (rows.isEmpty()) return;
    try (Connection c = ds.getConnection()) {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN", new StringReader(rows.toString()));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (var walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
