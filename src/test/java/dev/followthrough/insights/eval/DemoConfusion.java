package dev.followthrough.insights.eval;

import dev.followthrough.insights.domain.Calibration;
import dev.followthrough.insights.domain.Codebook;
import dev.followthrough.insights.domain.DefaultCodebook;
import dev.followthrough.insights.domain.EmbeddedText;
import dev.followthrough.insights.domain.MechanismClassifier;
import dev.followthrough.insights.domain.MechanismCoder;
import dev.followthrough.insights.domain.Polarity;
import dev.followthrough.insights.embedding.MiniLmEmbedder;
import dev.followthrough.responses.demo.DemoCommentSamples;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Praise/problem confusion on demo comments ({@code scripts/evaluate-insights --demo}): 1,500 English demo comments,
 * each written from a known theme, coded as production codes them (the default codebook, its praise mechanisms and
 * what problems are not, clause polarity, the shipped calibration). Counts praise comments that got a problem
 * mechanism on a praise clause (a wish such as "Only wish: a dark mode" is a suggestion and is left out), and per
 * mechanism how many promoters, passives and detractors it is credited to.
 */
public final class DemoConfusion {

  public static void main(String[] args) throws Exception {
    MiniLmEmbedder real = new MiniLmEmbedder(Path.of("target-eval/djl-cache"));
    CachingEmbedder embedder = new CachingEmbedder(real, Path.of("target-eval/embeddings-demo.bin"));
    List<DemoCommentSamples.Sample> samples = DemoCommentSamples.english(1500, 20261207);
    Codebook book = DefaultCodebook.v1();
    List<MechanismClassifier.Label> labels = book.entries().stream()
        .map(e -> new MechanismClassifier.Label(e.mechanism().key(), e.category().key())).toList();
    Map<String, List<String>> texts = new HashMap<>();
    Map<String, List<float[]>> describing = new HashMap<>(), not = new HashMap<>();
    Set<String> praise = new HashSet<>();
    for (Codebook.Entry e : book.entries()) {
      texts.put(e.mechanism().key(), Codebook.describingTexts(e.mechanism()));
      describing.put(e.mechanism().key(), embedder.embed(Codebook.describingTexts(e.mechanism())));
      if (!e.mechanism().notExamples().isEmpty()) not.put(e.mechanism().key(), embedder.embed(Codebook.notTexts(e.mechanism())));
      if (e.mechanism().praise()) praise.add(e.mechanism().key());
    }
    MechanismClassifier.Settings settings = MechanismClassifier.Settings.defaults()
        .withPhrasing(InsightEvaluation.phrasingWeight, InsightEvaluation.notWeight);
    MechanismClassifier c = MechanismClassifier.train(labels, describing, Map.of(), not, embedder.dimension(), settings);
    List<String> corpus = new ArrayList<>();
    texts.values().forEach(corpus::addAll);
    samples.forEach(s -> corpus.add(s.text()));
    c = c.withLexical(MechanismClassifier.Lexical.train(labels, texts, Map.of(), Map.of(), corpus, 5, InsightEvaluation.lexicalWeight));
    Calibration calibration;
    try (InputStream in = DemoConfusion.class.getClassLoader().getResourceAsStream(Calibration.RESOURCE)) {
      calibration = Calibration.load(in);
    }
    MechanismCoder.Settings d = MechanismCoder.Settings.defaults();
    MechanismCoder coder = new MechanismCoder(c, praise, calibration, d);
    List<EmbeddedText> embedded = EmbeddedText.embedAll(embedder, samples.stream().map(DemoCommentSamples.Sample::text).toList());
    embedder.save();

    int praiseComments = 0, praiseWithProblem = 0, problemOnPraise = 0, codings = 0, below1 = 0, review = 0, none = 0;
    Map<String, int[]> byGroup = new TreeMap<>();
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      var s = samples.get(i);
      var e = embedded.get(i);
      List<MechanismCoder.Coding> cs = coder.code(e, s.score());
      if (cs.isEmpty()) none++;
      int bad = 0;
      for (var m : cs) {
        codings++;
        if (Math.round(100 * m.confidence()) < 1) below1++;
        if (m.confidence() < 0.9) review++;
        String ev = m.segment() >= 0 ? e.segments().get(m.segment()).text() : e.text();
        int g = switch (s.npsCategory()) { case "promoter" -> 0; case "passive" -> 1; default -> 2; };
        boolean own = (m.polarity() == Polarity.PRAISE) == praise.contains(m.label().mechanism());
        if (own) byGroup.computeIfAbsent(m.label().mechanism(), k -> new int[3])[g]++;
        boolean problemMechanism = !praise.contains(m.label().mechanism());
        if (s.praise() && problemMechanism && !wish(ev)) {
          bad++;
          if (shown.size() < 12) shown.add(m.label().mechanism() + " (" + m.polarity().key() + ") <- " + ev);
        }
      }
      if (s.praise()) { praiseComments++; if (bad > 0) praiseWithProblem++; problemOnPraise += bad; }
    }
    System.out.printf(Locale.ROOT, "praise comments %d, with a problem mechanism on a praise clause %d, such codings %d%n",
        praiseComments, praiseWithProblem, problemOnPraise);
    System.out.printf(Locale.ROOT, "codings %d (%d comments coded to none), below 1%%: %d, below the 0.9 target (review): %d%n",
        codings, none, below1, review);
    System.out.println("codings of each mechanism's own polarity, by who wrote them:");
    byGroup.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-22s promoters %4d passives %4d detractors %4d%n", k, v[0], v[1], v[2]));
    shown.forEach(x -> System.out.println("  e.g. " + x));
  }

  /** A wish or a condition for a higher score: a suggestion, fairly coded to a problem mechanism. */
  static boolean wish(String s) {
    return s.matches("(?is).*(wish|would be|missing|give us|waiting for|love to see|would score|i'd give|easy 10|perfect if).*");
  }
}
