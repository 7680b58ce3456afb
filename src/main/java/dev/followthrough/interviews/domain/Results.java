package dev.followthrough.interviews.domain;

import dev.followthrough.interviews.domain.InterviewResult.ChurnSignal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the structured result from a transcript, in the customer's own words: each field is the sentence
 * of an answer that carries it (phase, lexical cues), never invented text.
 */
public final class Results {

  static final Pattern PEOPLE = Pattern.compile("(?i)\\b(team|colleagues?|managers?|boss|finance|sales|support|ops|"
      + "engineers?|developers?|admins?|users|everyone|people|department|customers|cfo|ceo|cto|coo|vp|director|they|staff|"
      + "employees|nurses|reps|intern|hr|procurement|consultants|drivers|inspectors|desk|leads|board|dispatchers|clients?)\\b");
  static final Pattern WOULD = Pattern.compile("(?i)\\b(if (you|it|we|the)|would (make|change|help|need)|would be|i'?d give|wish|need(s)? to)\\b");
  static final Pattern EXPECT = Pattern.compile("(?i)\\b(expect(ed)?|promised|told|sold|shown|assumed|thought it would|supposed to)\\b");
  static final Pattern MONEY_OR_DEADLINE = Pattern.compile("(?i)(\\$|€|£|deadline|lost (a )?(deal|customer|client)|revenue|penalt|fine[ds]?\\b|audit|board)");

  static final Set<String> ROOT_PHASES = Set.of("operational", "holds-back", "changed", "moment");
  static final Set<String> PRAISE_PHASES = Set.of("works", "changed", "moment", "peer");

  private Results() {}

  /**
   * @param comment the survey comment: kept as the stated reason, never read back as if said in this conversation
   * @param score   the NPS score, if known
   */
  public static InterviewResult extract(Guide guide, List<Turn> turns, String comment, Integer score, String segment) {
    List<Turn> answers = turns.stream().filter(t -> t.byCustomer() && t.depth() > 0).toList();
    Map<String, List<String>> byPhase = new LinkedHashMap<>();
    List<Scored> all = new ArrayList<>();
    Set<Integer> toChurn = new HashSet<>(); // answers to a churn follow-up speak to the signal, not to the phase's slot
    for (int i = 1; i < turns.size(); i++) {
      if (turns.get(i).byCustomer() && "churn".equals(turns.get(i - 1).kind())) toChurn.add(turns.get(i).seq());
    }
    for (Turn a : answers) {
      int phaseIdx = Math.max(0, guide.phaseIndex(a.phase()));
      for (String s : AnswerReader.sentences(a.text())) {
        byPhase.computeIfAbsent(a.phase(), k -> new ArrayList<>()).add(s);
        // the phases that ask for the concrete thing weigh more when choosing the root cause
        double bonus = ROOT_PHASES.contains(a.phase()) ? 0.2 : 0;
        boolean churn = AnswerReader.CHURN_CUES.values().stream().anyMatch(p -> p.matcher(s).find());
        all.add(new Scored(s, a.phase(), phaseIdx, AnswerReader.lexicalSpecificity(s) + bonus, a.seq(), churn,
            toChurn.contains(a.seq())));
      }
    }
    String stated = comment != null && !comment.isBlank() ? comment.strip() : answers.isEmpty() ? null : answers.getFirst().text();

    // the root cause is the most specific thing said (the later one on a tie: the ladder's deepest rung), never a churn
    // remark — those are signals of their own
    List<Scored> facts = all.stream().filter(x -> !x.churn()).toList();
    if (facts.isEmpty()) facts = all;
    // (the phases that ask for it only weigh more: a customer may name the concrete failure before being asked)
    // what works for a passive is not the root cause of their score; a promoter's is what changed and when it clicked
    List<Scored> candidates = guide.kind().equals("promoter")
        ? facts.stream().filter(x -> ROOT_PHASES.contains(x.phase())).toList()
        : facts.stream().filter(x -> !PRAISE_PHASES.contains(x.phase())).toList();
    if (candidates.isEmpty()) candidates = facts;
    Scored root = candidates.stream().max(Comparator.comparingDouble(Scored::spec).thenComparingInt(Scored::seq)).orElse(null);
    String rootText = root == null ? null : root.text();
    Set<String> used = new HashSet<>();
    if (rootText != null) used.add(rootText);

    String what = best(facts, s -> phaseIs(s, "operational", "holds-back", "changed"), null);
    if (what == null) what = rootText;
    String when = best(facts, s -> AnswerReader.TIME.matcher(s.text()).find() && phaseIs(s, "sequence"), null);
    if (when == null) when = best(facts, s -> AnswerReader.TIME.matcher(s.text()).find(), null);
    String often = best(facts, s -> AnswerReader.FREQUENCY.matcher(s.text()).find(), null);
    String much = best(facts, s -> AnswerReader.AMOUNT.matcher(s.text()).find(), null);
    // who else: from the answers to "who else runs into this", the sentence naming people (a churn remark may name them:
    // "our new CFO wants to consolidate tools"); never the root cause again, never an answer to a churn follow-up
    List<Scored> said = all.stream().filter(x -> !x.answersChurn()).toList();
    String who = best(said, s -> phaseIs(s, "relational") && PEOPLE.matcher(s.text()).find() && !used.contains(s.text()), null);
    if (who == null) who = best(said, s -> phaseIs(s, "relational") && !s.churn() && !used.contains(s.text()), null);
    if (who == null) {
      who = best(said, s -> PEOPLE.matcher(s.text()).find() && !phaseIs(s, "situation") && !ROOT_PHASES.contains(s.phase())
          && !used.contains(s.text()), null);
    }
    if (who != null) used.add(who);
    // the expectation gap: from the answers to "what did you expect", the sentence saying what was expected or promised
    List<Scored> plain = facts.stream().filter(x -> !x.answersChurn()).toList();
    String gap = best(plain, s -> phaseIs(s, "expectation") && EXPECT.matcher(s.text()).find() && !used.contains(s.text()), null);
    if (gap == null) gap = best(plain, s -> phaseIs(s, "expectation") && !used.contains(s.text()), null);
    if (gap == null) gap = best(plain, s -> EXPECT.matcher(s.text()).find() && !used.contains(s.text()), null);
    if (gap != null) used.add(gap);
    String change = best(facts, s -> WOULD.matcher(s.text()).find() && !used.contains(s.text()), null);
    if (change == null) change = best(facts, s -> phaseIs(s, "better"), null);

    // churn signals from every answer, also one that took the conversation no deeper ("Don't waste my time. We're seeing a
    // competitor's demo next month." is an outburst, and still the most important thing said)
    List<ChurnSignal> churn = new ArrayList<>();
    for (Turn a : turns) {
      if (!a.byCustomer() || "summary".equals(a.phase())) continue;
      for (String s : AnswerReader.sentences(a.text())) {
        for (var e : AnswerReader.CHURN_CUES.entrySet()) {
          if (e.getValue().matcher(s).find() && churn.stream().noneMatch(c -> c.signal().equals(e.getKey()))) {
            churn.add(new ChurnSignal(e.getKey(), s));
          }
        }
      }
    }
    churn.sort(Comparator.comparing(ChurnSignal::signal));
    List<String> quotes = all.stream().sorted(Comparator.comparingDouble(Scored::spec).reversed())
        .map(Scored::text).filter(t -> t.split("\\s+").length >= 5).distinct().limit(3).toList();

    String severity = severity(guide.kind(), score, churn, all);
    // where the customer started, in this conversation: their first sentence that is neither an outburst nor a churn remark
    String opening = all.stream().filter(x -> !x.churn() && !x.answersChurn() && !AnswerReader.HOSTILE.matcher(x.text()).find()
        && x.text().split("\\s+").length >= 4).map(Scored::text).findFirst().orElse(null);
    String summary = summary(guide, all, opening, rootText, when, who, gap, churn);
    return new InterviewResult(summary, stated, rootText,
        new InterviewResult.Specifics(what, when, often, much), who, gap, severity, churn, change, quotes, null, null, segment);
  }

