package dev.followthrough.insights.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Codes a text clause by clause. Each clause gets its {@link Polarity} (from its words and the score); a praise
 * clause is coded only to praise mechanisms, a problem or suggestion clause only to problem mechanisms, a neutral
 * one to either. A clause's score for a mechanism mixes the whole text's similarity (context) with the clause's own
 * (the reason it gives); the clause is the evidence and the stated reason. Each coding's confidence is the
 * {@link Calibration}'s probability that it is right; below {@code abstainBelow} nothing is coded ("no mechanism
 * fits" is an answer).
 */
public final class MechanismCoder {

  /** One coding: the mechanism, the polarity of the clause that carries it, and that clause (index into the segments). */
  public record Coding(MechanismClassifier.Label label, Polarity polarity, float similarity, double margin, double confidence,
                       int segment) {}

  /**
   * @param clauseWeight    share of a clause's score that is its own similarity rather than the whole text's
   * @param abstainBelow    codings less likely right than this are not made
   * @param maxMechanisms   at most this many codings per text
   * @param secondaryMargin in a clause, mechanisms this close behind the best are candidates too
   * @param minSimilarity   below this similarity a clause fits no mechanism
   */
  public record Settings(double clauseWeight, double abstainBelow, int maxMechanisms, double secondaryMargin, double minSimilarity,
                         double fitsNoneAbove) {
    public static Settings defaults() {
      return new Settings(0.25, 0.2, 3, 0.015, 0.25, 0.7);
    }

    /** @param fitsNoneAbove a text this likely to fit no mechanism ({@link Calibration.FitsNone}) is coded to none */
    public Settings withFitsNoneAbove(double fitsNoneAbove) {
      return new Settings(clauseWeight, abstainBelow, maxMechanisms, secondaryMargin, minSimilarity, fitsNoneAbove);
    }
  }

  /** The features of {@link #features}, in order (also written beside the fitted weights). */
  public static final List<String> FEATURES = List.of("best score", "margin", "best raw cosine", "lexical support",
      "problem-clause share", "log words", "best minus mean");

  private final MechanismClassifier classifier;
  private final Set<String> praiseMechanisms;
  private final Calibration calibration;
  private final Settings settings;

  /** @param praiseMechanisms keys of the labels that are praise mechanisms; every other label is a problem mechanism */
  public MechanismCoder(MechanismClassifier classifier, Set<String> praiseMechanisms, Calibration calibration, Settings settings) {
    this.classifier = classifier;
    this.praiseMechanisms = Set.copyOf(praiseMechanisms);
    this.calibration = calibration;
    this.settings = settings;
  }

  public Calibration calibration() {
    return calibration;
  }

  private Polarity polarityOf(MechanismClassifier.Label l) {
    return praiseMechanisms.contains(l.mechanism()) ? Polarity.PRAISE : Polarity.PROBLEM;
  }

  private boolean allowed(Polarity clause, MechanismClassifier.Label l) {
    return clause == Polarity.NEUTRAL || Polarity.codesTo(clause, polarityOf(l));
  }

  /** A clause with its polarity and its scores for every label. */
  record Clause(int segment, Polarity polarity, float[] scores) {}

  List<Clause> clauses(EmbeddedText e, Integer score) {
    float[] whole = classifier.similarities(e.vector(), e.segmentVectors(), e.text());
    List<Clause> out = new ArrayList<>();
    int n = e.segments().size();
    if (n <= 1) {
      out.add(new Clause(n == 1 ? 0 : -1, Polarity.of(e.text(), score), whole));
      return out;
    }
    // a text longer than one chunk has chunks, not clauses, as segments: there the chunk's own score only adds noise
    // (measured on long complaints, docs/insights-evaluation.md), so the whole text scores and the chunk is the evidence
    double w = Segments.wordCount(e.text()) > EmbeddedText.MAX_CHUNK_WORDS ? 0 : settings.clauseWeight();
    for (int i = 0; i < n; i++) {
      float[] v = e.segmentVectors().get(i);
      String text = e.segments().get(i).text();
      float[] own = classifier.similarities(v, List.of(v), text);
      float[] mix = new float[whole.length];
      for (int j = 0; j < mix.length; j++) mix[j] = (float) ((1 - w) * whole[j] + w * own[j]);
      out.add(new Clause(i, Polarity.of(text, score), mix));
    }
    return out;
  }

