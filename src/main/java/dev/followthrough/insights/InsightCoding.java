package dev.followthrough.insights;

import dev.followthrough.insights.domain.Codebook;
import dev.followthrough.insights.domain.EmbeddedText;
import dev.followthrough.insights.domain.Embedder;
import dev.followthrough.insights.domain.MechanismClassifier;
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

  /** One mechanism a text was coded to, with the sentence that carries it (offsets into the text). */
  public record Coded(String mechanism, String mechanismName, String category, String categoryName, String owner,
                      double confidence, double similarity, int evidenceStart, int evidenceEnd, String evidence) {}

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

  private record Model(int version, String examplesStamp, Codebook codebook, MechanismClassifier classifier) {}

  /**
   * A built-in label beside the codebook's mechanisms: praise that names no problem. A text nearest to it
   * is coded to no mechanism, instead of to whichever problem happens to be least far away.
   */
  static final Codebook.Mechanism PRAISE = new Codebook.Mechanism("_praise", "Praise",
      "The customer is happy and names no problem.", List.of("great product, works really well", "love it",
          "excellent support, very helpful", "easy to use and reliable", "saves us a lot of time"), "none");

  private final Codebooks codebooks;
  private final JdbcInsights store;
  private final Embedder embedder;
  private final InsightsSettings settings;
  private final ResponseQueries responses;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate tx;
  private volatile Model model;
  private volatile Map.Entry<Integer, Map<String, List<float[]>>> describing;

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
  }

  // ---- the model ---------------------------------------------------------------------------------------

  public MechanismClassifier.Settings classifierSettings() {
    MechanismClassifier.Settings d = MechanismClassifier.Settings.defaults();
    return new MechanismClassifier.Settings(settings.exampleWeight(), d.negativeWeight(), d.temperature(),
        settings.minSimilarity(), d.secondaryMargin(), d.maxMechanisms(), d.segmentWeight(), d.neighbourWeight(), d.neighbours());
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
      List<MechanismClassifier.Label> labels = new ArrayList<>(book.entries().stream()
          .map(e -> new MechanismClassifier.Label(e.mechanism().key(), e.category().key())).toList());
      labels.add(new MechanismClassifier.Label(PRAISE.key(), PRAISE.key()));
      MechanismClassifier classifier = MechanismClassifier.train(labels, describing(book), pos, neg, embedder.dimension(),
          classifierSettings());
      if (settings.lexicalWeight() > 0) classifier = classifier.withLexical(lexical(book, labels, posTexts, negTexts));
      m = new Model(book.version(), stamp, book, classifier);
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
    describingTexts.put(PRAISE.key(), Codebook.describingTexts(PRAISE));
    describingTexts.values().forEach(corpus::addAll);
    posTexts.values().forEach(corpus::addAll);
    negTexts.values().forEach(corpus::addAll);
    corpus.addAll(store.recentBodies(settings.lexicalCorpusSize()));
    return MechanismClassifier.Lexical.train(labels, describingTexts, posTexts, negTexts, corpus, settings.exampleWeight(),
        settings.lexicalWeight());
  }

  /** Each mechanism's codebook texts embedded separately (averaged by the classifier); once per codebook version. */
  private Map<String, List<float[]>> describing(Codebook book) {
    var d = describing;
    if (d != null && d.getKey() == book.version()) return d.getValue();
    List<String> texts = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (Codebook.Entry e : book.entries()) {
      for (String t : Codebook.describingTexts(e.mechanism())) {
        texts.add(t);
        owners.add(e.mechanism().key());
      }
    }
    for (String t : Codebook.describingTexts(PRAISE)) {
      texts.add(t);
      owners.add(PRAISE.key());
    }
    List<float[]> vectors = embedder.embed(texts);
    Map<String, List<float[]>> out = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) out.computeIfAbsent(owners.get(i), k -> new ArrayList<>()).add(vectors.get(i));
    describing = Map.entry(book.version(), out);
    return out;
  }

  public int codebookVersion() {
    return codebooks.current().version();
  }

  // ---- coding arbitrary texts ----------------------------------------------------------------------------

  /** Codes texts against the current codebook without storing anything. */
  public List<CodedText> code(List<String> texts) {
    Model m = model();
    List<EmbeddedText> embedded = EmbeddedText.embedAll(embedder, texts);
    List<CodedText> out = new ArrayList<>();
    for (EmbeddedText e : embedded) {
      List<MechanismClassifier.Match> matches = matches(m, e);
      out.add(new CodedText(e.text(), matches.stream().map(x -> coded(m.codebook(), x, e)).toList(),
          m.classifier().bestSimilarity(e.vector(), e.segmentVectors(), e.text()), m.version()));
    }
    return out;
  }

  /**
   * The codebook mechanisms of a text. A text that reads as praise as a whole is looked at sentence by
   * sentence ("Great team. But exports time out."): a sentence that names a problem is still coded.
   */
  private static List<MechanismClassifier.Match> matches(Model m, EmbeddedText e) {
    List<MechanismClassifier.Match> all = m.classifier().classify(e.vector(), e.segmentVectors(), e.text());
    if (all.isEmpty() || !isPraise(all.getFirst())) return all.stream().filter(x -> !isPraise(x)).toList();
    Map<String, MechanismClassifier.Match> bySentence = new java.util.LinkedHashMap<>();
    for (int i = 0; i < e.segments().size() && e.segments().size() > 1; i++) {
      float[] v = e.segmentVectors().get(i);
      List<MechanismClassifier.Match> s = m.classifier().classify(v, List.of(v), e.segments().get(i).text());
      if (s.isEmpty() || isPraise(s.getFirst())) continue;
      MechanismClassifier.Match top = s.getFirst();
      bySentence.merge(top.label().mechanism(), new MechanismClassifier.Match(top.label(), top.similarity(), top.confidence(), i),
          (a, b) -> a.similarity() >= b.similarity() ? a : b);
    }
    return List.copyOf(bySentence.values());
  }

  private static boolean isPraise(MechanismClassifier.Match x) {
    return x.label().mechanism().equals(PRAISE.key());
  }

  private static Coded coded(Codebook book, MechanismClassifier.Match x, EmbeddedText e) {
    Codebook.Entry entry = book.entry(x.label().mechanism()).orElseThrow();
    Segments.Segment s = x.segment() >= 0 ? e.segments().get(x.segment()) : new Segments.Segment(0, e.text().length(), e.text());
    return new Coded(entry.mechanism().key(), entry.mechanism().name(), entry.category().key(), entry.category().name(),
        entry.mechanism().owner(), x.confidence(), x.similarity(), s.start(), s.end(), s.text());
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
    List<MechanismClassifier.Match> matches = matches(m, e);
    float best = m.classifier().bestSimilarity(e.vector(), e.segmentVectors(), e.text());
    UUID textId = store.upsertText(new JdbcInsights.NewText(s.type(), s.id(), s.revision(), m.version(), s.text(), e.vector(),
        best, s.score(), s.npsCategory(), s.accountId(), s.accountName(), s.tier(), s.arr(), s.at()), now);
    // a person's verdict on the same words stands; on changed words it no longer applies
    store.deleteCodings(textId, bodyChanged);
    for (MechanismClassifier.Match x : matches) {
      Coded c = coded(m.codebook(), x, e);
      boolean review = x.confidence() < settings.reviewBelow();
      UUID id = UUID.randomUUID();
      boolean inserted = store.insertCoding(new JdbcInsights.NewCoding(id, textId, c.mechanism(), c.category(), c.confidence(),
          c.similarity(), c.evidenceStart(), c.evidenceEnd(), c.evidence(), statedReason(c.evidence()), m.version(), review), now);
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
      } else {
        store.insertCoding(new JdbcInsights.NewCoding(id, text.get().id(), mechanism, target.get().category().key(), 1.0, 0,
            0, body.length(), body, statedReason(body), book.version(), false), now);
        store.markAssigned(id, by, now);
      }
      store.insertExample(mechanism, true, body, store.textEmbedding(text.get().id()), id, by, now);
      return new Review.Done(id, "corrected", mechanism);
    });
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
