package dev.followthrough.interviews.domain;

import dev.followthrough.interviews.domain.InterviewResult.ChurnSignal;
import java.util.ArrayList;
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

  static final Pattern PEOPLE = Pattern.compile("(?i)\\b(team|colleagues?|manager|boss|finance|sales|support|ops|"
      + "engineers?|developers?|admins?|users|everyone|people|department|customers|cfo|ceo|cto|vp|director|they)\\b");
  static final Pattern WOULD = Pattern.compile("(?i)\\b(if (you|it|we|the)|would (make|change|help|need)|would be|i'?d give|wish|need(s)? to)\\b");
  static final Pattern EXPECT = Pattern.compile("(?i)\\b(expect(ed)?|promised|told|sold|shown|assumed|thought it would|supposed to)\\b");
  static final Pattern MONEY_OR_DEADLINE = Pattern.compile("(?i)(\\$|€|£|deadline|lost (a )?(deal|customer|client)|revenue|penalt|fine[ds]?\\b|audit|board)");

  static final Set<String> ROOT_PHASES = Set.of("operational", "holds-back", "changed", "moment");

  private Results() {}

  /** @param comment the survey comment (the stated reason when there is one); {@code score} the NPS score, if known */
  public static InterviewResult extract(Guide guide, List<Turn> turns, String comment, Integer score, String segment) {
    List<Turn> answers = turns.stream().filter(t -> t.byCustomer() && t.depth() > 0).toList();
    Map<String, List<String>> byPhase = new LinkedHashMap<>();
    List<Scored> all = new ArrayList<>();
    for (Turn a : answers) {
      int phaseIdx = Math.max(0, guide.phaseIndex(a.phase()));
      for (String s : AnswerReader.sentences(a.text())) {
        byPhase.computeIfAbsent(a.phase(), k -> new ArrayList<>()).add(s);
        // the phases that ask for the concrete thing weigh more when choosing the root cause
        double bonus = ROOT_PHASES.contains(a.phase()) ? 0.2 : 0;
        all.add(new Scored(s, a.phase(), phaseIdx, AnswerReader.lexicalSpecificity(s) + bonus, a.seq()));
      }
    }
    String first = answers.isEmpty() ? null : answers.getFirst().text();
    String stated = comment != null && !comment.isBlank() ? comment.strip() : first;

    // the root cause comes from the phases that ask for the concrete thing when the customer got there
    boolean reached = all.stream().anyMatch(x -> ROOT_PHASES.contains(x.phase()));
    Scored root = all.stream().filter(s -> !reached || ROOT_PHASES.contains(s.phase()))
        .max(Comparator.comparingDouble(Scored::spec).thenComparingInt(Scored::seq)).orElse(null);
    String what = best(all, s -> phaseIs(s, "operational", "holds-back", "changed"), null);
    if (what == null && root != null) what = root.text();
    String when = best(all, s -> AnswerReader.TIME.matcher(s.text()).find(), null);
    String often = best(all, s -> AnswerReader.FREQUENCY.matcher(s.text()).find(), null);
    String much = best(all, s -> AnswerReader.AMOUNT.matcher(s.text()).find(), null);
    String who = join(byPhase.get("relational"));
    if (who == null) who = best(all, s -> PEOPLE.matcher(s.text()).find() && !phaseIs(s, "situation"), null);
    String gap = join(byPhase.get("expectation"));
    if (gap == null) gap = best(all, s -> EXPECT.matcher(s.text()).find(), null);
    String change = best(all, s -> WOULD.matcher(s.text()).find(), null);
    if (change == null) change = join(byPhase.get("better"));

    List<ChurnSignal> churn = new ArrayList<>();
    for (Scored s : all) {
      for (var e : Map.of(AnswerReader.ALTERNATIVES, AnswerReader.ALTERNATIVE_CUES, AnswerReader.CHAMPION, AnswerReader.CHAMPION_CUES,
          AnswerReader.RENEWAL, AnswerReader.RENEWAL_CUES).entrySet()) {
        if (e.getValue().matcher(s.text()).find() && churn.stream().noneMatch(c -> c.signal().equals(e.getKey()))) {
          churn.add(new ChurnSignal(e.getKey(), s.text()));
        }
      }
    }
    churn.sort(Comparator.comparing(ChurnSignal::signal));
    List<String> quotes = all.stream().sorted(Comparator.comparingDouble(Scored::spec).reversed())
        .map(Scored::text).filter(t -> t.split("\\s+").length >= 5).distinct().limit(3).toList();

    String severity = severity(guide.kind(), score, churn, all);
    String summary = summary(guide, byPhase, stated, root == null ? null : root.text(), when, who, gap, churn);
    return new InterviewResult(summary, stated, root == null ? null : root.text(),
        new InterviewResult.Specifics(what, when, often, much), who, gap, severity, churn, change, quotes, null, null, segment);
  }

  static String severity(String kind, Integer score, List<ChurnSignal> churn, List<Scored> all) {
    boolean costly = all.stream().anyMatch(s -> MONEY_OR_DEADLINE.matcher(s.text()).find());
    if (!churn.isEmpty() && (kind.equals("detractor") || churn.size() > 1)) return "high";
    if (kind.equals("detractor")) return (score != null && score <= 4) || costly ? "high" : "medium";
    if (!churn.isEmpty() || costly) return "medium";
    return "low";
  }

  static String summary(Guide guide, Map<String, List<String>> byPhase, String stated, String root, String when, String who, String gap, List<ChurnSignal> churn) {
    List<String> parts = new ArrayList<>();
    if (guide.kind().equals("promoter")) {
      for (Guide.Phase p : guide.phases()) {
        List<String> said = byPhase.get(p.key());
        if (said != null && !said.isEmpty()) parts.add(p.name() + ": " + quote(said.getFirst()));
      }
    } else {
      if (stated != null) parts.add("You first said " + quote(stated));
      if (root != null && !root.equals(stated)) parts.add("Underneath, the concrete problem is " + quote(root));
      if (when != null && !when.equals(root)) parts.add("It started or shows up " + quote(when));
      if (who != null && !who.equals(root)) parts.add("It affects " + quote(who));
      if (gap != null && !gap.equals(root)) parts.add("You expected " + quote(gap));
      for (ChurnSignal c : churn) parts.add("And it weighs on whether you stay (" + c.signal() + ")");
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
    return all.stream().filter(which).max(Comparator.comparingDouble(Scored::spec)).map(Scored::text).orElse(fallback);
  }

  private static String join(List<String> sentences) {
    if (sentences == null || sentences.isEmpty()) return null;
    String s = String.join(" ", sentences);
    return s.length() > 600 ? s.substring(0, 597) + "…" : s;
  }

  record Scored(String text, String phase, int phaseIdx, double spec, int seq) {}

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