  /**
   * What the "fits none" decision looks at (see {@link #FEATURES}): the best allowed coding's score and margin, the
   * best raw (semantic, whole-text) cosine to any mechanism, the TF-IDF cosine of the best mechanism's codebook
   * words to the text (lexical support), the share of clauses that state a problem or a wish, the text's length, and
   * how far the best score stands above the mean of all.
   */
  public double[] features(EmbeddedText e, Integer score) {
    Coding best = top(e, score);
    float[] raw = classifier.similarities(e.vector(), e.segmentVectors());
    double maxRaw = Double.NEGATIVE_INFINITY;
    for (float x : raw) maxRaw = Math.max(maxRaw, x);
    float[] lex = classifier.lexicalSimilarities(e.text());
    int j = classifier.labels().indexOf(best.label());
    double lexical = lex == null || j < 0 ? 0 : lex[j];
    List<Clause> cs = clauses(e, score);
    long problems = cs.stream().filter(c -> c.polarity() == Polarity.PROBLEM || c.polarity() == Polarity.SUGGESTION).count();
    float[] whole = cs.getFirst().scores();
    double mean = 0;
    for (float x : whole) mean += x / whole.length;
    return new double[] {best.similarity(), best.margin(), maxRaw, lexical, (double) problems / cs.size(),
        Math.log1p(Segments.wordCount(e.text())), best.similarity() - mean};
  }

  /** The probability that the text fits no mechanism of the codebook ({@link Calibration.FitsNone}). */
  public double fitsNone(EmbeddedText e, Integer score) {
    return calibration.fitsNone().probability(features(e, score));
  }

  /**
   * The codings of a text: per clause its best allowed mechanism (and close seconds), at most one coding per
   * mechanism; none when the text likely fits no mechanism ({@code fitsNoneAbove}).
   */
  public List<Coding> code(EmbeddedText e, Integer score) {
    if (calibration.fitsNone().weights().length > 0 && fitsNone(e, score) >= settings.fitsNoneAbove()) return List.of();
    return codeAll(e, score);
  }

  /** The codings of a text without the "fits none" decision. */
  public List<Coding> codeAll(EmbeddedText e, Integer score) {
    List<MechanismClassifier.Label> labels = classifier.labels();
    Map<String, Coding> byMechanism = new LinkedHashMap<>();
    for (Clause c : clauses(e, score)) {
      List<Integer> allowed = new ArrayList<>();
      for (int j = 0; j < labels.size(); j++) if (allowed(c.polarity(), labels.get(j))) allowed.add(j);
      if (allowed.isEmpty()) continue;
      allowed.sort(Comparator.comparingDouble((Integer j) -> c.scores()[j]).reversed());
      float top = c.scores()[allowed.getFirst()];
      for (int rank = 0; rank < allowed.size() && rank < settings.maxMechanisms(); rank++) {
        int j = allowed.get(rank);
        float s = c.scores()[j];
        if (s < settings.minSimilarity() || top - s > settings.secondaryMargin()) break;
        double margin = s - bestOther(c.scores(), allowed, j);
        double p = calibration.probability(s, margin);
        if (p < settings.abstainBelow()) continue;
        Coding coding = new Coding(labels.get(j), c.polarity(), s, margin, p, c.segment());
        byMechanism.merge(labels.get(j).mechanism(), coding, (a, b) -> a.confidence() >= b.confidence() ? a : b);
      }
    }
    return byMechanism.values().stream().sorted(Comparator.comparingDouble(Coding::confidence).reversed())
        .limit(settings.maxMechanisms()).toList();
  }

  /**
   * The single best coding of a text, even when it would abstain (for forced-choice evaluation and for fitting the
   * calibration): the allowed mechanism with the highest score over all clauses.
   */
  public Coding top(EmbeddedText e, Integer score) {
    List<MechanismClassifier.Label> labels = classifier.labels();
    Coding best = null;
    for (Clause c : clauses(e, score)) {
      List<Integer> allowed = new ArrayList<>();
      for (int j = 0; j < labels.size(); j++) if (allowed(c.polarity(), labels.get(j))) allowed.add(j);
      if (allowed.isEmpty()) continue;
      int j = allowed.stream().max(Comparator.comparingDouble(x -> c.scores()[x])).orElseThrow();
      double margin = c.scores()[j] - bestOther(c.scores(), allowed, j);
      Coding coding = new Coding(labels.get(j), c.polarity(), c.scores()[j], margin, calibration.probability(c.scores()[j], margin),
          c.segment());
      if (best == null || coding.similarity() > best.similarity()) best = coding;
    }
    if (best == null) { // no clause allows any label (all praise, a codebook of problems): forced choice over all
      Clause c = clauses(e, score).getFirst();
      List<Integer> all = new ArrayList<>();
      for (int j = 0; j < labels.size(); j++) all.add(j);
      int j = all.stream().max(Comparator.comparingDouble(x -> c.scores()[x])).orElseThrow();
      double margin = c.scores()[j] - bestOther(c.scores(), all, j);
      best = new Coding(labels.get(j), c.polarity(), c.scores()[j], margin, calibration.probability(c.scores()[j], margin), c.segment());
    }
    return best;
  }

  private static double bestOther(float[] scores, List<Integer> among, int except) {
    double best = Double.NEGATIVE_INFINITY;
    for (int j : among) if (j != except) best = Math.max(best, scores[j]);
    return best == Double.NEGATIVE_INFINITY ? scores[except] - 0.1 : best;
  }
}
