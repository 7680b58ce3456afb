package dev.followthrough.insights;

import dev.followthrough.insights.domain.Codebook;
import dev.followthrough.insights.domain.EmbeddedText;
import dev.followthrough.insights.domain.Embedder;
import dev.followthrough.insights.domain.Highlight;
import dev.followthrough.insights.domain.Impact;
import dev.followthrough.insights.domain.MechanismClassifier;
import dev.followthrough.insights.domain.TfIdf;
import dev.followthrough.insights.domain.ThemeClusterer;
import dev.followthrough.insights.domain.Vectors;
import dev.followthrough.insights.jdbc.JdbcInsights;
import dev.followthrough.insights.jdbc.JdbcInsights.TextFilter;
import dev.followthrough.insights.jdbc.JdbcInsights.TextRow;
import dev.followthrough.followup.CaseQueries;
import dev.followthrough.responses.ResponseQueries;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Read side of insights: the review queue, agreement, impact and fix-first, search, themes and passive sub-populations. */
@Service
public class InsightReports {

  /** Optional filters; {@code category} is promoter / passive / detractor. */
  public record Filter(Instant from, Instant to, String tier, String category, String mechanism) {
    public static Filter all() {
      return new Filter(null, null, null, null, null);
    }

    TextFilter toText() {
      return new TextFilter(from, to, tier, category, mechanism);
    }
  }

  public record Agreement(long reviewed, long confirmed, long corrected, long rejected, double rate, double low, double high) {}

  public record PeriodShare(String period, long mentions, long texts, double share, double low, double high) {}

  public record MechanismImpact(int rank, String mechanism, String name, String category, String categoryName, String owner,
                                long promoters, long passives, long detractors, double shareOfDetractors, int accounts,
                                int accountsAtRisk, double revenueAtRisk, double impactScore, double frequency,
                                double severity, String quadrant, List<PeriodShare> trend, String trendVerdict, String why,
                                String polarity) {
    public long mentions() {
      return promoters + passives + detractors;
    }
  }

  public record ImpactReport(List<MechanismImpact> mechanisms, long codedTexts, long totalDetractors, String definition) {}

  public record Quote(String sourceType, UUID sourceId, String link, String text) {}

  /** {@code link} opens the response; {@code caseLink} its follow-up case, when one was opened. */
  /**
   * {@code quote}: the sentence that answers the query; {@code quoteHtml}: that sentence escaped, with each word that
   * matched the query in {@code <mark>} (a semantic hit marks the words it shares with the query, often none).
   */
  public record SearchHit(String sourceType, UUID sourceId, String link, String caseLink, String text, String quote, String quoteHtml,
                          double score, List<String> mechanisms, String npsCategory, Integer npsScore, String accountName, String tier,
                          Instant respondedAt) {}

  public record Theme(List<String> keyPhrases, int size, List<Quote> quotes, String suggestedKey, String suggestedName) {}

  public record PassiveGroup(String key, String name, String description, int count, double share, List<Quote> quotes) {}

  static final String IMPACT_DEFINITION = "Only codings of a mechanism's own polarity count (problem clauses for a problem "
      + "mechanism, praise for a praise mechanism). Impact = for each account that mentions the mechanism, its ARR once, times the "
      + "severity of its most severe mention (detractor 1, passive 0.4, promoter 0.1); a mention without an account counts "
      + "as one account of median ARR. Revenue at risk = ARR of accounts with a detractor mention. Trend = share of coded "
      + "comments per month with a 95% Wilson interval.";

  private final JdbcInsights store;
  private final Codebooks codebooks;
  private final ResponseQueries responses;
  private final Embedder embedder;
  private final InsightsSettings settings;
  private final InsightCoding coding;
  private final ZoneId zone;
  private volatile MechanismClassifier passiveModel;

  private final CaseQueries cases;

  InsightReports(JdbcInsights store, Codebooks codebooks, ResponseQueries responses, Embedder embedder,
                 InsightsSettings settings, InsightCoding coding,
                 dev.followthrough.platform.TimeZoneSettings timeZone, CaseQueries cases) {
    this.store = store;
    this.cases = cases;
    this.codebooks = codebooks;
    this.responses = responses;
    this.embedder = embedder;
    this.settings = settings;
    this.coding = coding;
    this.zone = timeZone.timeZone();
  }

  public ZoneId zone() {
    return zone;
  }

  // ---- review --------------------------------------------------------------------------------------------

  /** Codings below the target precision, those whose review teaches the coder most first. */
  public List<Coding> reviewQueue(int limit) {
    return store.reviewQueue(limit, settings.targetPrecision()).stream().map(Coding::of).toList();
  }

  public long reviewQueueSize() {
    return store.reviewQueueSize();
  }

