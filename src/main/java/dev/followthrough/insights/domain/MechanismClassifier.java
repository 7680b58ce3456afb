package dev.followthrough.insights.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Few-shot nearest-prototype classifier over normalised vectors.
 *
 * <p>Each label's prototype starts as its codebook vector (the mean of the embeddings of its
 * description and example phrases: zero-shot). Every text a person confirmed or corrected into the
 * label pulls the prototype toward the centroid of those texts, with weight n / (n + λ) for n
 * examples; texts a person rejected push it away a little. Measured on labelled sets, this mix
 * beats plain nearest-centroid and logistic regression at 5–10 examples; they only catch up near 25.
 *
 * <p>The same math runs on any vector space: the evaluation uses it on TF-IDF vectors as the baseline.
 * A classifier may carry a {@link Lexical} companion, the same prototypes over TF-IDF vectors: each
 * label's score is then the standardised semantic score mixed with the standardised lexical one
 * (measured: MiniLM alone loses to TF-IDF zero-shot on long, formulaic texts whose category names share
 * words with them; the mix beats both at every number of examples).
 */
public final class MechanismClassifier {

  public record Label(String mechanism, String category) {}

  /** A coded label: similarity is the cosine to the prototype; confidence a softmax over all labels. */
  public record Match(Label label, float similarity, double confidence, int segment) {}

  /**
   * @param exampleWeight    λ: how many confirmed examples weigh as much as the codebook text
   * @param negativeWeight   how far the centroid of rejected texts pushes a prototype away
   * @param temperature      softmax temperature on cosine similarities (confidence)
   * @param minSimilarity    below this, a text fits no mechanism (an emerging-theme candidate)
   * @param secondaryMargin  further mechanisms are coded when within this much of the best
   * @param maxMechanisms    at most this many mechanisms per text
   * @param segmentWeight    share of a label's score that comes from the text's best-matching segment
   *                         rather than the whole text (one sentence of a long complaint carries the reason)
   * @param neighbourWeight  share of a label's score that comes from the text's nearest confirmed examples
   * @param neighbours       how many nearest examples are averaged for that
   * @param phrasingWeight   share of a label's score that comes from its single closest codebook phrasing (its
   *                         description or one example phrase) rather than from their mean: one phrasing that says it
   *                         exactly is evidence the mean blurs
   */
  public record Settings(double exampleWeight, double negativeWeight, double temperature, double minSimilarity,
                         double secondaryMargin, int maxMechanisms, double segmentWeight, double neighbourWeight,
                         int neighbours, double phrasingWeight) {
    public static Settings defaults() {
      return new Settings(5, 0.25, 0.03, 0.25, 0.015, 3, 0.0, 0.0, 3, 0.0);
    }

    public Settings with(double exampleWeight, double segmentWeight, double neighbourWeight) {
      return new Settings(exampleWeight, negativeWeight, temperature, minSimilarity, secondaryMargin, maxMechanisms,
          segmentWeight, neighbourWeight, neighbours, phrasingWeight);
    }

    public Settings withPhrasing(double phrasingWeight, double negativeWeight) {
      return new Settings(exampleWeight, negativeWeight, temperature, minSimilarity, secondaryMargin, maxMechanisms,
          segmentWeight, neighbourWeight, neighbours, phrasingWeight);
    }
  }

  private final List<Label> labels;
  private final List<float[]> prototypes;
  private final Settings settings;
  private final float[] center;
  private final List<List<float[]>> examples;
  private final List<List<float[]>> phrasings;
  private final Lexical lexical;

  private MechanismClassifier(List<Label> labels, List<float[]> prototypes, Settings settings, float[] center,
                              List<List<float[]>> examples, List<List<float[]>> phrasings, Lexical lexical) {
    this.labels = List.copyOf(labels);
    this.prototypes = List.copyOf(prototypes);
    this.settings = settings;
    this.center = center;
    this.examples = List.copyOf(examples);
    this.phrasings = List.copyOf(phrasings);
    this.lexical = lexical;
  }

