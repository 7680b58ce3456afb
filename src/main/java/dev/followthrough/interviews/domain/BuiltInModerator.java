package dev.followthrough.interviews.domain;

import dev.followthrough.interviews.domain.Moderator.Move.Ask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline moderator. It walks the guide's phases; on a vague or terse answer it ladders deeper with
 * the most relevant unused probe (quoting the customer's own words), and moves on once an answer is
 * specific enough or the phase has had its probes. A short answer that names something ("Support, mostly.")
 * gets a question about that thing in the customer's words. A churn signal is followed up at once, quoting
 * the customer (one follow-up per kind of signal); hostility gets an acknowledgement and an offer to stop;
 * off-topic answers are steered back twice at most. It never asks the same question twice, and summarises
 * at the depth, question or time limit.
 */
public final class BuiltInModerator implements Moderator {

  /** Probes per phase before moving on even without a specific answer. */
  static final int MAX_PROBES = 2;

  static final List<String> LADDER = List.of(
      "You said “%s”. Which part of that, specifically?",
      "When you say “%s”, what does that look like in practice — which task or screen?");
  static final List<String> GENERIC = List.of(
      "Could you walk me through the last time that happened, step by step?",
      "Could you give me a concrete example?",
      "What did that mean for you in practice — what could you not get done?",
      "Where exactly did you get stuck?");
  static final List<String> TERSE = List.of(
      "Even a rough example helps. What is the first thing that comes to mind?",
      "Could you say a little more about that?");

  private final AnswerReader reader;

  public BuiltInModerator(AnswerReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return "built-in";
  }

  @Override
  public Move next(Context c) {
    Guide g = c.guide();
    Memory m = c.memory();
    Turn lastAnswer = c.turns().isEmpty() || !c.turns().getLast().byCustomer() ? null : c.turns().getLast();
    if (lastAnswer == null) {
      return first(g, c, m);
    }
    Guide.Phase phase = g.phases().get(Math.min(m.phase(), g.phases().size() - 1));
    Reading r = reader.read(lastAnswer.text(), phase);
    if (r.stop()) return new Move.Stop(r, m);

    String segment = m.segment();
    if (segment == null && !phase.variants().isEmpty() && r.substantive()) segment = reader.segment(g, r.text());
    m = new Memory(m.phase(), m.probes(), segment, m.churnFollowed(), m.acknowledged(), m.redirects());
    String sorry = r.hostile() && !m.acknowledged() ? ACKNOWLEDGE : null;
    Memory heard = sorry == null ? m : new Memory(m.phase(), m.probes(), m.segment(), m.churnFollowed(), true, m.redirects());

    // a churn signal is taken up at once, in the customer's words — even at the depth limit (one question more)
    int depthAfter = c.depth() + (r.substantive() ? 1 : 0);
    boolean outOfTime = c.startedAt() != null && Duration.between(c.startedAt(), c.now()).compareTo(c.limits().maxDuration()) >= 0;
    if (c.questions() <= c.limits().maxQuestions() && !outOfTime) {
      for (String signal : r.churn()) {
        if (heard.churnFollowed().contains(signal)) continue;
        Set<String> followed = new HashSet<>(heard.churnFollowed());
        followed.add(signal);
        String q = churnProbe(signal, AnswerReader.churnClause(r.text(), signal));
        if (!c.asked(q)) {
          return new Ask(sorry == null ? q : sorry + lowerFirst(q), phase.key(), "churn", r,
              new Memory(heard.phase(), heard.probes(), heard.segment(), followed, heard.acknowledged(), heard.redirects()));
        }
      }
    }

    if (depthAfter >= c.limits().maxDepth() || c.questions() >= c.limits().maxQuestions() || outOfTime) {
      return new Move.Summarise(depthAfter >= c.limits().maxDepth() ? "depth limit" : outOfTime ? "time limit" : "question limit", r, m);
    }

    // a short answer that names something ("Support, mostly.") gets a question about that, in the customer's words
    // (when the customer's own vague words name it — "The reporting is confusing and slow" — the ladder quotes them)
    if (r.topic() != null && !r.specific() && !r.nothingMore() && m.probes() <= MAX_PROBES) {
      String q = null;
      if (r.phrase() != null && r.phrase().length() <= 90
          && r.phrase().toLowerCase(java.util.Locale.ROOT).contains(r.topic().toLowerCase(java.util.Locale.ROOT))) {
        for (String l : LADDER) {
          String candidate = l.formatted(r.phrase());
          if (q == null && !c.asked(candidate) && !usedTemplate(c, l)) q = candidate;
        }
      }
      if (q == null) q = topical(c, g, phase, r.topic());
      if (q != null) {
        return new Ask(sorry == null ? q : sorry + lowerFirst(q), phase.key(), "probe", r,
            new Memory(heard.phase(), heard.probes() + 1, heard.segment(), heard.churnFollowed(), heard.acknowledged(), heard.redirects()));
      }
    }

    if (sorry != null) {
      String follow = unused(c, phase.questions());
      Memory after = heard;
      if (follow == null) {
        follow = nextQuestion(g, c, m, r);
        if (follow != null) after = advanced(heard, follow, g, c);
      }
      if (follow != null) return new Ask(sorry + lowerFirst(follow), g.phases().get(after.phase()).key(), "acknowledge", r, after);
    }

    if (r.offTopic()) {
      if (m.redirects() >= 2) return new Move.Summarise("off topic", r, m);
      String q = unused(c, phase.questions());
      if (q == null) q = unused(c, phase.probes());
      if (q != null) {
        return new Ask("Thanks for sharing that. So that your experience with us reaches the right people: " + lowerFirst(q),
            phase.key(), "redirect", r, new Memory(m.phase(), m.probes(), m.segment(), m.churnFollowed(), m.acknowledged(), m.redirects() + 1));
      }
    }

    // after a churn follow-up, the phase's own question still wants its answer ("who else?" answered with "we are
    // looking at alternatives" said nothing about who else)
    Turn asked = c.lastQuestion();
    if (asked != null && "churn".equals(asked.kind()) && !answeredPhase(c, phase) && m.probes() < MAX_PROBES) {
      String again = unused(c, phase.questions());
      if (again == null) again = unused(c, phase.probes());
      if (again != null) {
        return new Ask(again, phase.key(), "question", r, new Memory(m.phase(), m.probes() + 1, m.segment(), m.churnFollowed(), m.acknowledged(), m.redirects()));
      }
    }

    // generic probes only while the questions left can still reach every phase of the guide
    if (!r.specific() && !r.nothingMore() && m.probes() < MAX_PROBES && questionsLeft(c) > phasesLeft(g, c, m)) {
      String probe = probe(c, phase, r, m);
      if (probe != null) {
        return new Ask(probe, phase.key(), "probe", r, new Memory(m.phase(), m.probes() + 1, m.segment(), m.churnFollowed(), m.acknowledged(), m.redirects()));
      }
    }

    String q = nextQuestion(g, c, m, r);
    if (q == null) return new Move.Summarise("guide complete", r, m);
    Memory next = advanced(m, q, g, c);
    return new Ask(q, g.phases().get(next.phase()).key(), "question", r, next);
  }

  static final String ACKNOWLEDGE = "I hear you, and I am sorry this has been frustrating. I am not here to defend anything — only to "
      + "understand, in your words. If you would rather stop, just say so. Otherwise: ";

  /** Questions about what a short answer named, by the kind of phase; %s is the customer's own words. */
  static final Map<String, List<String>> TOPICAL = Map.of(
      "problem", List.of("What happened with %s? Think of the last time it got in your way.",
          "What about %s gets in your way, specifically — which step or moment?"),
      "sequence", List.of("When did %s start to feel different, and what happened first?",
          "What happened with %s? Think of the first time you noticed."),
      "people", List.of("What does this mean for %s — what do they have to do because of it?",
          "How does it show up for %s, day to day?"),
      "expectation", List.of("What did you expect of %s, and what happened instead?",
          "Where did that expectation of %s come from — the sale, onboarding, or your own assumption?"),
      "praise", List.of("What about %s made the difference for you? Think of a recent example.",
          "When did %s last help you — what were you doing?"),
      "friction", List.of("What happened with %s — what almost stopped you?",
          "What about %s got in the way, and what got you past it?"),
      "change", List.of("What would change for you if %s worked the way you want?",
          "What exactly about %s would you change first?"));

  static String phaseKind(Guide g, Guide.Phase p) {
    return switch (p.key()) {
      case "sequence" -> "sequence";
      case "relational" -> "people";
      case "expectation" -> "expectation";
      case "works", "changed", "moment", "peer" -> "praise";
      case "almost" -> "friction";
      case "better" -> "change";
      default -> "promoter".equals(g.kind()) ? "praise" : "problem";
    };
  }

  /** The first unused question about {@code topic} for this phase (then the general ones); null when all were asked. */
  static String topical(Context c, Guide g, Guide.Phase phase, String topic) {
    List<String> templates = new java.util.ArrayList<>(TOPICAL.get(phaseKind(g, phase)));
    if (!"praise".equals(phaseKind(g, phase))) templates.addAll(TOPICAL.get("problem"));
    for (String t : templates) {
      String q = t.formatted(topic);
      if (!c.asked(q)) return q;
    }
    return null;
  }

  /** Whether the phase has had a substantive answer that was not a churn remark or the answer to a churn follow-up. */
  private boolean answeredPhase(Context c, Guide.Phase phase) {
    List<Turn> t = c.turns();
    for (int i = 1; i < t.size(); i++) {
      Turn a = t.get(i);
      if (!a.byCustomer() || !phase.key().equals(a.phase()) || a.depth() == 0 && i != t.size() - 1) continue;
      if ("churn".equals(t.get(i - 1).kind())) continue;
      if (AnswerReader.CHURN_CUES.values().stream().anyMatch(p -> p.matcher(a.text()).find())) continue;
      if (i == t.size() - 1 && !reader.read(a.text(), phase).substantive()) continue;
      return true;
    }
    return false;
  }

  private static long questionsLeft(Context c) {
    return c.limits().maxQuestions() - c.questions();
  }

  /** Later phases that still have a question to ask. */
  private static long phasesLeft(Guide g, Context c, Memory m) {
    long n = 0;
    for (int i = m.phase() + 1; i < g.phases().size(); i++) if (unused(c, g.phases().get(i).questions()) != null) n++;
    return n;
  }

  private Move first(Guide g, Context c, Memory m) {
    Guide.Phase p = g.phases().getFirst();
    String q = unused(c, p.questions());
    return new Ask(q == null ? p.questions().getFirst() : q, p.key(), "question", null, new Memory(0, 0, m.segment(), m.churnFollowed(), m.acknowledged(), m.redirects()));
  }

  /** The first unused question of the next phase that has one; null when the guide is done. */
  private String nextQuestion(Guide g, Context c, Memory m, Reading r) {
    for (int i = m.phase() + 1; i < g.phases().size(); i++) {
      String q = unused(c, g.phases().get(i).questions());
      if (q != null) return q;
    }
    return null;
  }

  /** The memory after asking {@code question}: positioned on the phase it belongs to, with no probes used yet. */
  private static Memory advanced(Memory m, String question, Guide g, Context c) {
    for (int i = m.phase() + 1; i < g.phases().size(); i++) {
      if (g.phases().get(i).questions().contains(question)) {
        return new Memory(i, 0, m.segment(), m.churnFollowed(), m.acknowledged(), m.redirects());
      }
    }
    return m;
  }

  /** The most relevant unused probe for this answer: the customer's own vague words first, then the guide's. */
  private String probe(Context c, Guide.Phase phase, Reading r, Memory m) {
    if (r.terse()) {
      String t = unused(c, TERSE);
      if (t != null) return t;
    }
    if (r.phrase() != null && r.phrase().length() <= 90) {
      for (String l : LADDER) {
        String q = l.formatted(r.phrase());
        if (!c.asked(q) && !usedTemplate(c, l)) return q;
      }
    }
    List<String> candidates = new ArrayList<>();
    if (m.segment() != null) {
      String own = unused(c, phase.variants().getOrDefault(m.segment(), List.of()));
      if (own != null) return own;
    }
    for (String p : phase.probes()) if (!c.asked(p)) candidates.add(p);
    // the generic probes ask about a failure: a promoter's or a "what works" answer gets only the neutral one
    List<String> generic = "praise".equals(phaseKind(c.guide(), phase)) ? List.of(GENERIC.get(1)) : GENERIC;
    for (String p : generic) if (!c.asked(p)) candidates.add(p);
    if (candidates.isEmpty()) return null;
    return candidates.get(reader.closest(r.text(), candidates));
  }

  private static boolean usedTemplate(Context c, String template) {
    String head = template.substring(0, template.indexOf("%s"));
    String tail = template.substring(template.indexOf("%s") + 2);
    return c.turns().stream().anyMatch(t -> !t.byCustomer() && t.text().startsWith(head) && t.text().endsWith(tail));
  }

  /** The follow-up of a churn signal, quoting the sentence that carries it ({@code said}). */
  static String churnProbe(String signal, String said) {
    String quote = said == null ? "" : said.strip().replaceAll("[.!?]+$", "");
    if (quote.length() > 120) quote = quote.substring(0, 117).strip() + "…";
    String lead = quote.isEmpty() ? "" : "You said “" + quote + "”. ";
    return lead + switch (signal) {
      case AnswerReader.ALTERNATIVES -> "What would another tool have to do better for you — in which part of your work?";
      case AnswerReader.CHAMPION -> "Who on your side will look after this now, and what does that change for how you use us?";
      case AnswerReader.RENEWAL -> "What would need to be true by then for staying to be an easy decision?";
      case AnswerReader.BUDGET -> "When that budget decision is made, what would make us the tool you keep?";
      default -> "What is behind that?";
    };
  }

  private static String unused(Context c, List<String> questions) {
    for (String q : questions) if (!c.asked(q)) return q;
    return null;
  }

  private static String customerWords(Context c) {
    StringBuilder b = new StringBuilder();
    for (Turn t : c.turns()) if (t.byCustomer()) b.append(t.text()).append(' ');
    return b.toString().strip();
  }

  static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