  /** Human/machine agreement over reviewed codings: confirmed ÷ (confirmed + corrected + rejected), with a 95% Wilson interval. */
  public Agreement agreement() {
    long[] c = store.agreementCounts();
    long reviewed = c[0] + c[1] + c[2];
    double[] ci = Impact.wilson(c[0], reviewed);
    return new Agreement(reviewed, c[0], c[1], c[2], reviewed == 0 ? Double.NaN : (double) c[0] / reviewed,
        reviewed == 0 ? Double.NaN : ci[0], reviewed == 0 ? Double.NaN : ci[1]);
  }

  // ---- impact ---------------------------------------------------------------------------------------------

  public ImpactReport impact(Filter f) {
    return impact(f, null);
  }

  /**
   * Impact per mechanism, counting only codings of the mechanism's own polarity (a problem mechanism counts problem
   * clauses, a praise mechanism praise), or only codings of {@code polarity} when given (e.g. the suggestions).
   */
  public ImpactReport impact(Filter f, String polarity) {
    Codebook book = codebooks.current();
    TextFilter tf = new TextFilter(f.from(), f.to(), f.tier(), f.category(), null);
    List<Impact.Mention> mentions = store.mentions(tf, zone.getId()).stream()
        .filter(m -> f.mechanism() == null || f.mechanism().equals(m.mechanism()))
        .filter(m -> m.polarity().equals(polarity != null ? polarity : ownPolarity(book, m.mechanism())))
        .map(m -> new Impact.Mention(m.mechanism(), m.npsCategory(), m.accountId() == null ? null : m.accountId().toString(),
            m.arr() == null ? null : m.arr().doubleValue(), m.period()))
        .toList();
    Map<String, Long> perPeriod = store.textsPerPeriod(tf, zone.getId());
    long detractors = responses.counts(new ResponseQueries.ResponseFilter(f.from(), f.to(), null, null, f.tier(), null, null,
        null, null, null)).detractors();
    List<MechanismImpact> out = new ArrayList<>();
    for (Impact.MechanismImpact m : Impact.of(mentions, detractors, perPeriod)) {
      var entry = book.entry(m.mechanism());
      String name = entry.map(e -> e.mechanism().name()).orElse(m.mechanism() + " (retired)");
      out.add(new MechanismImpact(m.rank(), m.mechanism(), name, entry.map(e -> e.category().key()).orElse(""),
          entry.map(e -> e.category().name()).orElse(""), entry.map(e -> e.mechanism().owner()).orElse(""), m.promoters(),
          m.passives(), m.detractors(), m.shareOfDetractors(), m.accounts(), m.accountsAtRisk(), m.revenueAtRisk(),
          m.impactScore(), m.frequency(), m.severity(), m.quadrant(),
          m.trend().stream().map(p -> new PeriodShare(p.period(), p.mentions(), p.texts(), p.share(), p.low(), p.high())).toList(),
          m.trendVerdict(), m.why().replaceFirst("^#\\d+", "#" + m.rank() + " " + name),
          polarity != null ? polarity : ownPolarity(book, m.mechanism())));
    }
    long coded = perPeriod.values().stream().mapToLong(Long::longValue).sum();
    return new ImpactReport(out, coded, detractors, IMPACT_DEFINITION);
  }

  static String ownPolarity(Codebook book, String mechanism) {
    return book.entry(mechanism).map(e -> e.mechanism().polarity()).orElse(Codebook.Mechanism.PROBLEM);
  }

  // ---- search ---------------------------------------------------------------------------------------------

  public enum SearchMode { TEXT, SEMANTIC }

  /** Full-text (PostgreSQL) or semantic (embedding cosine, a brute-force scan in Java of up to 100,000 texts). */
  public List<SearchHit> search(String query, SearchMode mode, Filter f, int limit) {
    if (query == null || query.isBlank()) return List.of();
    List<TextRow> rows;
    Map<UUID, Double> scores = new HashMap<>();
    if (mode == SearchMode.TEXT) {
      rows = store.fullText(query, f.toText(), limit);
      rows.forEach(r -> scores.put(r.id(), r.rank()));
    } else {
      float[] q = EmbeddedText.embedAll(embedder, List.of(query)).getFirst().vector();
      List<TextRow> all = store.withEmbeddings(f.toText(), null, 100_000);
      for (TextRow r : all) scores.put(r.id(), (double) Vectors.dot(q, r.embedding()));
      rows = all.stream().sorted(Comparator.comparingDouble((TextRow r) -> scores.get(r.id())).reversed()).limit(limit).toList();
    }
    Map<UUID, List<String>> mechanisms = store.mechanismsOf(rows.stream().map(TextRow::id).toList());
    Set<String> words = Highlight.queryWords(query);
    return rows.stream().map(r -> {
      String quote = quote(r.body(), query);
      return new SearchHit(r.sourceType(), r.sourceId(), link(r.sourceType(), r.sourceId()),
        caseLink(r.sourceType(), r.sourceId()), r.body(), quote, Highlight.html(quote, words), scores.get(r.id()), mechanisms.getOrDefault(r.id(), List.of()), r.npsCategory(), r.score(),
        r.accountName(), r.tier(), r.respondedAt());
    }).toList();
  }

