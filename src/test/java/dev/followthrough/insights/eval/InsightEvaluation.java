package dev.followthrough.insights.eval;

import dev.followthrough.insights.domain.Codebook;
import dev.followthrough.insights.domain.EmbeddedText;
import dev.followthrough.insights.domain.MechanismClassifier;
import dev.followthrough.insights.domain.MechanismClassifier.Label;
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

/**
 * Evaluates the insight coder on labelled third-party data (see {@code scripts/evaluate-insights} and
 * {@code docs/insights-evaluation.md}). For each dataset it builds a codebook from the category names
 * plus one-line descriptions, splits the texts per category with a fixed seed into a held-out test set
 * and a pool of "confirmed examples", and reports accuracy and macro-F1 zero-shot and with k confirmed
 * examples per category — for MiniLM and, on the same split with the same examples and the same
 * classifier math, for TF-IDF vectors. It also measures raw embedding throughput and end-to-end
 * coding throughput in the same run.
 */
public final class InsightEvaluation {

  record Item(String text, String label) {}

  record Dataset(String name, Map<String, String> descriptions, List<Item> items) {}

  record Split(List<Item> test, Map<String, List<Item>> pool) {}

  record Scores(double accuracy, double macroF1) {}

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

    MiniLmEmbedder embedder = new MiniLmEmbedder(Path.of(opt.getOrDefault("cache", "target-eval/djl-cache")));
    boolean speedRun = !opt.containsKey("no-speed");
    center = opt.getOrDefault("center", "none");
    lexicalWeight = Double.parseDouble(opt.getOrDefault("lexical-weight", String.valueOf(lexicalWeight)));
    if (opt.containsKey("tune")) tuning = java.util.Arrays.stream(opt.get("tune").split(",")).mapToDouble(Double::parseDouble).toArray();
    long t0 = System.nanoTime();
    embedder.warmUp();
    System.out.printf(Locale.ROOT, "model loaded in %.1f s; seed %d, test share %.0f%%, categories with >= %d texts%n%n",
        (System.nanoTime() - t0) / 1e9, seed, testShare * 100, minPerCategory);

