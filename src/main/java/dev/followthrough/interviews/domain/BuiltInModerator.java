package dev.followthrough.interviews.domain;

import dev.followthrough.interviews.domain.Moderator.Move.Ask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The offline moderator. It walks the guide's phases; on a vague or terse answer it ladders deeper with
 * the most relevant unused probe (quoting the customer's own words), and moves on once an answer is
 * specific enough or the phase has had its probes. Churn signals get one follow-up each; hostility gets
 * an acknowledgement and an offer to stop; off-topic answers are steered back twice at most. It never
 * asks the same question twice, and summarises at the depth, question or time limit.
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

    int depthAfter = c.depth() + (r.substantive() ? 1 : 0);
    boolean outOfTime = c.startedAt() != null && Duration.between(c.startedAt(), c.now()).compareTo(c.limits().maxDuration()) >= 0;
    if (depthAfter >= c.limits().maxDepth() || c.questions() >= c.limits().maxQuestions() || outOfTime) {
      return new Move.Summarise(depthAfter >= c.limits().maxDepth() ? "depth limit" : outOfTime ? "time limit" : "question limit", r, m);
    }

    String segment = m.segment();
    if (segment == null && !phase.variants().isEmpty() && r.substantive()) segment = reader.segment(g, r.text());
    m = new Memory(m.phase(), m.probes(), segment, m.churnFollowed(), m.acknowledged(), m.redirects());

    if (r.hostile() && !m.acknowledged()) {
      Memory next = new Memory(m.phase(), m.probes(), m.segment(), m.churnFollowed(), true, m.redirects());
      String follow = unused(c, phase.questions());
      Memory after = next;
      if (follow == null) {
        follow = nextQuestion(g, c, m, r);
        if (follow != null) after = advanced(next, follow, g, c);
      }
      if (follow != null) {
        return new Ask("I hear you, and I am sorry this has been frustrating. I am not here to defend anything — only to "
            + "understand, in your words. If you would rather stop, just say so. Otherwise: " + lowerFirst(follow),
            g.phases().get(after.phase()).key(), "acknowledge", r, after);
      }
    }

    for (String signal : r.churn()) {
      if (m.churnFollowed().contains(signal)) continue;
      Set<String> followed = new HashSet<>(m.churnFollowed());
      followed.add(signal);
      String q = churnProbe(signal);
      if (!c.asked(q)) return new Ask(q, phase.key(), "churn", r, new Memory(m.phase(), m.probes(), m.segment(), followed, m.acknowledged(), m.redirects()));
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

    if (!r.specific() && !r.nothingMore() && m.probes() < MAX_PROBES) {
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
    for (String p : GENERIC) if (!c.asked(p)) candidates.add(p);
    if (candidates.isEmpty()) return null;
    return candidates.get(reader.closest(r.text(), candidates));
  }

  private static boolean usedTemplate(Context c, String template) {
    String head = template.substring(0, template.indexOf("%s"));
    String tail = template.substring(template.indexOf("%s") + 2);
    return c.turns().stream().anyMatch(t -> !t.byCustomer() && t.text().startsWith(head) && t.text().endsWith(tail));
  }

  static String churnProbe(String signal) {
    return switch (signal) {
      case AnswerReader.ALTERNATIVES -> "You mentioned looking at other options. What would another tool need to do better for you — in which part of your work?";
      case AnswerReader.CHAMPION -> "You mentioned a change in who is involved. Who on your side looks after us now, and what does that change for how we are used?";
      case AnswerReader.RENEWAL -> "You mentioned the renewal. What would need to be true by then for staying to be an easy decision?";
      default -> "Tell me more about that — what is behind it?";
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
