package dev.followthrough.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark sends: real (score, comment) pairs from a French garden-centre NPS survey when
 * ../shared/data is present (13,612 scores, 28% with a comment), otherwise a synthetic mix with the
 * same shape. Contacts and accounts come from fixed pools, so most requests upsert an existing
 * contact and account, as in steady-state production.
 */
final class Workload {

  static final int ACCOUNTS = 500;
  static final int CONTACTS = 20_000;

  private static final String[] PROGRAMS = {"relationship-2026", "onboarding", "support"};
  private static final String[] TOUCHPOINTS = {"quarterly-survey", "support-ticket-closed", "onboarding-day-30", "in-app"};
  private static final String[] TIERS = {"enterprise", "mid-market", "smb"};
  private static final String[] SYNTHETIC_COMMENTS = {
      "Exports keep timing out when the report is large.",
      "Great support team, they solved my issue in minutes.",
      "Too expensive for what we use.",
      "The new dashboard is confusing, I can't find the filters anymore.",
      "Works well, onboarding was smooth.",
      "Billing charged us twice this month and nobody answered for a week.",
      "Love the integrations with our CRM.",
      "Slow page loads every Monday morning."};

  record Sample(int score, String comment) {}

  private final List<Sample> samples;
  private final String origin;
  private final String runId;
  private final AtomicLong sequence = new AtomicLong();

  private Workload(List<Sample> samples, String origin, String runId) {
    this.samples = samples;
    this.origin = origin;
    this.runId = runId;
  }

  static Workload load(Path csv, String runId) {
    if (csv != null && Files.isReadable(csv)) {
      try {
        List<Sample> s = readFrenchRetailNps(csv);
        if (s.size() > 1000) return new Workload(s, csv + " (" + s.size() + " real score/comment pairs)", runId);
      } catch (IOException | RuntimeException e) {
        System.err.println("could not read " + csv + ": " + e + " — using synthetic responses");
      }
    }
    List<Sample> s = new ArrayList<>();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 10_000; i++) {
      int score = nps(r.nextDouble());
      String comment = r.nextDouble() < 0.3 ? SYNTHETIC_COMMENTS[r.nextInt(SYNTHETIC_COMMENTS.length)] : null;
      s.add(new Sample(score, comment));
    }
    return new Workload(s, "synthetic (45% promoters, 30% passives, 25% detractors; 30% with a comment)", runId);
  }

  private static int nps(double u) {
    if (u < 0.25) return (int) (u / 0.25 * 7);          // 0..6
    if (u < 0.55) return 7 + (int) ((u - 0.25) / 0.30 * 2); // 7..8
    return 9 + (int) ((u - 0.55) / 0.45 * 2);           // 9..10
  }

  /** Columns: "row","id","nps","satisfaction","intention","explication",... (UTF-8, RFC 4180 quoting). */
  private static List<Sample> readFrenchRetailNps(Path csv) throws IOException {
    List<Sample> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      List<String> f = csvFields(lines.get(i));
      if (f.size() < 6 || f.get(2).isBlank()) continue;
      int score;
      try {
        score = Integer.parseInt(f.get(2).trim());
      } catch (NumberFormatException e) {
        continue;
      }
      if (score < 0 || score > 10) continue;
      // the survey's scale starts at 1; let half of the 1s be 0s so the whole 0..10 range is exercised
      if (score == 1 && (i & 1) == 0) score = 0;
      String comment = f.get(5).isBlank() ? null : f.get(5).strip();
      if (comment != null && comment.length() > 2000) comment = comment.substring(0, 2000);
      out.add(new Sample(score, comment));
    }
    return out;
  }

  static List<String> csvFields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
        else if (c == '"') quoted = false;
        else cur.append(c);
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  String origin() {
    return origin;
  }

  Sample sample(ThreadLocalRandom r) {
    return samples.get(r.nextInt(samples.size()));
  }

  String nextSourceId() {
    return "bench-" + runId + "-" + sequence.incrementAndGet();
  }

  static String program(ThreadLocalRandom r) {
    return PROGRAMS[r.nextInt(PROGRAMS.length)];
  }

  static String touchpoint(ThreadLocalRandom r) {
    return TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)];
  }

  /** Within the last 30 days, to the millisecond. */
  static Instant respondedAt(ThreadLocalRandom r, Instant now) {
    return now.minusMillis(r.nextLong(30L * 24 * 3600 * 1000)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /** One response as the REST API takes it. */
  String responseJson(ThreadLocalRandom r, Instant now) {
    Sample s = sample(r);
    int contact = r.nextInt(CONTACTS);
    int account = contact % ACCOUNTS;
    StringBuilder b = new StringBuilder(512);
    b.append("{\"sourceId\":").append(quote(nextSourceId()))
        .append(",\"score\":").append(s.score());
    if (s.comment() != null) b.append(",\"comment\":").append(quote(s.comment()));
    b.append(",\"respondedAt\":\"").append(respondedAt(r, now)).append('"')
        .append(",\"program\":").append(quote(program(r)))
        .append(",\"touchpoint\":").append(quote(touchpoint(r)))
        .append(",\"contact\":{\"externalId\":\"ct-").append(contact)
        .append("\",\"email\":\"contact").append(contact).append("@example.test\"")
        .append(",\"name\":\"Contact ").append(contact).append("\"}")
        .append(",\"account\":{\"externalId\":\"acc-").append(account)
        .append("\",\"name\":\"Account ").append(account).append('"')
        .append(",\"tier\":\"").append(TIERS[tierIndex(account)]).append('"')
        .append(",\"arr\":").append(arr(account)).append("}}");
    return b.toString();
  }

  String batchJson(ThreadLocalRandom r, Instant now, int items) {
    StringBuilder b = new StringBuilder(items * 420 + 16);
    b.append("{\"items\":[");
    for (int i = 0; i < items; i++) {
      if (i > 0) b.append(',');
      b.append(responseJson(r, now));
    }
    return b.append("]}").toString();
  }

  private static int tierIndex(int account) {
    int m = account % 10;
    return m == 0 ? 0 : m <= 3 ? 1 : 2; // 10% enterprise, 30% mid-market, 60% smb
  }

  private static long arr(int account) {
    return switch (tierIndex(account)) {
      case 0 -> 250_000 + (account * 7919L) % 750_000;
      case 1 -> 40_000 + (account * 7919L) % 160_000;
      default -> 3_000 + (account * 7919L) % 27_000;
    };
  }

  /** UUIDv7 layout, like the server's ResponseId.timeOrdered, so index behaviour is comparable. */
  static UUID timeOrdered(Instant now, ThreadLocalRandom r) {
    long msb = (now.toEpochMilli() << 16) | 0x7000L | (r.nextInt() & 0x0FFFL);
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