    List<String> report = new ArrayList<>();
    report.add("| dataset | categories | test texts | k | ours accuracy | ours macro-F1 | MiniLM alone macro-F1 | TF-IDF accuracy | TF-IDF macro-F1 | Δ macro-F1 (ours − TF-IDF) |");
    report.add("|---|---|---|---|---|---|---|---|---|---|");
    List<String> speed = new ArrayList<>();
    speed.add("| dataset | texts | words/text | raw embedding (texts/s) | coding incl. segmentation (texts/s) | coding / raw |");
    speed.add("|---|---|---|---|---|---|");
    for (String name : which) {
      Dataset d = switch (name.trim()) {
        case "app_reviews" -> appReviews(data.resolve("app_reviews_urr/golden_set.csv"), minPerCategory);
        case "complaints" -> complaints(data.resolve("cfpb_complaints/complaints_sample.csv"), minPerCategory);
        default -> throw new IllegalArgumentException("unknown dataset " + name);
      };
      evaluate(d, embedder, speedRun, seed, testShare, ks, report, speed);
    }
    System.out.println();
    report.forEach(System.out::println);
    System.out.println();
    calibration.forEach(System.out::println);
    System.out.println();
    speed.forEach(System.out::println);
  }

  static String center;
  /** Production's default {@code followthrough.insights.review-below}: less confident codings go to the review queue. */
  static final double REVIEW_BELOW = 0.6;
  static final List<String> calibration = new ArrayList<>(List.of(
      "| dataset | k | coded without review | accuracy without review | accuracy of those sent to review |", "|---|---|---|---|---|"));
  /** The lexical weight of the hybrid coder: production's default ({@code followthrough.insights.lexical-weight}). */
  static double lexicalWeight = 0.3;
  static double[] tuning;

  static void evaluate(Dataset d, MiniLmEmbedder real, boolean speedRun, long seed, double testShare, List<Integer> ks,
                       List<String> report, List<String> speed) {
    Split split = split(d, seed, testShare);
    List<String> labels = new ArrayList<>(d.descriptions().keySet());
    System.out.printf(Locale.ROOT, "%s: %d texts, %d categories, %d held out%n", d.name(), d.items().size(), labels.size(),
        split.test().size());
    for (String l : labels) {
      System.out.printf(Locale.ROOT, "  %-45s test %4d  pool %4d%n", l, split.test().stream().filter(i -> i.label().equals(l)).count(),
          split.pool().get(l).size());
    }

    // the codebook: each category's name and one-line description, nothing else
    List<Label> classes = labels.stream().map(l -> new Label(l, l)).toList();
    Map<String, String> describingText = new LinkedHashMap<>();
    for (String l : labels) {
      describingText.put(l, Codebook.describingTexts(new Codebook.Mechanism(key(l), l, d.descriptions().get(l), List.of(), "eval")).getFirst());
    }

    List<String> testTexts = split.test().stream().map(Item::text).toList();
    CachingEmbedder embedder = new CachingEmbedder(real, Path.of("target-eval/embeddings-" + key(d.name()) + ".bin"));
    // raw throughput: one embedding per text (the model truncates at 128 tokens)
    long t = System.nanoTime();
    if (speedRun) real.embed(testTexts);
    double rawSeconds = (System.nanoTime() - t) / 1e9;

    // coding throughput: segmentation, embedding and classification, as the coder does it
    MechanismClassifier.Settings settings = MechanismClassifier.Settings.defaults();
    if (tuning != null) settings = settings.with(tuning[0], tuning[1], tuning[2]);
    Map<String, List<float[]>> describing = new HashMap<>();
    List<float[]> codebookVectors = embedder.embed(new ArrayList<>(describingText.values()));
    for (int i = 0; i < labels.size(); i++) describing.put(labels.get(i), List.of(codebookVectors.get(i)));
    MechanismClassifier zeroShot = MechanismClassifier.train(classes, describing, Map.of(), Map.of(), embedder.dimension(), settings);
    t = System.nanoTime();
    List<EmbeddedText> test = EmbeddedText.embedAll(speedRun ? real : embedder, testTexts);
    for (EmbeddedText e : test) zeroShot.classify(e.vector(), e.segmentVectors());
    double codingSeconds = (System.nanoTime() - t) / 1e9;
    double words = testTexts.stream().mapToInt(s -> s.split("\\s+").length).average().orElse(0);
    if (speedRun) speed.add(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.2f |", d.name(), testTexts.size(), words,
        testTexts.size() / rawSeconds, testTexts.size() / codingSeconds, rawSeconds / codingSeconds));

    // the pool's examples, embedded the same way
    List<Item> poolItems = split.pool().values().stream().flatMap(List::stream).toList();
    List<EmbeddedText> poolEmbedded = EmbeddedText.embedAll(embedder, poolItems.stream().map(Item::text).toList());
    Map<Item, float[]> poolVectors = new HashMap<>();
    for (int i = 0; i < poolItems.size(); i++) poolVectors.put(poolItems.get(i), poolEmbedded.get(i).vector());
    if (!speedRun) EmbeddedText.embedAll(embedder, testTexts); // fills the cache for next time
    embedder.save();
    float[] mean = switch (center) {
      case "none" -> null;
      case "pool" -> dev.followthrough.insights.domain.Vectors.mean(poolEmbedded.stream().map(EmbeddedText::vector).toList(), embedder.dimension());
      case "codebook" -> dev.followthrough.insights.domain.Vectors.mean(codebookVectors, embedder.dimension());
      default -> throw new IllegalArgumentException("center: none, pool or codebook");
    };

    // the baseline's vector space: fitted on the codebook text and the example pool (never on the test texts)
    List<String> fitOn = new ArrayList<>(describingText.values());
    poolItems.forEach(i -> fitOn.add(i.text()));
    TfIdf tfidf = TfIdf.fit(fitOn, 2);
    Map<String, List<float[]>> tfDescribing = new HashMap<>();
    for (String l : labels) tfDescribing.put(l, List.of(tfidf.vector(describingText.get(l))));
    List<float[]> tfTest = testTexts.stream().map(tfidf::vector).toList();

    for (int k : ks) {
      Map<String, List<float[]>> pos = new HashMap<>();
      Map<String, List<float[]>> tfPos = new HashMap<>();
      int used = Integer.MAX_VALUE;
      for (String l : labels) {
        List<Item> examples = split.pool().get(l).subList(0, Math.min(k, split.pool().get(l).size()));
        used = Math.min(used, examples.size());
        pos.put(l, examples.stream().map(poolVectors::get).toList());
        tfPos.put(l, examples.stream().map(i -> tfidf.vector(i.text())).toList());
      }
      MechanismClassifier ours = MechanismClassifier.train(classes, describing, pos, Map.of(), embedder.dimension(), settings, mean);
      // the baseline keeps the plain prototype mix: the blends below only cost TF-IDF points when we tried them
      MechanismClassifier baseline = MechanismClassifier.train(classes, tfDescribing, tfPos, Map.of(), tfidf.dimension(),
          MechanismClassifier.Settings.defaults().with(5, 0, 0));
      List<String> truth = split.test().stream().map(Item::label).toList();
      Scores a = score(truth, test.stream().map(e -> ours.best(e.vector(), e.segmentVectors()).label().mechanism()).toList(), labels);
      Scores b = score(truth, tfTest.stream().map(v -> baseline.best(v, List.of(v)).label().mechanism()).toList(), labels);
      Map<String, List<String>> exampleTexts = new HashMap<>();
      for (String l : labels) {
        exampleTexts.put(l, split.pool().get(l).subList(0, Math.min(k, split.pool().get(l).size())).stream().map(Item::text).toList());
      }
      Map<String, List<String>> describingTexts = new HashMap<>();
      describingText.forEach((l, text) -> describingTexts.put(l, List.of(text)));
      MechanismClassifier hybrid = ours.withLexical(MechanismClassifier.Lexical.train(classes, describingTexts, exampleTexts,
          Map.of(), fitOn, settings.exampleWeight(), lexicalWeight));
      List<MechanismClassifier.Match> best = test.stream().map(e -> hybrid.best(e.vector(), e.segmentVectors(), e.text())).toList();
      Scores h = score(truth, best.stream().map(x -> x.label().mechanism()).toList(), labels);
      // calibration: how right the codings are that skip the review queue (confidence >= review-below) versus those it catches
      int sure = 0, sureRight = 0, unsureRight = 0;
      for (int i = 0; i < best.size(); i++) {
        boolean right = best.get(i).label().mechanism().equals(truth.get(i));
        if (best.get(i).confidence() >= REVIEW_BELOW) { sure++; if (right) sureRight++; } else if (right) unsureRight++;
      }
      int unsure = best.size() - sure;
      calibration.add(String.format(Locale.ROOT, "| %s | %d | %.0f%% | %s | %s |", d.name(), k, 100.0 * sure / best.size(),
          sure == 0 ? "—" : String.format(Locale.ROOT, "%.3f", (double) sureRight / sure),
          unsure == 0 ? "—" : String.format(Locale.ROOT, "%.3f", (double) unsureRight / unsure)));
      String kText = k == 0 ? "0 (zero-shot)" : used < k ? k + " (≥" + used + ")" : String.valueOf(k);
      report.add(String.format(Locale.ROOT, "| %s | %d | %d | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %+.1f |", d.name(), labels.size(),
          truth.size(), kText, h.accuracy(), h.macroF1(), a.macroF1(), b.accuracy(), b.macroF1(), 100 * (h.macroF1() - b.macroF1())));
      System.out.printf(Locale.ROOT, "  k=%-3d ours acc %.3f F1 %.3f | MiniLM alone F1 %.3f | TF-IDF acc %.3f F1 %.3f%n", k,
          h.accuracy(), h.macroF1(), a.macroF1(), b.accuracy(), b.macroF1());
    }
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
    List<Item> items = new ArrayList<>();
    for (Map<String, String> row : csv(file, StandardCharsets.ISO_8859_1)) {
      String text = row.getOrDefault("reviewText", "").trim();
      if (text.isEmpty()) continue;
      for (int i = 1; i <= 5; i++) {
        String l = row.getOrDefault("class" + i, "").trim().toUpperCase(Locale.ROOT);
        if (!l.isEmpty() && !l.equals("OTHER")) {
          if (all.containsKey(l)) items.add(new Item(text, l));
          break;
        }
      }
    }
    return keepFrequent("app reviews (URR)", all, items, minPerCategory);
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
    List<Item> items = new ArrayList<>();
    for (Map<String, String> row : csv(file, StandardCharsets.UTF_8)) {
      String text = row.getOrDefault("Consumer complaint narrative", "").trim();
      String issue = row.getOrDefault("Issue", "").trim();
      if (!text.isEmpty() && all.containsKey(issue)) items.add(new Item(text, issue));
    }
    return keepFrequent("complaints (CFPB)", all, items, minPerCategory);
  }

  static Dataset keepFrequent(String name, Map<String, String> descriptions, List<Item> items, int min) {
    Map<String, String> kept = new LinkedHashMap<>();
    descriptions.forEach((l, desc) -> {
      if (items.stream().filter(i -> i.label().equals(l)).count() >= min) kept.put(l, desc);
    });
    return new Dataset(name, kept, items.stream().filter(i -> kept.containsKey(i.label())).toList());
  }

  /** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks), first row = header. */
  static List<Map<String, String>> csv(Path file, Charset charset) throws IOException {
    String all = Files.readString(file, charset);
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
