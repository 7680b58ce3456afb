package dev.followthrough.insights.eval;

import dev.followthrough.insights.domain.Calibration;
import dev.followthrough.insights.domain.Codebook;
import dev.followthrough.insights.domain.EmbeddedText;
import dev.followthrough.insights.domain.MechanismClassifier;
import dev.followthrough.insights.domain.MechanismClassifier.Label;
import dev.followthrough.insights.domain.MechanismCoder;
import dev.followthrough.insights.domain.TfIdf;
import dev.followthrough.insights.embedding.MiniLmEmbedder;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Evaluates the insight coder on labelled third-party data (see {@code scripts/evaluate-insights} and
 * {@code docs/insights-evaluation.md}). For each dataset it splits the texts per category with a fixed seed into a
 * held-out test set and a pool (the "confirmed examples", and the held-out data the calibration is fitted on), and
 * reports macro-F1 zero-shot and with k confirmed examples per category for:
 * <ul>
 *   <li><b>before</b>: the coder as it was — one vector per category from its name and description, MiniLM + TF-IDF;
 *   <li><b>ours</b>: the codebook used fully — several phrasings per category (max over phrasings beside their mean),
 *       what the category is not (pushed away), clause-level evidence mixed with the whole text, the lexical companion,
 *       the clause's polarity (a praise clause is not coded to a problem);
 *   <li><b>TF-IDF</b>: the same prototype math on TF-IDF vectors with the same codebook texts and examples;
 *   <li><b>supervised</b>: logistic regression over the same embeddings, trained on the whole pool (the ceiling).
 * </ul>
 * It fits the confidence calibration (Platt) on the pool and texts that fit no category, and reports its expected
 * calibration error, a reliability table and the precision of abstentions on held-out texts.
 */
public final class InsightEvaluation {

  record Item(String text, String label, Integer score) {}

  /**
   * @param phrasings extra example phrasings per category, written for this evaluation from the category's meaning
   * @param nots      what each category is not (a phrase of a neighbouring category)
   * @param others    texts of the dataset that fit none of the categories (OTHER rows, rarer issues)
   */
  record Dataset(String name, Map<String, String> descriptions, Map<String, List<String>> phrasings, Map<String, List<String>> nots,
                 List<Item> items, List<Item> others) {}

  record Split(List<Item> test, Map<String, List<Item>> pool) {}

  record Scores(double accuracy, double macroF1) {}

  /** One coded held-out text for calibration: features, probability, and whether the coding was right. */
  record Scored(double similarity, double margin, boolean right, boolean other, double oldConfidence, boolean oldRight,
                boolean coded, double[] features) {}

  /** One k of one dataset: the held-out truth, ours' forced choice, the "fits none" features, TF-IDF's macro-F1. */
  record KRun(String dataset, String k, List<String> labels, List<String> truth, List<String> predicted, List<Boolean> gated,
              List<double[]> features, double tfidfF1) {}

  static final List<KRun> RUNS = new ArrayList<>();

