package dev.followthrough.insights;

import dev.followthrough.insights.domain.Codebook;
import dev.followthrough.insights.domain.EmbeddedText;
import dev.followthrough.insights.domain.Embedder;
import dev.followthrough.insights.domain.Calibration;
import dev.followthrough.insights.domain.MechanismClassifier;
import dev.followthrough.insights.domain.MechanismCoder;
import dev.followthrough.insights.domain.Polarity;
import dev.followthrough.insights.domain.Segments;
import dev.followthrough.insights.jdbc.JdbcInsights;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.ResponseQueries.ResponseView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Codes texts into mechanisms of the current codebook with the in-process embedding model: arbitrary
 * texts (for integrations and evaluation), response comments (as they arrive, and in backlogs) and —
 * once interviews exist — transcripts. Learns from every confirmation, correction and rejection.
 */
@Service
public class InsightCoding {

  public static final String RESPONSE = "response";
  public static final String INTERVIEW = "interview";

  /** One mechanism a text was coded to, with the clause that carries it (offsets into the text) and that clause's polarity. */
  public record Coded(String mechanism, String mechanismName, String category, String categoryName, String owner,
                      double confidence, double similarity, int evidenceStart, int evidenceEnd, String evidence, String polarity) {}

  public record CodedText(String text, List<Coded> mechanisms, double bestSimilarity, int codebookVersion) {}

  /** The outcome of a review action. */
  public sealed interface Review {
    record Done(UUID codingId, String status, String mechanism) implements Review {}
    record NotFound(UUID codingId) implements Review {}
    record Invalid(String field, String reason) implements Review {}
  }

  /** What a source looks like to the coder; a response comment or an interview transcript. */
  public record Source(String type, UUID id, int revision, String text, Integer score, String npsCategory, UUID accountId,
                       String accountName, String tier, java.math.BigDecimal arr, Instant at) {}

  private record Model(int version, String examplesStamp, Codebook codebook, MechanismClassifier classifier, MechanismCoder coder) {}

  /** Each mechanism's codebook texts and what it is not, embedded once per codebook version. */
  private record Describing(int version, Map<String, List<float[]>> texts, Map<String, List<float[]>> not) {}

  private final Codebooks codebooks;
  private final JdbcInsights store;
  private final Embedder embedder;
  private final InsightsSettings settings;
  private final ResponseQueries responses;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate tx;
  private volatile Model model;
  private volatile Describing describing;
  private final Calibration calibration;

  InsightCoding(Codebooks codebooks, JdbcInsights store, Embedder embedder, InsightsSettings settings,
                ResponseQueries responses, ApplicationEventPublisher events, Clock clock, TransactionTemplate tx) {
    this.codebooks = codebooks;
    this.store = store;
    this.embedder = embedder;
    this.settings = settings;
    this.responses = responses;
    this.events = events;
    this.clock = clock;
    this.tx = tx;
    this.calibration = loadCalibration();
  }

