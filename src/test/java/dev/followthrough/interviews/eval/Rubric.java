package dev.followthrough.interviews.eval;

import dev.followthrough.interviews.domain.AnswerReader;
import dev.followthrough.interviews.domain.InterviewResult;
import dev.followthrough.interviews.domain.Turn;
import dev.followthrough.interviews.eval.InterviewEvaluation.Row;
import dev.followthrough.interviews.eval.ScriptedRespondent.Mark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The second reader's rubric (docs/interviews-evaluation.md), applied mechanically so that nobody — least of
 * all the person tuning the moderator — grades by feel. It reads only the transcript, the structured result
 * and the script's annotations; never the moderator's own labels (a turn's kind) or its reasoning.
 */
final class Rubric {

  private Rubric() {}

  static final List<String> SEVERITY = List.of("low", "medium", "high", "critical");

  /** Per respondent: the annotated lines and whether the next moderator message took each one up. */
  record Score(int topics, int topical, int churn, int churnFollowed, boolean severityOk, boolean root, int slots,
               int slotsOk, List<String> misses) {}

  static Score score(Row x) {
    List<Turn> turns = x.turns();
    List<String> misses = new ArrayList<>();
    int topics = 0, topical = 0, churn = 0, followed = 0;
    for (int i = 0; i < turns.size(); i++) {
      Turn t = turns.get(i);
      if (!t.byCustomer()) continue;
      Mark m = x.player().mark(t.text());
      if (m == null) continue;
      Turn next = i + 1 < turns.size() ? turns.get(i + 1) : null;
      boolean ok = takesUp(next, m.words());
      if (m.kind().equals("topic")) {
        topics++;
        if (ok) topical++;
      } else {
        churn++;
        if (ok) followed++;
      }
      if (!ok) misses.add(m.kind() + " “" + t.text() + "” → " + (next == null ? "(nothing)" : "“" + next.text() + "”"));
    }
    InterviewResult r = x.result();
    ScriptedRespondent s = x.respondent();
    boolean severityOk = s.minSeverity() == null || (r != null && SEVERITY.indexOf(r.severity()) >= SEVERITY.indexOf(s.minSeverity()));
    if (!severityOk) misses.add("severity " + (r == null ? null : r.severity()) + " < " + s.minSeverity());

    // play-back slots: root (the key terms) and the script's other slots, each from the answer that fills it
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("root", s.keyTerms());
    expected.putAll(s.slots());
    Map<String, String> filled = new LinkedHashMap<>();
    if (r != null) {
      filled.put("root", r.rootCause());
      filled.put("who", r.whoElse());
      filled.put("gap", r.expectationGap());
      filled.put("when", r.specifics() == null ? null : r.specifics().when());
    }
    String said = x.turns().stream().filter(Turn::byCustomer).map(Turn::text).reduce("", (a, b) -> a + " " + b);
    String comment = s.comment() != null && !normal(said).contains(normal(s.comment())) ? s.comment() : null;
    int slots = 0, slotsOk = 0;
    for (var e : expected.entrySet()) {
      slots++;
      String v = filled.get(e.getKey());
      String why = slotProblem(e.getKey(), v, e.getValue(), filled, comment);
      if (why == null) slotsOk++;
      else misses.add("slot " + e.getKey() + ": " + why);
    }
    // the summary read back: this conversation only, and no sentence twice
    slots++;
    String summaryProblem = r == null ? "no result" : summaryProblem(r.summary(), comment);
    if (summaryProblem == null) slotsOk++;
    else misses.add("summary: " + summaryProblem);
    return new Score(topics, topical, churn, followed, severityOk, x.rootCaptures(), slots, slotsOk, misses);
  }

  /**
   * A topical probe / a followed churn signal: the moderator's very next message is a question (it has a question
   * mark, and is not the summary read-back or the closing) and it names what the customer named — one of the
   * annotated words, compared in lower case, a word's stem being enough (the author writes "report" for "reports").
   */
  static boolean takesUp(Turn next, List<String> words) {
    if (next == null || next.byCustomer() || !next.text().contains("?")) return false;
    if (next.kind().equals("summary") || next.kind().equals("closing")) return false;
    String q = next.text().toLowerCase(Locale.ROOT);
    return words.stream().anyMatch(w -> q.contains(w.strip().toLowerCase(Locale.ROOT)));
  }

  static String slotProblem(String slot, String value, List<String> terms, Map<String, String> filled, String comment) {
    if (value == null || value.isBlank()) return "empty";
    String v = value.toLowerCase(Locale.ROOT);
    long need = (terms.size() + 1) / 2;
    long have = terms.stream().filter(t -> v.contains(t.toLowerCase(Locale.ROOT))).count();
    if (have < need) return "“" + value + "” lacks " + terms;
    if (comment != null && normal(value).contains(normal(comment))) return "quotes the survey comment";
    Set<String> mine = new HashSet<>(AnswerReader.sentences(value));
    for (String other : List.of("root", "who", "gap")) {
      if (other.equals(slot) || filled.get(other) == null) continue;
      for (String sentence : AnswerReader.sentences(filled.get(other))) {
        if (mine.contains(sentence)) return "shares “" + sentence + "” with " + other;
      }
    }
    return null;
  }

  static String summaryProblem(String summary, String comment) {
    if (summary == null) return "none";
    if (comment != null && normal(summary).contains(normal(comment))) return "quotes the survey comment “" + comment + "”";
    List<String> quoted = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("“([^”]+)”").matcher(summary);
    while (m.find()) quoted.add(m.group(1));
    Set<String> seen = new HashSet<>();
    for (String q : quoted) if (!seen.add(q)) return "quotes “" + q + "” twice";
    return null;
  }

  static String normal(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }

  static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "| %-34s | %-9s | %5s | %4s | %7s | %7s | %6s | %-8s | %4s | %5s |%n", "respondent", "ends",
        "depth", "asks", "repeats", "topical", "churn", "severity", "root", "slots"));
    out.append("|---|---|---|---|---|---|---|---|---|---|\n");
    int topics = 0, topical = 0, churn = 0, followed = 0, slots = 0, slotsOk = 0, roots = 0, sev = 0, repeats = 0;
    List<String> misses = new ArrayList<>();
    for (Row x : rows) {
      Score s = score(x);
      topics += s.topics();
      topical += s.topical();
      churn += s.churn();
      followed += s.churnFollowed();
      slots += s.slots();
      slotsOk += s.slotsOk();
      roots += s.root() ? 1 : 0;
      sev += s.severityOk() ? 1 : 0;
      repeats += x.repeats();
      out.append(String.format(Locale.ROOT, "| %-34s | %-9s | %5d | %4d | %7d | %7s | %6s | %-8s | %4s | %5s |%n", x.name(), x.status(),
          x.depth(), x.questions(), x.repeats(), s.topics() == 0 ? "–" : s.topical() + "/" + s.topics(),
          s.churn() == 0 ? "–" : s.churnFollowed() + "/" + s.churn(),
          (x.result() == null ? "-" : x.result().severity()) + (s.severityOk() ? "" : " ✗"), s.root() ? "yes" : "no",
          s.slotsOk() + "/" + s.slots()));
      for (String miss : s.misses()) misses.add(x.name() + ": " + miss);
    }
    out.append(String.format(Locale.ROOT, "%ntopical probes %d/%d (%.0f%%); churn signals followed %d/%d; severity as expected %d/%d; "
            + "root cause captured %d/%d; play-back slots correct %d/%d (%.0f%%); repeats %d%n",
        topical, topics, topics == 0 ? 0 : 100.0 * topical / topics, followed, churn, sev, rows.size(), roots, rows.size(),
        slotsOk, slots, slots == 0 ? 0 : 100.0 * slotsOk / slots, repeats));
    out.append("\nmisses:\n");
    for (String m : misses) out.append("- ").append(m).append('\n');
    return out.toString();
  }
}