  public static void main(String[] args) throws IOException {
    Map<String, String> opt = new HashMap<>();
    for (String a : args) {
      if (!a.startsWith("--")) throw new IllegalArgumentException("options look like --key=value or --flag: " + a);
      if (a.contains("=")) opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      else opt.put(a.substring(2), "true");
    }
    Path data = Path.of(opt.getOrDefault("data", "../shared/data"));
    long seed = Long.parseLong(opt.getOrDefault("seed", "20261123"));
    double testShare = Double.parseDouble(opt.getOrDefault("test-share", "0.4"));
    int minPerCategory = Integer.parseInt(opt.getOrDefault("min-per-category", "40"));
    List<Integer> ks = List.of(opt.getOrDefault("k", "0,5,10,25").split(",")).stream().map(String::trim).map(Integer::parseInt).toList();
    List<String> which = List.of(opt.getOrDefault("datasets", "app_reviews,complaints").split(","));
    phrasingWeight = Double.parseDouble(opt.getOrDefault("phrasing-weight", String.valueOf(phrasingWeight)));
    clauseWeight = Double.parseDouble(opt.getOrDefault("clause-weight", String.valueOf(clauseWeight)));
    notWeight = Double.parseDouble(opt.getOrDefault("not-weight", String.valueOf(notWeight)));
    lexicalWeight = Double.parseDouble(opt.getOrDefault("lexical-weight", String.valueOf(lexicalWeight)));
    double abstainBelow = Double.parseDouble(opt.getOrDefault("abstain-below", "0.2"));
    String writeCalibration = opt.get("write-calibration");
    double fitsNoneAbove = Double.parseDouble(opt.getOrDefault("fits-none-above", "0.7"));
    String fitsNoneFrom = opt.get("fits-none-from"); // a calibration file whose "fits none" model was fitted on another split

    MiniLmEmbedder embedder = new MiniLmEmbedder(Path.of(opt.getOrDefault("cache", "target-eval/djl-cache")));
    long t0 = System.nanoTime();
    embedder.warmUp();
    System.out.printf(Locale.ROOT, "model loaded in %.1f s; seed %d, test share %.0f%%, categories with >= %d texts; "
            + "phrasing weight %.2f, clause weight %.2f, not weight %.2f, lexical weight %.2f%n%n",
        (System.nanoTime() - t0) / 1e9, seed, testShare * 100, minPerCategory, phrasingWeight, clauseWeight, notWeight, lexicalWeight);

    List<String> report = new ArrayList<>();
    report.add("| dataset | test texts | k | before macro-F1 | TF-IDF before | ours macro-F1 | TF-IDF macro-F1 | Δ ours − TF-IDF | ours accuracy | supervised (full pool) macro-F1 | gap to supervised |");
    report.add("|---|---|---|---|---|---|---|---|---|---|---|");
    Map<String, List<Scored>> fitOn = new LinkedHashMap<>();
    Map<String, List<Scored>> testOn = new LinkedHashMap<>();
    for (String name : which) {
      Dataset d = switch (name.trim()) {
        case "app_reviews" -> appReviews(data.resolve("app_reviews_urr/golden_set.csv"), minPerCategory);
        case "complaints" -> complaints(data.resolve("cfpb_complaints/complaints_sample.csv"), minPerCategory);
        default -> throw new IllegalArgumentException("unknown dataset " + name);
      };
      evaluate(d, embedder, seed, testShare, ks, report, fitOn, testOn);
    }
    System.out.println();
    report.forEach(System.out::println);

    // calibration: fitted on the pools (never the test texts) and half the texts that fit nothing, all sets together
    List<Calibration.Observation> obs = new ArrayList<>();
    fitOn.values().forEach(l -> l.stream().filter(Scored::coded)
        .forEach(x -> obs.add(new Calibration.Observation(x.similarity(), x.margin(), x.right()))));
    Calibration cal = Calibration.fit(obs, String.join("+", fitOn.keySet()) + ", seed " + seed + ", " + obs.size() + " held-out codings");
    // "fits none": a separate logistic fit of "the text fits no category" on the same held-out texts (all of them: a
    // praise text that a problem-only codebook cannot take may still be about one of its topics), over the coder's features
    List<double[]> noneX = new ArrayList<>();
    List<Boolean> noneY = new ArrayList<>();
    fitOn.values().forEach(l -> l.forEach(x -> { noneX.add(x.features()); noneY.add(x.other()); }));
    Calibration.FitsNone none = Calibration.FitsNone.fit(noneX, noneY);
    if (fitsNoneFrom != null) {
      try (var in = Files.newInputStream(Path.of(fitsNoneFrom))) { none = Calibration.load(in).fitsNone(); }
      System.out.println("\"fits none\" model from " + fitsNoneFrom + " (fitted on another split)");
    }
    cal = cal.withFitsNone(none);
    System.out.printf(Locale.ROOT, "fits none: weights %s (%s), bias %.3f, fitted on %d texts%n", java.util.Arrays.toString(none.weights()),
        String.join(", ", MechanismCoder.FEATURES), none.bias(), noneX.size());
    System.out.printf(Locale.ROOT, "%ncalibration: p = 1 / (1 + exp(-(%.3f * similarity + %.3f * margin + %.3f))), fitted on %d codings%n",
        cal.similarityWeight(), cal.marginWeight(), cal.bias(), obs.size());
    System.out.println();
    System.out.println("| dataset | held-out codings | ECE before (softmax) | ECE ours (calibrated) | share below target 0.9 (review) | precision above 0.9 |");
    System.out.println("|---|---|---|---|---|---|");
    List<double[]> allNew = new ArrayList<>();
    for (var e : testOn.entrySet()) {
      List<double[]> before = new ArrayList<>(), after = new ArrayList<>();
      int above = 0, aboveRight = 0;
      List<Scored> coded = e.getValue().stream().filter(Scored::coded).toList();
      // before: every text got its best label with the softmax confidence; ours: the codings made, calibrated
      for (Scored x : e.getValue()) before.add(new double[] {x.oldConfidence(), x.oldRight() ? 1 : 0});
      for (Scored x : coded) {
        double p = cal.probability(x.similarity(), x.margin());
        after.add(new double[] {p, x.right() ? 1 : 0});
        if (p >= 0.9) { above++; if (x.right()) aboveRight++; }
      }
      allNew.addAll(after);
      System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.0f%% | %s |%n", e.getKey(), coded.size(),
          Calibration.ece(Calibration.reliability(before, 10)), Calibration.ece(Calibration.reliability(after, 10)),
          100.0 * (coded.size() - above) / coded.size(),
          above == 0 ? "— (none)" : String.format(Locale.ROOT, "%.3f (%d)", (double) aboveRight / above, above));
    }
    System.out.println();
    System.out.println("Reliability, all held-out codings (ours, calibrated):");
    System.out.println();
    System.out.println("| confidence | codings | mean confidence | share right | |");
    System.out.println("|---|---|---|---|---|");
    for (Calibration.Bin b : Calibration.reliability(allNew, 10)) {
      System.out.printf(Locale.ROOT, "| %.1f–%.1f | %d | %s | %s | `%s` |%n", b.low(), b.high(), b.count(),
          b.count() == 0 ? "—" : String.format(Locale.ROOT, "%.2f", b.meanConfidence()),
          b.count() == 0 ? "—" : String.format(Locale.ROOT, "%.2f", b.accuracy()), bar(b));
    }
    System.out.println();
    System.out.println("Abstention (\"no mechanism fits\"), held-out in-category texts and held-out texts that fit no category:");
    System.out.println();
    System.out.println("| dataset | abstain below | abstained | of which fit no category (precision) | no-category texts caught (recall) | in-category texts lost |");
    System.out.println("|---|---|---|---|---|---|");
    for (var e : testOn.entrySet()) {
      for (double t : new double[] {0.0, 0.1, 0.15, 0.2, 0.25, 0.3}) {
        int abst = 0, absOther = 0, others = 0, inLost = 0, in = 0;
        for (Scored x : e.getValue()) {
          double p = cal.probability(x.similarity(), x.margin());
          if (x.other()) others++; else in++;
          if (!x.coded() || p < t) { abst++; if (x.other()) absOther++; else inLost++; }
        }
        System.out.printf(Locale.ROOT, "| %s | %.2f | %d | %s | %s | %s |%n", e.getKey(), t, abst,
            abst == 0 ? "—" : String.format(Locale.ROOT, "%.3f", (double) absOther / abst),
            others == 0 ? "—" : String.format(Locale.ROOT, "%.0f%% of %d", 100.0 * absOther / others, others),
            String.format(Locale.ROOT, "%.0f%% of %d", 100.0 * inLost / in, in));
      }
    }
    System.out.println();
    System.out.println("\"Fits none\" (separate model): abstain when P(fits none) >= τ, on all held-out texts; "
        + "then with the polarity gate (a praise text and a problem-only codebook: not coded either) added:");
    System.out.println();
    System.out.println("| dataset | τ | abstained (fits none) | precision | recall of no-category texts | in-category lost | with polarity gate: abstained | precision | recall | in-category lost |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (var e : testOn.entrySet()) {
      int others = 0, in = 0;
      for (Scored x : e.getValue()) if (x.other()) others++; else in++;
      for (double t : new double[] {0.5, 0.6, 0.7, 0.8, 0.9}) {
        int abst = 0, absOther = 0, gAbst = 0, gOther = 0;
        for (Scored x : e.getValue()) {
          boolean fitsNone = none.probability(x.features()) >= t;
          if (fitsNone) { abst++; if (x.other()) absOther++; }
          if (fitsNone || !x.coded()) { gAbst++; if (x.other()) gOther++; }
        }
        System.out.printf(Locale.ROOT, "| %s | %.1f | %d | %s | %.0f%% of %d | %.0f%% of %d | %d | %s | %.0f%% | %.0f%% |%n", e.getKey(), t, abst,
            abst == 0 ? "—" : String.format(Locale.ROOT, "%.3f", (double) absOther / abst), 100.0 * absOther / others, others,
            100.0 * (abst - absOther) / in, in, gAbst, gAbst == 0 ? "—" : String.format(Locale.ROOT, "%.3f", (double) gOther / gAbst),
            100.0 * gOther / others, 100.0 * (gAbst - gOther) / in);
      }
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "Macro-F1 with \"fits none\" at τ = %.2f (an abstained in-category text counts as a miss), against TF-IDF (forced choice):%n%n", fitsNoneAbove);
    System.out.println("| dataset | k | ours forced choice | ours with fits-none | abstained (of test texts) | TF-IDF | Δ with fits-none − TF-IDF |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (KRun r : RUNS) {
      List<String> withNone = new ArrayList<>();
      int abst = 0;
      for (int i = 0; i < r.truth().size(); i++) {
        boolean a = none.probability(r.features().get(i)) >= fitsNoneAbove;
        if (a) abst++;
        withNone.add(a ? "(none)" : r.predicted().get(i));
      }
      double forced = score(r.truth(), r.predicted(), r.labels()).macroF1(), f = score(r.truth(), withNone, r.labels()).macroF1();
      System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %d | %.3f | %+.1f |%n", r.dataset(), r.k(), forced, f, abst, r.tfidfF1(),
          100 * (f - r.tfidfF1()));
    }
    if (writeCalibration != null) {
      Files.writeString(Path.of(writeCalibration), cal.toProperties(
          "written by scripts/evaluate-insights --write-calibration (InsightEvaluation); see docs/insights-evaluation.md"));
      System.out.println("\nwrote " + writeCalibration);
    }
  }

  private static String bar(Calibration.Bin b) {
    if (b.count() == 0) return "";
    int right = (int) Math.round(20 * b.accuracy());
    int conf = (int) Math.round(20 * b.meanConfidence());
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 20; i++) s.append(i < right ? '#' : i == conf ? '|' : '.');
    return s.toString();
  }

  /** Production's defaults: InsightCoding.PHRASING_WEIGHT, MechanismCoder clause weight, lexical weight. */
  static double phrasingWeight = 0.3;
  static double clauseWeight = 0.25;
  static double notWeight = 0.25;
  static double lexicalWeight = 0.3;

  static void evaluate(Dataset d, MiniLmEmbedder real, long seed, double testShare, List<Integer> ks, List<String> report,
                       Map<String, List<Scored>> fitOn, Map<String, List<Scored>> testOn) {
    Split split = split(d, seed, testShare);
    List<String> labels = new ArrayList<>(d.descriptions().keySet());
    System.out.printf(Locale.ROOT, "%s: %d texts, %d categories, %d held out, %d texts that fit no category%n", d.name(),
        d.items().size(), labels.size(), split.test().size(), d.others().size());
    List<Label> classes = labels.stream().map(l -> new Label(l, l)).toList();
    CachingEmbedder embedder = new CachingEmbedder(real, Path.of("target-eval/embeddings-" + key(d.name()) + ".bin"));

    // the codebook, before: each category's name and one-line description; ours: with phrasings and what it is not
    Map<String, List<String>> before = new LinkedHashMap<>(), ours = new LinkedHashMap<>(), not = new LinkedHashMap<>();
    for (String l : labels) {
      Codebook.Mechanism m = new Codebook.Mechanism(key(l), l, d.descriptions().get(l), d.phrasings().getOrDefault(l, List.of()),
          "eval", Codebook.Mechanism.PROBLEM, d.nots().getOrDefault(l, List.of()));
      before.put(l, List.of(Codebook.describingTexts(m).getFirst()));
      ours.put(l, Codebook.describingTexts(m));
      not.put(l, Codebook.notTexts(m));
    }
    Map<String, List<float[]>> beforeV = embedAll(embedder, before), oursV = embedAll(embedder, ours), notV = embedAll(embedder, not);

    List<Item> poolItems = split.pool().values().stream().flatMap(List::stream).toList();
    List<Item> others = new ArrayList<>(d.others());
    Collections.shuffle(others, new Random(seed));
    List<Item> othersFit = others.subList(0, others.size() / 2), othersTest = others.subList(others.size() / 2, others.size());
    List<EmbeddedText> test = EmbeddedText.embedAll(embedder, split.test().stream().map(Item::text).toList());
    List<EmbeddedText> pool = EmbeddedText.embedAll(embedder, poolItems.stream().map(Item::text).toList());
    List<EmbeddedText> otherFitE = EmbeddedText.embedAll(embedder, othersFit.stream().map(Item::text).toList());
    List<EmbeddedText> otherTestE = EmbeddedText.embedAll(embedder, othersTest.stream().map(Item::text).toList());
    embedder.save();
    Map<Item, float[]> poolVectors = new HashMap<>();
    for (int i = 0; i < poolItems.size(); i++) poolVectors.put(poolItems.get(i), pool.get(i).vector());

    // the TF-IDF space: fitted on the codebook texts and the example pool (never on the test texts)
    List<String> corpus = new ArrayList<>();
    ours.values().forEach(corpus::addAll);
    poolItems.forEach(i -> corpus.add(i.text()));
    TfIdf tfidf = TfIdf.fit(corpus, 2);
    List<String> truth = split.test().stream().map(Item::label).toList();
    double supervised = score(truth, supervised(classes, poolItems, poolVectors, test, real.dimension()), labels).macroF1();

    for (int k : ks) {
      Map<String, List<float[]>> pos = new HashMap<>(), tfPos = new HashMap<>();
      Map<String, List<String>> exampleTexts = new HashMap<>();
      int used = Integer.MAX_VALUE;
      for (String l : labels) {
        List<Item> examples = split.pool().get(l).subList(0, Math.min(k, split.pool().get(l).size()));
        used = Math.min(used, examples.size());
        pos.put(l, examples.stream().map(poolVectors::get).toList());
        tfPos.put(l, examples.stream().map(i -> tfidf.vector(i.text())).toList());
        exampleTexts.put(l, examples.stream().map(Item::text).toList());
      }
      MechanismClassifier.Settings base = MechanismClassifier.Settings.defaults();
      // before: one vector per category, the hybrid as it was
      MechanismClassifier old = MechanismClassifier.train(classes, beforeV, pos, Map.of(), real.dimension(), base)
          .withLexical(MechanismClassifier.Lexical.train(classes, before, exampleTexts, Map.of(), corpus, base.exampleWeight(), lexicalWeight));
      // ours: every codebook text, what it is not, clause evidence and polarity
      MechanismClassifier.Settings richer = base.withPhrasing(phrasingWeight, notWeight);
      MechanismClassifier neu = MechanismClassifier.train(classes, oursV, pos, notV, real.dimension(), richer)
          .withLexical(MechanismClassifier.Lexical.train(classes, ours, exampleTexts, Map.of(), corpus, base.exampleWeight(), lexicalWeight));
      MechanismCoder coder = new MechanismCoder(neu, Set.of(), new Calibration(0, 0, 0, "none"),
          new MechanismCoder.Settings(clauseWeight, 0, 3, 0.015, -1, 2));
      // TF-IDF: the same prototype math on the same codebook texts and examples
      Map<String, List<float[]>> tfDescribing = new HashMap<>();
      ours.forEach((l, texts) -> tfDescribing.put(l, texts.stream().map(tfidf::vector).toList()));
      MechanismClassifier baseline = MechanismClassifier.train(classes, tfDescribing, tfPos, Map.of(), tfidf.dimension(),
          MechanismClassifier.Settings.defaults().with(5, 0, 0));
      Map<String, List<float[]>> tfBeforeDescribing = new HashMap<>();
      before.forEach((l, texts) -> tfBeforeDescribing.put(l, texts.stream().map(tfidf::vector).toList()));
      MechanismClassifier baselineBefore = MechanismClassifier.train(classes, tfBeforeDescribing, tfPos, Map.of(), tfidf.dimension(),
          MechanismClassifier.Settings.defaults().with(5, 0, 0));

      List<String> oldPred = new ArrayList<>(), newPred = new ArrayList<>(), tfPred = new ArrayList<>(), tfOldPred = new ArrayList<>();
      List<Boolean> gated = new ArrayList<>();
      List<double[]> features = new ArrayList<>();
      for (int i = 0; i < test.size(); i++) {
        EmbeddedText e = test.get(i);
        gated.add(coder.code(e, split.test().get(i).score()).isEmpty());
        features.add(coder.features(e, split.test().get(i).score()));
        oldPred.add(old.best(e.vector(), e.segmentVectors(), e.text()).label().mechanism());
        newPred.add(coder.top(e, split.test().get(i).score()).label().mechanism());
        float[] v = tfidf.vector(e.text());
        tfPred.add(baseline.best(v, List.of(v)).label().mechanism());
        tfOldPred.add(baselineBefore.best(v, List.of(v)).label().mechanism());
      }
      Scores a = score(truth, oldPred, labels), b = score(truth, newPred, labels), c = score(truth, tfPred, labels);
      double tfOld = score(truth, tfOldPred, labels).macroF1();
      String kText = k == 0 ? "0 (zero-shot)" : used < k ? k + " (≥" + used + ")" : String.valueOf(k);
      RUNS.add(new KRun(d.name(), kText, labels, truth, newPred, gated, features, c.macroF1()));
      report.add(String.format(Locale.ROOT, "| %s | %d | %s | %.3f | %.3f | %.3f | %.3f | %+.1f | %.3f | %.3f | %+.1f |", d.name(), truth.size(),
          kText, a.macroF1(), tfOld, b.macroF1(), c.macroF1(), 100 * (b.macroF1() - c.macroF1()), b.accuracy(), supervised,
          100 * (b.macroF1() - supervised)));
      System.out.printf(Locale.ROOT, "  k=%-3d before F1 %.3f | ours F1 %.3f acc %.3f | TF-IDF F1 %.3f | supervised F1 %.3f%n", k,
          a.macroF1(), b.macroF1(), b.accuracy(), c.macroF1(), supervised);

      if (k == 0) { // calibration data: the zero-shot coder on texts it never saw
        List<Scored> fit = new ArrayList<>(), held = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) fit.add(scored(coder, old, pool.get(i), poolItems.get(i), false));
        for (int i = 0; i < otherFitE.size(); i++) fit.add(scored(coder, old, otherFitE.get(i), othersFit.get(i), true));
        for (int i = 0; i < test.size(); i++) held.add(scored(coder, old, test.get(i), split.test().get(i), false));
        for (int i = 0; i < otherTestE.size(); i++) held.add(scored(coder, old, otherTestE.get(i), othersTest.get(i), true));
        fitOn.put(d.name(), fit);
        testOn.put(d.name(), held);
      }
    }
  }

  private static Scored scored(MechanismCoder coder, MechanismClassifier old, EmbeddedText e, Item item, boolean other) {
    MechanismCoder.Coding c = coder.top(e, item.score());
    MechanismClassifier.Match was = old.best(e.vector(), e.segmentVectors(), e.text());
    // no clause of a polarity any mechanism takes (all praise, and the codebook has only problems): nothing is coded
    boolean coded = !coder.code(e, item.score()).isEmpty();
    return new Scored(c.similarity(), c.margin(), coded && !other && c.label().mechanism().equals(item.label()), other,
        was.confidence(), !other && was.label().mechanism().equals(item.label()), coded, coder.features(e, item.score()));
  }

  private static Map<String, List<float[]>> embedAll(CachingEmbedder embedder, Map<String, List<String>> texts) {
    Map<String, List<float[]>> out = new HashMap<>();
    texts.forEach((l, ts) -> out.put(l, ts.isEmpty() ? List.of() : embedder.embed(ts)));
    return out;
  }

  /** Multinomial logistic regression over the text embeddings, trained on the whole pool: the supervised ceiling. */
  static List<String> supervised(List<Label> classes, List<Item> pool, Map<Item, float[]> vectors, List<EmbeddedText> test, int dim) {
    int c = classes.size();
    double[][] w = new double[c][dim + 1];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < c; i++) index.put(classes.get(i).mechanism(), i);
    // unit-length inputs: full-batch gradient descent with a large step converges in a few hundred epochs
    double rate = 4, l2 = 1e-4;
    for (int epoch = 0; epoch < 600; epoch++) {
      double[][] g = new double[c][dim + 1];
      for (Item it : pool) {
        float[] x = vectors.get(it);
        double[] p = softmax(w, x);
        int y = index.get(it.label());
        for (int k = 0; k < c; k++) {
          double err = p[k] - (k == y ? 1 : 0);
          for (int j = 0; j < dim; j++) g[k][j] += err * x[j];
          g[k][dim] += err;
        }
      }
      for (int k = 0; k < c; k++) for (int j = 0; j <= dim; j++) w[k][j] -= rate * (g[k][j] / pool.size() + l2 * w[k][j]);
    }
    List<String> out = new ArrayList<>();
    for (EmbeddedText e : test) {
      double[] p = softmax(w, e.vector());
      int best = 0;
      for (int k = 1; k < c; k++) if (p[k] > p[best]) best = k;
      out.add(classes.get(best).mechanism());
    }
    return out;
  }

  private static double[] softmax(double[][] w, float[] x) {
    double[] z = new double[w.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < w.length; k++) {
      double s = w[k][x.length];
      for (int j = 0; j < x.length; j++) s += w[k][j] * x[j];
      z[k] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int k = 0; k < z.length; k++) { z[k] = Math.exp(z[k] - max); sum += z[k]; }
    for (int k = 0; k < z.length; k++) z[k] /= sum;
    return z;
  }

  /** Per category, shuffled with the seed: the first {@code testShare} are held out, the rest are the example pool. */
  static Split split(Dataset d, long seed, double testShare) {
    Random random = new Random(seed);
    List<Item> test = new ArrayList<>();
    Map<String, List<Item>> pool = new LinkedHashMap<>();
    for (String l : d.descriptions().keySet()) {
      List<Item> of = new ArrayList<>(d.items().stream().filter(i -> i.label().equals(l)).toList());
      Collections.shuffle(of, random);
      int n = (int) Math.round(of.size() * testShare);
      test.addAll(of.subList(0, n));
      pool.put(l, List.copyOf(of.subList(n, of.size())));
    }
    return new Split(test, pool);
  }

  static Scores score(List<String> truth, List<String> predicted, List<String> labels) {
    int correct = 0;
    for (int i = 0; i < truth.size(); i++) if (truth.get(i).equals(predicted.get(i))) correct++;
    double f1Sum = 0;
    for (String l : labels) {
      int tp = 0, fp = 0, fn = 0;
      for (int i = 0; i < truth.size(); i++) {
        boolean t = truth.get(i).equals(l), p = predicted.get(i).equals(l);
        if (t && p) tp++; else if (p) fp++; else if (t) fn++;
      }
      f1Sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return new Scores((double) correct / truth.size(), f1Sum / labels.size());
  }

  static String key(String label) {
    return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  // ---- datasets ------------------------------------------------------------------------------------

  /** URR app reviews, human-labelled: the first label other than OTHER among class1..class5. */
  static Dataset appReviews(Path file, int minPerCategory) throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("UI", "The user interface: layout, screens, buttons, design, looks and display of the app.");
    all.put("ERROR", "The app crashes, freezes, shows errors or has bugs that stop it working.");
    all.put("DEVICE", "Problems with a specific phone or tablet model, or the app not supporting my device.");
    all.put("APP USABILITY", "The app is hard to use, confusing, or missing convenient ways to do things.");
    all.put("SECURITY", "Security of the app and account: passwords, locking, encryption, protection.");
    all.put("BATTERY", "The app drains the battery or uses too much power.");
    all.put("PERFORMANCE", "The app is slow, laggy, or takes a long time to load or respond.");
    all.put("MEMORY", "The app uses too much storage space or memory, or is too big.");
    all.put("ANDROID VERSION", "Problems after an Android update or with a particular Android version.");
    all.put("PRIVACY", "Privacy: the app asks for too many permissions or collects and shares personal data.");
    all.put("LICENSING", "Licensing and purchases: paid or pro version, ads, in-app purchases and license checks.");
    all.put("HARDWARE", "Problems with phone hardware such as the camera, GPS, sensors, SD card or bluetooth.");
    all.put("PRICE", "The price of the app is too high or not worth the money.");
    // written for this evaluation from each category's meaning, before any result was seen
    Map<String, List<String>> phrasings = new HashMap<>(), nots = new HashMap<>();
    phrasings.put("UI", List.of("the layout looks ugly and outdated", "buttons are too small to tap", "the screens are cluttered", "text is hard to read in this theme"));
    nots.put("UI", List.of("the app crashes when I open it"));
    phrasings.put("ERROR", List.of("it keeps crashing", "force closes every time I open it", "I get an error message and it stops working", "the app freezes and I have to restart it"));
    nots.put("ERROR", List.of("it is slow to load"));
    phrasings.put("DEVICE", List.of("doesn't work on my Samsung Galaxy", "not compatible with my tablet", "please support my phone model", "worked on my old phone but not on the new one"));
    nots.put("DEVICE", List.of("after the Android update it stopped working"));
    phrasings.put("APP USABILITY", List.of("hard to figure out how to use", "too many steps to do a simple thing", "it would be easier if I could", "not intuitive, confusing to navigate"));
    nots.put("APP USABILITY", List.of("the colors and design look bad"));
    phrasings.put("SECURITY", List.of("lock the app with a password", "my data should be encrypted", "add a PIN or fingerprint lock", "is my account safe"));
    nots.put("SECURITY", List.of("asks for too many permissions"));
    phrasings.put("BATTERY", List.of("drains my battery", "battery goes down fast when it runs", "uses too much power in the background"));
    nots.put("BATTERY", List.of("uses too much memory"));
    phrasings.put("PERFORMANCE", List.of("very slow to load", "laggy and takes forever", "it takes a long time to respond"));
    nots.put("PERFORMANCE", List.of("it crashes"));
    phrasings.put("MEMORY", List.of("takes up too much space", "the app is too big", "uses a lot of RAM", "please let me move it to the SD card"));
    nots.put("MEMORY", List.of("drains the battery"));
    phrasings.put("ANDROID VERSION", List.of("stopped working after the Android update", "not working on Lollipop", "please update it for the new Android version", "crashes since I upgraded Android"));
    nots.put("ANDROID VERSION", List.of("doesn't work on my Samsung phone"));
    phrasings.put("PRIVACY", List.of("why does it need access to my contacts", "too many permissions", "it shares my personal data", "it tracks my location"));
    nots.put("PRIVACY", List.of("add a password lock"));
    phrasings.put("LICENSING", List.of("I paid for the pro version and it still shows ads", "the license check fails", "the in-app purchase did not unlock anything", "too many ads, I would pay to remove them"));
    nots.put("LICENSING", List.of("too expensive for what it does"));
    List<Item> items = new ArrayList<>();
    List<Item> others = new ArrayList<>();
    for (Map<String, String> row : csv(file, StandardCharsets.ISO_8859_1)) {
      String text = row.getOrDefault("reviewText", "").trim();
      if (text.isEmpty()) continue;
      Integer stars = null;
      try { stars = Integer.parseInt(row.getOrDefault("ratingStars", "").trim()); } catch (NumberFormatException e) { /* no rating */ }
      Integer score = stars == null ? null : Math.max(0, Math.min(10, 2 * stars)); // 1-5 stars read as a 0-10 score
      boolean labelled = false;
      for (int i = 1; i <= 5; i++) {
        String l = row.getOrDefault("class" + i, "").trim().toUpperCase(Locale.ROOT);
        if (!l.isEmpty() && !l.equals("OTHER")) {
          if (all.containsKey(l)) items.add(new Item(text, l, score));
          labelled = true;
          break;
        }
      }
      if (!labelled && row.getOrDefault("class1", "").trim().equalsIgnoreCase("OTHER")) others.add(new Item(text, "OTHER", score));
    }
    return keepFrequent("app reviews (URR)", all, phrasings, nots, items, others, minPerCategory);
  }

  /** CFPB complaint narratives, labelled with the issue the consumer chose. */
  static Dataset complaints(Path file, int minPerCategory) throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Incorrect information on your report",
        "My credit report shows accounts, balances, late payments or personal details that are wrong or not mine.");
    all.put("Problem with a credit reporting company's investigation into an existing problem",
        "The credit bureau did not properly investigate or fix the dispute I filed about my report.");
    all.put("Attempts to collect debt not owed",
        "A debt collector is trying to collect a debt I do not owe, already paid, or that is not mine.");
    all.put("Improper use of your report",
        "Someone pulled my credit report or made a hard inquiry without my permission or a valid reason.");
    all.put("Trouble during payment process",
        "Mortgage payments were not applied, misapplied, or mishandled by the servicer, including escrow.");
    all.put("Written notification about debt",
        "The collector did not send me written notice or validation of the debt I asked for.");
    all.put("Managing an account",
        "Problems managing my bank or card account: fees, closures, holds, deposits and transactions.");
    all.put("Took or threatened to take negative or legal action",
        "The collector sued, threatened to sue, garnish wages or report me to hurt my credit.");
    all.put("Communication tactics",
        "The collector calls too often, at work, uses abusive language or keeps contacting me after I asked them to stop.");
    all.put("Struggling to pay mortgage",
        "I cannot afford my mortgage and need a loan modification, forbearance or help to avoid foreclosure.");
    // written for this evaluation from each issue's meaning, before any result was seen
    Map<String, List<String>> phrasings = new HashMap<>(), nots = new HashMap<>();
    phrasings.put("Incorrect information on your report", List.of("there is an account on my credit report that is not mine",
        "my report shows a late payment I never made", "the balance reported is wrong", "my personal information on the report is incorrect"));
    nots.put("Incorrect information on your report", List.of("the bureau did not investigate my dispute"));
    phrasings.put("Problem with a credit reporting company's investigation into an existing problem", List.of(
        "I disputed it and they did not investigate", "the bureau verified the account without checking anything",
        "they never responded to my dispute", "my dispute was closed without a correction"));
    nots.put("Problem with a credit reporting company's investigation into an existing problem", List.of("someone pulled my credit without permission"));
    phrasings.put("Attempts to collect debt not owed", List.of("they are collecting a debt that is not mine", "I already paid this debt",
        "this debt was discharged in bankruptcy", "I do not owe this amount"));
    nots.put("Attempts to collect debt not owed", List.of("they call me every day at work"));
    phrasings.put("Improper use of your report", List.of("there is a hard inquiry I did not authorize",
        "they pulled my credit report without my permission", "unauthorized inquiries on my credit report"));
    nots.put("Improper use of your report", List.of("the account on my report is not mine"));
    phrasings.put("Trouble during payment process", List.of("my mortgage payment was not applied", "the servicer misapplied my payment",
        "my escrow was miscalculated", "they charged late fees even though I paid on time"));
    nots.put("Trouble during payment process", List.of("I cannot afford my mortgage anymore"));
    phrasings.put("Written notification about debt", List.of("I asked for validation of the debt and never received it",
        "they did not send me a written notice", "no letter explaining the debt"));
    nots.put("Written notification about debt", List.of("the debt is not mine"));
    phrasings.put("Managing an account", List.of("the bank charged me overdraft fees", "they closed my account without notice",
        "my deposit was put on hold", "a transaction on my account was not processed"));
    nots.put("Managing an account", List.of("my mortgage payment was misapplied"));
    List<Item> items = new ArrayList<>();
    List<Item> issues = new ArrayList<>();
    for (Map<String, String> row : csv(file, StandardCharsets.UTF_8)) {
      String text = row.getOrDefault("Consumer complaint narrative", "").trim();
      String issue = row.getOrDefault("Issue", "").trim();
      if (text.isEmpty()) continue;
      if (all.containsKey(issue)) items.add(new Item(text, issue, null));
      else issues.add(new Item(text, "OTHER", null));
    }
    return keepFrequent("complaints (CFPB)", all, phrasings, nots, items, issues, minPerCategory);
  }

  /** Categories with at least {@code min} texts; texts of the rarer ones join those that fit no category. */
  static Dataset keepFrequent(String name, Map<String, String> descriptions, Map<String, List<String>> phrasings,
                              Map<String, List<String>> nots, List<Item> items, List<Item> others, int min) {
    Map<String, String> kept = new LinkedHashMap<>();
    descriptions.forEach((l, desc) -> {
      if (items.stream().filter(i -> i.label().equals(l)).count() >= min) kept.put(l, desc);
    });
    List<Item> none = new ArrayList<>(others);
    items.stream().filter(i -> !kept.containsKey(i.label())).forEach(i -> none.add(new Item(i.text(), "OTHER", i.score())));
    // at most 400 of them, so the long complaints stay affordable to embed
    if (none.size() > 400) { Collections.shuffle(none, new Random(1)); none.subList(400, none.size()).clear(); }
    return new Dataset(name, kept, phrasings, nots, items.stream().filter(i -> kept.containsKey(i.label())).toList(), none);
  }

  /** RFC 4180 records: quoted fields may hold commas, quotes and line breaks. */
  public static List<List<String>> records(String all) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < all.length(); i++) {
      char c = all.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < all.length() && all.charAt(i + 1) == '"') { field.append('"'); i++; }
        else if (c == '"') quoted = false;
        else field.append(c);
      } else if (c == '"') quoted = true;
      else if (c == ',') { record.add(field.toString()); field.setLength(0); }
      else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < all.length() && all.charAt(i + 1) == '\n') i++;
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else field.append(c);
    }
    if (field.length() > 0 || !record.isEmpty()) { record.add(field.toString()); records.add(record); }
    return records;
  }

  /** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks), first row = header. */
  static List<Map<String, String>> csv(Path file, Charset charset) throws IOException {
    List<List<String>> records = records(Files.readString(file, charset));
    List<String> header = records.getFirst();
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size() && i < r.size(); i++) row.put(header.get(i), r.get(i));
      rows.add(row);
    }
    return rows;
  }
}