  /**
   * The lexical side of a hybrid classifier: prototypes over TF-IDF vectors, built with the same math from
   * the same codebook texts and examples, and the weight of its standardised scores in the mix.
   */
  public record Lexical(TfIdf space, MechanismClassifier classifier, double weight) {

    /**
     * @param corpus texts the term weights are fitted on (the codebook texts, the examples and recent comments;
     *               never needs labels)
     */
    public static Lexical train(List<Label> labels, Map<String, List<String>> describing, Map<String, List<String>> positives,
                                Map<String, List<String>> negatives, List<String> corpus, double exampleWeight, double weight) {
      TfIdf space = TfIdf.fit(corpus, corpus.size() >= 200 ? 2 : 1);
      java.util.function.Function<Map<String, List<String>>, Map<String, List<float[]>>> vectors = m -> {
        Map<String, List<float[]>> out = new java.util.HashMap<>();
        m.forEach((k, texts) -> out.put(k, texts.stream().map(space::vector).toList()));
        return out;
      };
      MechanismClassifier c = MechanismClassifier.train(labels, vectors.apply(describing), vectors.apply(positives), vectors.apply(negatives),
          space.dimension(), Settings.defaults().with(exampleWeight, 0, 0));
      return new Lexical(space, c, weight);
    }

    float[] similarities(String text) {
      float[] v = space.vector(text);
      return classifier.similarities(v, List.of(v));
    }
  }

  /** The lexical companion's own (unmixed TF-IDF cosine) scores for a text, or null without a companion. */
  float[] lexicalSimilarities(String text) {
    return lexical == null || text == null ? null : lexical.similarities(text);
  }

  /** This classifier with a lexical companion mixed into every score that comes with its text. */
  public MechanismClassifier withLexical(Lexical companion) {
    return new MechanismClassifier(labels, prototypes, settings, center, examples, phrasings, companion);
  }

  /**
   * Mixes standardised semantic and lexical scores with weight {@code w} on the lexical ones, and maps the
   * mix back onto the semantic scores' own mean and spread: the ranking is the mix's, while thresholds
   * (minimum similarity, margins, the softmax temperature) keep the meaning they have on cosines.
   */
  static float[] fuse(float[] semantic, float[] lexical, double w) {
    double[] ms = meanSd(semantic);
    double[] ml = meanSd(lexical);
    double[] mix = new double[semantic.length];
    for (int i = 0; i < mix.length; i++) {
      double zs = ms[1] > 1e-9 ? (semantic[i] - ms[0]) / ms[1] : 0;
      double zl = ml[1] > 1e-9 ? (lexical[i] - ml[0]) / ml[1] : 0;
      mix[i] = (1 - w) * zs + w * zl;
    }
    double mean = 0, sq = 0;
    for (double x : mix) mean += x;
    mean /= mix.length;
    for (double x : mix) sq += (x - mean) * (x - mean);
    double sd = Math.sqrt(sq / mix.length);
    float[] out = new float[mix.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = sd > 1e-9 ? (float) (ms[0] + ms[1] * (mix[i] - mean) / sd) : semantic[i];
    }
    return out;
  }

  private static double[] meanSd(float[] v) {
    double m = 0, q = 0;
    for (float f : v) m += f;
    m /= v.length;
    for (float f : v) q += (f - m) * (f - m);
    return new double[] {m, Math.sqrt(q / v.length)};
  }

  /**
   * Sentence embeddings crowd into a narrow cone, so raw cosines between texts of one domain are all
   * high and differ little; subtracting the mean of the domain's texts spreads them out again.
   */
  private static float[] centered(float[] v, float[] center) {
    if (center == null) return v;
    float[] out = v.clone();
    Vectors.addScaled(out, center, -1);
    return Vectors.normalized(out);
  }

  private static List<float[]> centered(List<float[]> vs, float[] center) {
    return center == null ? vs : vs.stream().map(v -> centered(v, center)).toList();
  }