  /** The calibration fitted by scripts/evaluate-insights on held-out labelled data (see docs/insights-evaluation.md). */
  static Calibration loadCalibration() {
    try (var in = InsightCoding.class.getClassLoader().getResourceAsStream(Calibration.RESOURCE)) {
      if (in == null) throw new IllegalStateException(Calibration.RESOURCE + " is missing from the class path");
      return Calibration.load(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---- the model ---------------------------------------------------------------------------------------

  public MechanismClassifier.Settings classifierSettings() {
    MechanismClassifier.Settings d = MechanismClassifier.Settings.defaults();
    return new MechanismClassifier.Settings(settings.exampleWeight(), d.negativeWeight(), d.temperature(),
        settings.minSimilarity(), d.secondaryMargin(), d.maxMechanisms(), d.segmentWeight(), d.neighbourWeight(), d.neighbours(),
        PHRASING_WEIGHT);
  }

  /** Measured in docs/insights-evaluation.md: the closest single phrasing's share of a mechanism's score. */
  static final double PHRASING_WEIGHT = 0.3;

  public MechanismCoder.Settings coderSettings() {
    MechanismCoder.Settings d = MechanismCoder.Settings.defaults();
    return new MechanismCoder.Settings(d.clauseWeight(), settings.abstainBelow(), d.maxMechanisms(), d.secondaryMargin(),
        settings.minSimilarity(), settings.fitsNoneAbove());
  }

  /** The classifier for the current codebook and examples; rebuilt when either changed (on any node). */
  private Model model() {
    Codebook book = codebooks.current();
    String stamp = store.examplesStamp();
    Model m = model;
    if (m != null && m.version() == book.version() && m.examplesStamp().equals(stamp)) return m;
    synchronized (this) {
      m = model;
      if (m != null && m.version() == book.version() && m.examplesStamp().equals(stamp)) return m;
      Map<String, List<float[]>> pos = new HashMap<>();
      Map<String, List<float[]>> neg = new HashMap<>();
      Map<String, List<String>> posTexts = new HashMap<>();
      Map<String, List<String>> negTexts = new HashMap<>();
      for (JdbcInsights.ExampleRow e : store.examples()) {
        (e.positive() ? pos : neg).computeIfAbsent(e.mechanism(), k -> new ArrayList<>()).add(e.embedding());
        (e.positive() ? posTexts : negTexts).computeIfAbsent(e.mechanism(), k -> new ArrayList<>()).add(e.body());
      }
      List<MechanismClassifier.Label> labels = book.entries().stream()
          .map(e -> new MechanismClassifier.Label(e.mechanism().key(), e.category().key())).toList();
      Describing d = describing(book);
      // what a mechanism is not pushes it away like a person's rejection does
      d.not().forEach((k, v) -> neg.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
      MechanismClassifier classifier = MechanismClassifier.train(labels, d.texts(), pos, neg, embedder.dimension(),
          classifierSettings());
      if (settings.lexicalWeight() > 0) classifier = classifier.withLexical(lexical(book, labels, posTexts, negTexts));
      java.util.Set<String> praise = new java.util.HashSet<>();
      for (Codebook.Entry e : book.entries()) if (e.mechanism().praise()) praise.add(e.mechanism().key());
      MechanismCoder coder = new MechanismCoder(classifier, praise, calibration, coderSettings());
      m = new Model(book.version(), stamp, book, classifier, coder);
      model = m;
      return m;
    }
  }

  /** The word-level (TF-IDF) side of the hybrid coder, from the same codebook texts and examples. */
  private MechanismClassifier.Lexical lexical(Codebook book, List<MechanismClassifier.Label> labels,
                                              Map<String, List<String>> posTexts, Map<String, List<String>> negTexts) {
    Map<String, List<String>> describingTexts = new HashMap<>();
    List<String> corpus = new ArrayList<>();
    for (Codebook.Entry e : book.entries()) describingTexts.put(e.mechanism().key(), Codebook.describingTexts(e.mechanism()));
    describingTexts.values().forEach(corpus::addAll);
    posTexts.values().forEach(corpus::addAll);
    negTexts.values().forEach(corpus::addAll);
    corpus.addAll(store.recentBodies(settings.lexicalCorpusSize()));
    return MechanismClassifier.Lexical.train(labels, describingTexts, posTexts, negTexts, corpus, settings.exampleWeight(),
        settings.lexicalWeight());
  }

  /** Each mechanism's codebook texts (and what it is not) embedded separately; once per codebook version. */
  private Describing describing(Codebook book) {
    Describing d = describing;
    if (d != null && d.version() == book.version()) return d;
    List<String> texts = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    List<Boolean> isNot = new ArrayList<>();
    for (Codebook.Entry e : book.entries()) {
      for (String t : Codebook.describingTexts(e.mechanism())) { texts.add(t); owners.add(e.mechanism().key()); isNot.add(false); }
      for (String t : Codebook.notTexts(e.mechanism())) { texts.add(t); owners.add(e.mechanism().key()); isNot.add(true); }
    }
    List<float[]> vectors = embedder.embed(texts);
    Map<String, List<float[]>> describe = new HashMap<>();
    Map<String, List<float[]>> not = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      (isNot.get(i) ? not : describe).computeIfAbsent(owners.get(i), k -> new ArrayList<>()).add(vectors.get(i));
    }
    d = new Describing(book.version(), describe, not);
    describing = d;
    return d;
  }

  public int codebookVersion() {
    return codebooks.current().version();
  }

  // ---- coding arbitrary texts ----------------------------------------------------------------------------

  /** Codes texts against the current codebook without storing anything (no score: polarity from the words alone). */
  public List<CodedText> code(List<String> texts) {
    Model m = model();
    List<EmbeddedText> embedded = EmbeddedText.embedAll(embedder, texts);
    List<CodedText> out = new ArrayList<>();
    for (EmbeddedText e : embedded) {
      List<MechanismCoder.Coding> codings = m.coder().code(e, null);
      out.add(new CodedText(e.text(), codings.stream().map(x -> coded(m.codebook(), x, e)).toList(),
          m.classifier().bestSimilarity(e.vector(), e.segmentVectors(), e.text()), m.version()));
    }
    return out;
  }

  private static Coded coded(Codebook book, MechanismCoder.Coding x, EmbeddedText e) {
    Codebook.Entry entry = book.entry(x.label().mechanism()).orElseThrow();
    Segments.Segment s = x.segment() >= 0 ? e.segments().get(x.segment()) : new Segments.Segment(0, e.text().length(), e.text());
    return new Coded(entry.mechanism().key(), entry.mechanism().name(), entry.category().key(), entry.category().name(),
        entry.mechanism().owner(), x.confidence(), x.similarity(), s.start(), s.end(), s.text(), x.polarity().key());
  }

  // ---- coding stored sources -----------------------------------------------------------------------------

  /**
   * Codes response comments and stores the codings. Idempotent: a response already coded at its current
   * revision with the current codebook version is skipped unless {@code force}. Returns how many were coded.
   */
  public int codeResponses(List<UUID> ids, boolean force) {
    if (ids.isEmpty()) return 0;
    int version = codebookVersion();
    Map<UUID, Integer> coded = force ? Map.of() : store.codedRevisions(ids, version);
    List<Source> sources = new ArrayList<>();
    for (ResponseView r : responses.findAll(ids)) {
      if (r.comment() == null || r.comment().isBlank()) continue;
      if (coded.getOrDefault(r.id(), -1) == r.revision()) continue;
      sources.add(new Source(RESPONSE, r.id(), r.revision(), r.comment(), r.score(), r.category(),
          r.account() == null ? null : r.account().id(), r.account() == null ? null : r.account().name(),
          r.account() == null ? null : r.account().tier(), r.account() == null ? null : r.account().arr(), r.respondedAt()));
    }
    return codeSources(sources);
  }

  /**
   * Codes an interview transcript (issue 5 will call this when an interview completes); stored with
   * source type {@code interview}, searchable and sized like comments.
   */
  public int codeTranscript(UUID interviewId, int revision, String transcript, Integer score, String npsCategory,
                            UUID accountId, String accountName, String tier, java.math.BigDecimal arr, Instant at) {
    return codeSources(List.of(new Source(INTERVIEW, interviewId, revision, transcript, score, npsCategory, accountId,
        accountName, tier, arr, at)));
  }

  private int codeSources(List<Source> sources) {
    if (sources.isEmpty()) return 0;
    Model m = model();
    List<EmbeddedText> embedded = EmbeddedText.embedAll(embedder, sources.stream().map(Source::text).toList());
    for (int i = 0; i < sources.size(); i++) {
      Source s = sources.get(i);
      EmbeddedText e = embedded.get(i);
      tx.executeWithoutResult(status -> store(s, e, m));
    }
    return sources.size();
  }

  private void store(Source s, EmbeddedText e, Model m) {
    Instant now = clock.instant();
    boolean bodyChanged = store.textState(s.type(), s.id()).map(t -> !t.body().equals(s.text())).orElse(false);
    List<MechanismCoder.Coding> matches = m.coder().code(e, s.score());
    float best = m.classifier().bestSimilarity(e.vector(), e.segmentVectors(), e.text());
    UUID textId = store.upsertText(new JdbcInsights.NewText(s.type(), s.id(), s.revision(), m.version(), s.text(), e.vector(),
        best, s.score(), s.npsCategory(), s.accountId(), s.accountName(), s.tier(), s.arr(), s.at()), now);
    // a person's verdict on the same words stands; on changed words it no longer applies
    store.deleteCodings(textId, bodyChanged);
    for (MechanismCoder.Coding x : matches) {
      Coded c = coded(m.codebook(), x, e);
      // a coding less likely right than the target precision waits for a person
      boolean review = x.confidence() < settings.targetPrecision();
      UUID id = UUID.randomUUID();
      boolean inserted = store.insertCoding(new JdbcInsights.NewCoding(id, textId, c.mechanism(), c.category(), c.confidence(),
          c.similarity(), c.evidenceStart(), c.evidenceEnd(), c.evidence(), statedReason(c.evidence()), m.version(), review,
          c.polarity()), now);
      if (inserted) {
        events.publishEvent(new MechanismCoded(id, s.type(), s.id(), s.revision(), c.mechanism(), c.category(), c.owner(),
            c.confidence(), m.version(), review));
      }
    }
  }

  /** The customer's own words for the reason: the evidence clause without a leading connective, at most 300 characters. */
  static String statedReason(String evidence) {
    String r = evidence.strip().replaceFirst("(?i)^(but|and|so|also|because|however|plus)[,\\s]+", "");
    if (r.length() > 300) r = r.substring(0, 297) + "...";
    return r.isEmpty() ? evidence : Character.toUpperCase(r.charAt(0)) + r.substring(1);
  }

  public List<Coding> codingsOfResponse(UUID responseId) {
    return store.codingsOfSource(RESPONSE, responseId).stream().map(Coding::of).toList();
  }

  // ---- learning from people ---------------------------------------------------------------------------------

  /** The machine was right: the coding stands, and the text becomes an example of its mechanism. */
  public Review confirm(UUID codingId, String by) {
    return withCoding(codingId, (c, now) -> {
      store.review(codingId, c.status().equals("corrected") ? "corrected" : "confirmed", c.mechanism(), c.categoryKey(), by, now);
      store.setPolarity(codingId, ownPolarity(c.mechanism()));
      store.insertExample(c.mechanism(), true, c.body(), store.textEmbedding(c.textId()), codingId, by, now);
      return new Review.Done(codingId, "confirmed", c.mechanism());
    });
  }

  /** The machine was wrong: the coding moves to another mechanism; the text becomes an example of it and a counter-example of the old one. */
  public Review correct(UUID codingId, String mechanism, String by) {
    Codebook book = codebooks.current();
    if (mechanism == null || mechanism.isBlank()) return new Review.Invalid("mechanism", "is required");
    Optional<Codebook.Entry> target = book.entry(mechanism);
    if (target.isEmpty()) return new Review.Invalid("mechanism", "'" + mechanism + "' is not in codebook version " + book.version());
    return withCoding(codingId, (c, now) -> {
      float[] vector = store.textEmbedding(c.textId());
      boolean sameText = store.codingsOfSource(c.sourceType(), c.sourceId()).stream()
          .anyMatch(o -> !o.id().equals(codingId) && o.mechanism().equals(mechanism));
      if (sameText) {
        // the text already carries the right mechanism: this coding was simply wrong
        store.review(codingId, "rejected", c.mechanism(), c.categoryKey(), by, now);
      } else {
        store.review(codingId, "corrected", mechanism, target.get().category().key(), by, now);
        store.setPolarity(codingId, target.get().mechanism().polarity());
      }
      store.insertExample(mechanism, true, c.body(), vector, codingId, by, now);
      if (!c.mechanism().equals(mechanism)) store.insertExample(c.mechanism(), false, c.body(), vector, codingId, by, now);
      return new Review.Done(codingId, "corrected", mechanism);
    });
  }

  /**
   * A person codes a stored text to a mechanism the machine did not give it (e.g. one that fit nothing):
   * the coding is stored as a correction, and the text becomes an example of the mechanism.
   */
  public Review assign(String sourceType, UUID sourceId, String mechanism, String by) {
    Codebook book = codebooks.current();
    if (mechanism == null || mechanism.isBlank()) return new Review.Invalid("mechanism", "is required");
    Optional<Codebook.Entry> target = book.entry(mechanism);
    if (target.isEmpty()) return new Review.Invalid("mechanism", "'" + mechanism + "' is not in codebook version " + book.version());
    Optional<JdbcInsights.TextState> text = store.textState(sourceType, sourceId);
    if (text.isEmpty()) return new Review.Invalid("responseId", "has no coded comment (yet)");
    return tx.execute(status -> {
      Instant now = clock.instant();
      String body = text.get().body();
      Optional<JdbcInsights.CodingRow> existing = store.codingsOfSource(sourceType, sourceId).stream()
          .filter(c -> c.mechanism().equals(mechanism)).findFirst();
      UUID id = existing.map(JdbcInsights.CodingRow::id).orElseGet(UUID::randomUUID);
      if (existing.isPresent()) {
        store.review(id, existing.get().status().equals("machine") ? "confirmed" : existing.get().status(), mechanism,
            target.get().category().key(), by, now);
        store.setPolarity(id, target.get().mechanism().polarity());
      } else {
        store.insertCoding(new JdbcInsights.NewCoding(id, text.get().id(), mechanism, target.get().category().key(), 1.0, 0,
            0, body.length(), body, statedReason(body), book.version(), false,
            target.get().mechanism().praise() ? Polarity.PRAISE.key() : Polarity.PROBLEM.key()), now);
        store.markAssigned(id, by, now);
      }
      store.insertExample(mechanism, true, body, store.textEmbedding(text.get().id()), id, by, now);
      return new Review.Done(id, "corrected", mechanism);
    });
  }

  /** The polarity a person's confirmation gives a coding: its mechanism's own (a problem, or praise). */
  private String ownPolarity(String mechanism) {
    return codebooks.current().entry(mechanism).map(e -> e.mechanism().polarity()).orElse(Codebook.Mechanism.PROBLEM);
  }

  /** The text does not speak of this mechanism at all. */
  public Review reject(UUID codingId, String by) {
    return withCoding(codingId, (c, now) -> {
      store.review(codingId, "rejected", c.mechanism(), c.categoryKey(), by, now);
      store.insertExample(c.mechanism(), false, c.body(), store.textEmbedding(c.textId()), codingId, by, now);
      return new Review.Done(codingId, "rejected", c.mechanism());
    });
  }

  /** Runs a review action on a coding in one transaction; NotFound when there is no such coding. */
  private Review withCoding(UUID codingId, java.util.function.BiFunction<JdbcInsights.CodingRow, Instant, Review> action) {
    return tx.execute(status -> store.coding(codingId).map(c -> action.apply(c, clock.instant()))
        .orElseGet(() -> new Review.NotFound(codingId)));
  }
}