  private String caseLink(String sourceType, UUID id) {
    if (!InsightCoding.RESPONSE.equals(sourceType)) return null;
    return cases.findByResponse(id).map(c -> "/cases/" + c.id()).orElse(null);
  }

  static String link(String sourceType, UUID id) {
    return InsightCoding.RESPONSE.equals(sourceType) ? "/responses/" + id : null;
  }

  /** The sentence sharing the most words with the query (the first one when none does); a query may repeat a word. */
  static String quote(String body, String query) {
    return Highlight.bestSentence(body, query, EmbeddedText.MAX_CHUNK_WORDS).text();
  }

  // ---- emerging themes ------------------------------------------------------------------------------------

  /** Comments that fit no mechanism well, clustered, each cluster named by its key phrases with representative quotes. */
  public List<Theme> themes(Filter f) {
    List<TextRow> rows = store.withEmbeddings(f.toText(), (float) (settings.minSimilarity() + 0.05), 5_000);
    if (rows.size() < settings.themeMinSize()) return List.of();
    List<ThemeClusterer.Cluster> clusters = ThemeClusterer.cluster(rows.stream().map(TextRow::embedding).toList(),
        settings.themeSimilarity(), settings.themeMinSize());
    TfIdf tfidf = TfIdf.fit(rows.stream().map(TextRow::body).toList(), 2);
    List<Theme> out = new ArrayList<>();
    for (ThemeClusterer.Cluster c : clusters) {
      List<String> bodies = c.members().stream().map(i -> rows.get(i).body()).toList();
      List<String> phrases = tfidf.keyPhrases(bodies, 4);
      List<Quote> quotes = c.members().stream().limit(3).map(i -> rows.get(i))
          .map(r -> new Quote(r.sourceType(), r.sourceId(), link(r.sourceType(), r.sourceId()), r.body())).toList();
      String name = phrases.isEmpty() ? "Unnamed theme" : capitalise(String.join(", ", phrases.subList(0, Math.min(2, phrases.size()))));
      String key = phrases.isEmpty() ? "theme-" + out.size() : phrases.getFirst().replaceAll("[^a-z0-9]+", "-");
      out.add(new Theme(phrases, c.members().size(), quotes, key, name));
    }
    return out;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ---- passive sub-populations ------------------------------------------------------------------------------

  static final List<Codebook.Mechanism> PASSIVE_GROUPS = List.of(
      new Codebook.Mechanism("satisfied-not-loyal", "Satisfied but not loyal",
          "Content with the product, but no attachment: would switch for a better offer and would not recommend it.",
          List.of("it's fine, it does the job", "nothing special but it works", "okay, but I'd look at alternatives"), "product-marketing"),
      new Codebook.Mechanism("frustrated-tolerant", "Frustrated but tolerant",
          "Has real complaints but stays, because switching is hard or the problems are bearable.",
          List.of("annoying bugs but we live with them", "switching would be too much work", "frustrating at times but it is what we have"),
          "cs-leadership"),
      new Codebook.Mechanism("positive-constrained", "Positive but constrained",
          "Likes the product, but price, policy or one missing piece keeps them from a higher score.",
          List.of("love it but it's too expensive to roll out", "great product, but our IT policy limits us", "would be a 10 if it had SSO"),
          "product"));

  /** Passives grouped into the three sub-populations by their comments. */
  public List<PassiveGroup> passives(Filter f) {
    List<TextRow> rows = store.withEmbeddings(new TextFilter(f.from(), f.to(), f.tier(), "passive", f.mechanism()), null, 20_000);
    MechanismClassifier model = passiveModel();
    Map<String, List<TextRow>> groups = new HashMap<>();
    for (TextRow r : rows) groups.computeIfAbsent(model.best(r.embedding(), List.of()).label().mechanism(), k -> new ArrayList<>()).add(r);
    List<PassiveGroup> out = new ArrayList<>();
    for (Codebook.Mechanism m : PASSIVE_GROUPS) {
      List<TextRow> g = groups.getOrDefault(m.key(), List.of());
      List<Quote> quotes = g.stream().limit(3)
          .map(r -> new Quote(r.sourceType(), r.sourceId(), link(r.sourceType(), r.sourceId()), r.body())).toList();
      out.add(new PassiveGroup(m.key(), m.name(), m.description(), g.size(), rows.isEmpty() ? 0 : (double) g.size() / rows.size(), quotes));
    }
    return out;
  }

  private MechanismClassifier passiveModel() {
    MechanismClassifier m = passiveModel;
    if (m != null) return m;
    Map<String, List<float[]>> describing = new HashMap<>();
    for (Codebook.Mechanism g : PASSIVE_GROUPS) describing.put(g.key(), embedder.embed(Codebook.describingTexts(g)));
    m = MechanismClassifier.train(PASSIVE_GROUPS.stream().map(g -> new MechanismClassifier.Label(g.key(), "passive")).toList(),
        describing, Map.of(), Map.of(), embedder.dimension(), coding.classifierSettings());
    passiveModel = m;
    return m;
  }

}