  /**
   * @param describing vectors of each label's codebook texts (description, example phrases), by mechanism key
   * @param positives  vectors of texts people tied to the mechanism, by mechanism key
   * @param negatives  vectors of texts people said do not belong to it, by mechanism key
   */
  public static MechanismClassifier train(List<Label> labels, Map<String, List<float[]>> describing,
                                          Map<String, List<float[]>> positives, Map<String, List<float[]>> negatives,
                                          int dim, Settings settings) {
    return train(labels, describing, positives, negatives, dim, settings, null);
  }

  /** @param center the mean vector of the domain's texts, subtracted before comparing (null: none) */
  public static MechanismClassifier train(List<Label> labels, Map<String, List<float[]>> describing,
                                          Map<String, List<float[]>> positives, Map<String, List<float[]>> negatives,
                                          int dim, Settings settings, float[] center) {
    List<float[]> prototypes = new ArrayList<>();
    List<List<float[]>> examples = new ArrayList<>();
    List<List<float[]>> phrasings = new ArrayList<>();
    for (Label label : labels) {
      List<float[]> texts = centered(describing.getOrDefault(label.mechanism(), List.of()), center);
      phrasings.add(texts);
      float[] codebook = Vectors.centroid(texts, dim);
      List<float[]> pos = centered(positives.getOrDefault(label.mechanism(), List.of()), center);
      examples.add(pos);
      float[] p = codebook;
      if (!pos.isEmpty()) {
        double n = pos.size();
        float[] mixed = new float[dim];
        Vectors.addScaled(mixed, codebook, settings.exampleWeight() / (settings.exampleWeight() + n));
        Vectors.addScaled(mixed, Vectors.centroid(pos, dim), n / (settings.exampleWeight() + n));
        p = Vectors.normalized(mixed);
      }
      List<float[]> neg = centered(negatives.getOrDefault(label.mechanism(), List.of()), center);
      if (!neg.isEmpty()) {
        float[] pushed = p.clone();
        Vectors.addScaled(pushed, Vectors.centroid(neg, dim), -settings.negativeWeight());
        p = Vectors.normalized(pushed);
      }
      prototypes.add(p);
    }
    return new MechanismClassifier(labels, prototypes, settings, center, examples, phrasings, null);
  }

  public List<Label> labels() {
    return labels;
  }

  /**
   * A label's score for a text: {@link #similarities(float[], List)}, mixed with the lexical companion's
   * scores when there is one and the text is given.
   */
  public float[] similarities(float[] doc, List<float[]> segments, String text) {
    return fused(similarities(doc, segments), text);
  }

  private float[] fused(float[] semantic, String text) {
    if (lexical == null || text == null || lexical.weight() <= 0 || semantic.length < 2) return semantic;
    return fuse(semantic, lexical.similarities(text), lexical.weight());
  }

  /** A label's score: its prototype's cosine to the text, blended with the best segment's and the nearest examples'. */
  public float[] similarities(float[] doc, List<float[]> segments) {
    float[] d = centered(doc, center);
    List<float[]> segs = settings.segmentWeight() > 0 ? centered(segments, center) : List.of();
    float[] s = new float[prototypes.size()];
    for (int i = 0; i < s.length; i++) {
      float[] p = prototypes.get(i);
      double whole = withPhrasing(Vectors.dot(p, d), i, d);
      double score = whole;
      if (!segs.isEmpty()) {
        double best = Double.NEGATIVE_INFINITY;
        for (float[] seg : segs) best = Math.max(best, withPhrasing(Vectors.dot(p, seg), i, seg));
        score = (1 - settings.segmentWeight()) * score + settings.segmentWeight() * best;
      }
      if (settings.neighbourWeight() > 0) {
        score = (1 - settings.neighbourWeight()) * score + settings.neighbourWeight() * nearest(examples.get(i), d, whole);
      }
      s[i] = (float) score;
    }
    return s;
  }

  /** The prototype's cosine mixed with the cosine of the label's closest single codebook phrasing. */
  private double withPhrasing(double prototype, int label, float[] v) {
    // confirmed examples take over from the codebook's words as they come in, as they do in the prototype
    double w = settings.phrasingWeight() * settings.exampleWeight() / (settings.exampleWeight() + examples.get(label).size());
    List<float[]> ps = phrasings.get(label);
    if (w <= 0 || ps.size() < 2) return prototype;
    double best = Double.NEGATIVE_INFINITY;
    for (float[] p : ps) best = Math.max(best, Vectors.dot(p, v));
    return (1 - w) * prototype + w * best;
  }

