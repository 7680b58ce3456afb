package dev.followthrough.interviews.eval;

import dev.followthrough.insights.embedding.MiniLmEmbedder;
import dev.followthrough.interviews.domain.AnswerReader;
import dev.followthrough.interviews.domain.BuiltInModerator;
import dev.followthrough.interviews.domain.DefaultGuides;
import dev.followthrough.interviews.domain.Encoder;
import dev.followthrough.interviews.domain.Guide;
import dev.followthrough.interviews.domain.Interview;
import dev.followthrough.interviews.domain.InterviewResult;
import dev.followthrough.interviews.domain.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the scripted respondents against the built-in moderator and reports, per respondent: depth reached,
 * questions asked, repeated questions, probe relevance (mean cosine similarity of each probe to the answer
 * it follows up), and whether the summary and the root-cause field capture the respondent's true root
 * cause (key terms present). {@code scripts/evaluate-interviews}; add {@code --transcripts} to print them.
 */
public final class InterviewEvaluation {

  record Row(String name, String status, int depth, int questions, int repeats, double probeRelevance, int probes,
             boolean summaryCaptures, boolean rootCaptures, List<Turn> turns, InterviewResult result,
             ScriptedRespondent respondent, ScriptedRespondent.Player player) {}

  public static void main(String[] args) throws Exception {
    boolean transcripts = List.of(args).contains("--transcripts");
    MiniLmEmbedder embedder = new MiniLmEmbedder(Path.of(System.getProperty("java.io.tmpdir"), "ft-eval-djl"));
    Encoder encoder = embedder::embed;
    AnswerReader reader = new AnswerReader(encoder);
    BuiltInModerator moderator = new BuiltInModerator(reader);
    List<Row> rows = new ArrayList<>();
    long start = System.nanoTime();
    for (ScriptedRespondent r : Respondents.all()) rows.add(run(r, moderator, reader));
    List<Row> heldOut = new ArrayList<>();
    for (ScriptedRespondent r : Respondents.heldOut()) heldOut.add(run(r, moderator, reader));
    long ms = (System.nanoTime() - start) / 1_000_000;

    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-36s %-10s %5s %4s %7s %9s %8s %8s%n", "respondent", "ends", "depth", "asks",
        "repeats", "probe-rel", "summary", "root"));
    for (Row x : rows) {
      out.append(String.format(Locale.ROOT, "%-36s %-10s %5d %4d %7d %9s %8s %8s%n", x.name(), x.status(), x.depth(), x.questions(),
          x.repeats(), x.probes() == 0 ? "-" : String.format(Locale.ROOT, "%.2f (%d)", x.probeRelevance(), x.probes()),
          x.summaryCaptures() ? "yes" : "no", x.rootCaptures() ? "yes" : "no"));
    }
    List<Row> detractors = rows.stream().filter(x -> x.name().startsWith("detractor") && !x.name().contains("stop")).toList();
    out.append(String.format(Locale.ROOT, "%nmean depth (detractors that do not stop): %.1f; repeats in total: %d; "
            + "summaries capturing the root cause: %d/%d; root-cause field: %d/%d; %d conversations (with the held-out ones) in %d ms%n",
        detractors.stream().mapToInt(Row::depth).average().orElse(0), rows.stream().mapToInt(Row::repeats).sum(),
        rows.stream().filter(Row::summaryCaptures).count(), rows.size(), rows.stream().filter(Row::rootCaptures).count(), rows.size(),
        rows.size() + heldOut.size(), ms));
    out.append(String.format(Locale.ROOT, "%nheld out (never tuned on):%n"));
    for (Row x : heldOut) {
      out.append(String.format(Locale.ROOT, "%-36s %-10s %5d %4d %7d %9s %8s %8s%n", x.name(), x.status(), x.depth(), x.questions(),
          x.repeats(), x.probes() == 0 ? "-" : String.format(Locale.ROOT, "%.2f (%d)", x.probeRelevance(), x.probes()),
          x.summaryCaptures() ? "yes" : "no", x.rootCaptures() ? "yes" : "no"));
    }
    out.append(String.format(Locale.ROOT, "%npre-registered (issue 13; written and committed before tuning):%n"));
    List<Row> pre = new ArrayList<>();
    for (ScriptedRespondent r : Preregistered.all()) pre.add(run(r, moderator, reader));
    out.append(Rubric.table(pre));
    System.out.print(out);
    rows.addAll(heldOut);
    rows.addAll(pre);
    if (transcripts) {
      for (Row x : rows) {
        System.out.println("\n=== " + x.name() + " (" + x.status() + ")");
        for (Turn t : x.turns()) {
          System.out.printf(Locale.ROOT, "%-9s [%s/%s%s] %s%n", t.speaker(), t.phase(), t.kind(),
              t.byCustomer() ? " d" + t.depth() : "", t.text());
        }
        if (x.result() != null) System.out.println("root cause: " + x.result().rootCause() + "\nresult: " + x.result());
      }
    }
    if (args.length > 0 && args[args.length - 1].endsWith(".txt")) Files.writeString(Path.of(args[args.length - 1]), out);
  }

  static Row run(ScriptedRespondent r, BuiltInModerator moderator, AnswerReader reader) {
    Guide guide = DefaultGuides.all().stream().filter(g -> g.key().equals(r.guide())).findFirst().orElseThrow();
    Interview iv = Interview.invite(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), guide, r.score(), r.comment());
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    iv.open(now, moderator);
    ScriptedRespondent.Player player = r.play();
    for (int i = 0; i < 40 && !iv.status().isOver() && iv.currentQuestion() != null; i++) {
      now = now.plusSeconds(40);
      iv.answer(player.answer(iv.currentQuestion()), iv.currentQuestion().seq(), now, moderator);
    }
    List<Turn> turns = iv.turns();
    Set<String> seen = new HashSet<>();
    int repeats = 0;
    int questions = 0;
    double rel = 0;
    int probes = 0;
    for (int i = 0; i < turns.size(); i++) {
      Turn t = turns.get(i);
      if (t.byCustomer() || t.kind().equals("closing")) continue;
      questions++;
      if (!seen.add(t.text().toLowerCase(Locale.ROOT))) repeats++;
      if (List.of("probe", "churn").contains(t.kind()) && i > 0 && turns.get(i - 1).byCustomer()) {
        rel += reader.similarity(t.text(), turns.get(i - 1).text());
        probes++;
      }
    }
    InterviewResult result = iv.result();
    String summary = result == null ? "" : result.summary().toLowerCase(Locale.ROOT);
    String root = result == null || result.rootCause() == null ? "" : result.rootCause().toLowerCase(Locale.ROOT);
    long need = (r.keyTerms().size() + 1) / 2;
    boolean sum = r.keyTerms().stream().filter(k -> summary.contains(k.toLowerCase(Locale.ROOT))).count() >= need;
    boolean rootOk = r.keyTerms().stream().filter(k -> root.contains(k.toLowerCase(Locale.ROOT))).count() >= need;
    return new Row(r.name(), iv.status().code(), iv.depth(), questions, repeats, probes == 0 ? 0 : rel / probes, probes, sum,
        rootOk, turns, result, r, player);
  }
}