  /**
   * low, medium, high or critical, from what was said: any churn signal makes it at least high whatever the score
   * (a passive about to leave is urgent); churn with a second signal, or with a costly or severe detractor, critical.
   */
  static String severity(String kind, Integer score, List<ChurnSignal> churn, List<Scored> all) {
    boolean costly = all.stream().anyMatch(s -> MONEY_OR_DEADLINE.matcher(s.text()).find());
    boolean severeScore = kind.equals("detractor") && score != null && score <= 4;
    if (!churn.isEmpty()) return churn.size() > 1 || severeScore || (costly && kind.equals("detractor")) ? "critical" : "high";
    if (kind.equals("detractor")) return severeScore || costly ? "high" : "medium";
    if (costly) return "medium";
    return "low";
  }

  static String summary(Guide guide, List<Scored> all, String opening, String root, String when, String who, String gap,
                        List<ChurnSignal> churn) {
    List<String> parts = new ArrayList<>();
    Set<String> read = new HashSet<>();
    if (guide.kind().equals("promoter")) {
      for (Guide.Phase p : guide.phases()) {
        String said = best(all, s -> s.phase().equals(p.key()) && !read.contains(s.text()), null);
        if (said != null && read.add(said)) parts.add(p.name() + ": " + quote(said));
      }
      for (ChurnSignal c : churn) if (read.add(c.quote())) parts.add("And something may change: " + quote(c.quote()));
    } else {
      // only this conversation, each sentence once
      if (root != null) read.add(root);
      if (opening != null && !opening.equals(root) && read.add(opening)) parts.add("You started from " + quote(opening));
      if (root != null) parts.add("Underneath, the concrete problem is " + quote(root));
      if (when != null && read.add(when)) parts.add("It started or shows up " + quote(when));
      if (who != null && read.add(who)) parts.add("It affects " + quote(who));
      if (gap != null && read.add(gap)) parts.add("You expected " + quote(gap));
      for (ChurnSignal c : churn) {
        parts.add(read.add(c.quote()) ? "And it weighs on whether you stay: " + quote(c.quote())
            : "And it weighs on whether you stay (" + c.signal() + ")");
      }
    }
    if (parts.isEmpty()) return "We did not get far enough to summarise.";
    return String.join(". ", parts) + ".";
  }

  private static String quote(String s) {
    String t = s.strip().replaceAll("[.!?]+$", "");
    if (t.length() > 220) t = t.substring(0, 217) + "…";
    return "“" + t + "”";
  }

  private static boolean phaseIs(Scored s, String... keys) {
    return Set.of(keys).contains(s.phase());
  }

  private static String best(List<Scored> all, java.util.function.Predicate<Scored> which, String fallback) {
    return all.stream().filter(which).max(Comparator.comparingDouble(Scored::spec).thenComparingInt(Scored::seq))
        .map(Scored::text).orElse(fallback);
  }

  private static String join(List<String> sentences) {
    if (sentences == null || sentences.isEmpty()) return null;
    String s = String.join(" ", sentences);
    return s.length() > 600 ? s.substring(0, 597) + "…" : s;
  }

  /** One sentence the customer said; {@code churn}: it carries a churn signal. */
  record Scored(String text, String phase, int phaseIdx, double spec, int seq, boolean churn, boolean answersChurn) {}

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