  /** The mean cosine of the nearest examples; a label without examples answers its prototype's cosine. */
  private double nearest(List<float[]> ex, float[] d, double fallback) {
    if (ex.isEmpty()) return fallback;
    double[] sims = new double[ex.size()];
    for (int j = 0; j < sims.length; j++) sims[j] = Vectors.dot(ex.get(j), d);
    java.util.Arrays.sort(sims);
    int m = Math.min(settings.neighbours(), sims.length);
    double sum = 0;
    for (int j = 0; j < m; j++) sum += sims[sims.length - 1 - j];
    return sum / m;
  }

  /** The single most similar label (for evaluation and sub-population tagging). */
  public Match best(float[] doc, List<float[]> segments) {
    return best(doc, segments, null);
  }

  /** The single most similar label, the lexical companion mixed in when the text is given. */
  public Match best(float[] doc, List<float[]> segments, String text) {
    float[] semantic = similarities(doc, segments);
    float[] s = fused(semantic, text);
    double[] conf = softmax(semantic, settings.temperature()); // see classify: confidence stays the model's own
    int best = 0;
    for (int i = 1; i < s.length; i++) if (s[i] > s[best]) best = i;
    return new Match(labels.get(best), s[best], conf[best], -1);
  }

  /** The highest similarity to any label: low means the text fits no mechanism well. */
  public float bestSimilarity(float[] doc, List<float[]> segments) {
    return best(doc, segments).similarity();
  }

  public float bestSimilarity(float[] doc, List<float[]> segments, String text) {
    return best(doc, segments, text).similarity();
  }

  /**
   * Zero or more labels for a text: the best one if it is similar enough, and others close behind it.
   * Each match names the segment that carries it best: the evidence.
   */
  public List<Match> classify(float[] doc, List<float[]> segments) {
    return classify(doc, segments, null);
  }

  /** {@link #classify(float[], List)}, the lexical companion mixed in when the text is given. */
  public List<Match> classify(float[] doc, List<float[]> segments, String text) {
    float[] semantic = similarities(doc, segments);
    float[] s = fused(semantic, text);
    // the mix decides the ranking; the confidence stays the softmax of the sentence model's own cosines, the scale
    // review-below was set on. A shared word spikes the lexical z-score and made the mixed softmax near-certain
    // (0.95+ for a weak 0.45 match: the review queue stayed empty); and where the word-level mix overrules the
    // sentence model, its low confidence for the chosen label sends the coding to review
    double[] conf = softmax(semantic, settings.temperature());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < s.length; i++) order.add(i);
    order.sort(Comparator.comparingDouble((Integer i) -> s[i]).reversed());
    List<Match> out = new ArrayList<>();
    if (order.isEmpty() || s[order.getFirst()] < settings.minSimilarity()) return out;
    float top = s[order.getFirst()];
    for (int i : order) {
      if (out.size() >= settings.maxMechanisms()) break;
      if (s[i] < settings.minSimilarity() || top - s[i] > settings.secondaryMargin()) break;
      out.add(new Match(labels.get(i), s[i], conf[i], evidence(prototypes.get(i), centered(segments, center))));
    }
    return out;
  }

  private static int evidence(float[] prototype, List<float[]> segments) {
    int best = -1;
    float bestSim = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < segments.size(); i++) {
      float sim = Vectors.dot(prototype, segments.get(i));
      if (sim > bestSim) { bestSim = sim; best = i; }
    }
    return best;
  }

  static double[] softmax(float[] s, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (float x : s) max = Math.max(max, x);
    double[] out = new double[s.length];
    double sum = 0;
    for (int i = 0; i < s.length; i++) { out[i] = Math.exp((s[i] - max) / temperature); sum += out[i]; }
    for (int i = 0; i < s.length; i++) out[i] /= sum;
    return out;
  }
}
