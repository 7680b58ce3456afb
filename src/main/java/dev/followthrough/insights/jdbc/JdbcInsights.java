package dev.followthrough.insights.jdbc;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the insights module: codebook versions, coded texts, codings, examples and backlog jobs. */
@Repository
public class JdbcInsights {

  private final JdbcClient jdbc;

  public JdbcInsights(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- embeddings as bytea ---------------------------------------------------------------------------

  public static byte[] bytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) b.putFloat(f);
    return b.array();
  }

  public static float[] floats(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[bytes.length / 4];
    for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
    return v;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  // ---- codebook --------------------------------------------------------------------------------------

  public record StoredCodebook(int version, String document, String note, String createdBy, Instant createdAt) {}

  private static StoredCodebook codebook(ResultSet rs, int i) throws SQLException {
    return new StoredCodebook(rs.getInt("version"), rs.getString("document"), rs.getString("note"),
        rs.getString("created_by"), instant(rs.getTimestamp("created_at")));
  }

  public Optional<StoredCodebook> latestCodebook() {
    return jdbc.sql("SELECT version, document::text AS document, note, created_by, created_at FROM insights_codebook ORDER BY version DESC LIMIT 1")
        .query(JdbcInsights::codebook).optional();
  }

  public List<StoredCodebook> codebookVersions() {
    return jdbc.sql("SELECT version, '' AS document, note, created_by, created_at FROM insights_codebook ORDER BY version DESC")
        .query(JdbcInsights::codebook).list();
  }

  /** Stores the document as the given version; false when that version exists already (a concurrent save). */
  public boolean insertCodebook(int version, String document, String note, String by, Instant at) {
    return jdbc.sql("""
            INSERT INTO insights_codebook (version, document, note, created_by, created_at)
            VALUES (:version, :document::jsonb, :note, :by, :at) ON CONFLICT (version) DO NOTHING""")
        .param("version", version).param("document", document).param("note", note).param("by", by)
        .param("at", Timestamp.from(at)).update() == 1;
  }

  // ---- coded texts -------------------------------------------------------------------------------------

  public record TextState(UUID id, int revision, int codebookVersion, String body) {}

  public Optional<TextState> textState(String sourceType, UUID sourceId) {
    return jdbc.sql("SELECT id, revision, codebook_version, body FROM insights_text WHERE source_type = :t AND source_id = :s")
        .param("t", sourceType).param("s", sourceId)
        .query((rs, i) -> new TextState(rs.getObject("id", UUID.class), rs.getInt("revision"), rs.getInt("codebook_version"),
            rs.getString("body"))).optional();
  }

  public record NewText(String sourceType, UUID sourceId, int revision, int codebookVersion, String body, float[] embedding,
                        float bestSimilarity, Integer score, String category, UUID accountId, String accountName,
                        String tier, BigDecimal arr, Instant respondedAt) {}

  /** Inserts or replaces the coded text of a source; returns its id (stable across revisions). */
  public UUID upsertText(NewText t, Instant now) {
    return jdbc.sql("""
            INSERT INTO insights_text (id, source_type, source_id, revision, codebook_version, body, embedding, best_similarity,
                                       score, category, account_id, account_name, tier, arr, responded_at, coded_at)
            VALUES (:id, :type, :source, :revision, :version, :body, :embedding, :best, :score, :category, :account,
                    :accountName, :tier, :arr, :respondedAt, :now)
            ON CONFLICT (source_type, source_id) DO UPDATE SET revision = excluded.revision,
              codebook_version = excluded.codebook_version, body = excluded.body, embedding = excluded.embedding,
              best_similarity = excluded.best_similarity, score = excluded.score, category = excluded.category,
              account_id = excluded.account_id, account_name = excluded.account_name, tier = excluded.tier,
              arr = excluded.arr, responded_at = excluded.responded_at, coded_at = excluded.coded_at
            RETURNING id""")
        .param("id", UUID.randomUUID()).param("type", t.sourceType()).param("source", t.sourceId())
        .param("revision", t.revision()).param("version", t.codebookVersion()).param("body", t.body())
        .param("embedding", bytes(t.embedding())).param("best", t.bestSimilarity()).param("score", t.score())
        .param("category", t.category()).param("account", t.accountId()).param("accountName", t.accountName())
        .param("tier", t.tier()).param("arr", t.arr()).param("respondedAt", Timestamp.from(t.respondedAt()))
        .param("now", Timestamp.from(now))
        .query(UUID.class).single();
  }

  // ---- codings -----------------------------------------------------------------------------------------

  public record CodingRow(UUID id, UUID textId, String sourceType, UUID sourceId, String mechanism, String categoryKey,
                          double confidence, double similarity, int evidenceStart, int evidenceEnd, String evidence,
                          String statedReason, int codebookVersion, String status, boolean needsReview,
                          String machineMechanism, String reviewedBy, Instant reviewedAt, Instant createdAt,
                          String body, String npsCategory, Integer score, String accountName, String tier,
                          Instant respondedAt, String polarity) {}

  private static final String CODING = """
      SELECT c.id, c.text_id, t.source_type, t.source_id, c.mechanism, c.category_key, c.confidence, c.similarity,
             c.evidence_start, c.evidence_end, c.evidence, c.stated_reason, c.codebook_version, c.status, c.needs_review,
             c.machine_mechanism, c.reviewed_by, c.reviewed_at, c.created_at, t.body, t.category AS nps_category, t.score,
             t.account_name, t.tier, t.responded_at, c.polarity
      FROM insights_coding c JOIN insights_text t ON t.id = c.text_id
      """;

  private static CodingRow coding(ResultSet rs, int i) throws SQLException {
    int score = rs.getInt("score");
    Integer s = rs.wasNull() ? null : score;
    return new CodingRow(rs.getObject("id", UUID.class), rs.getObject("text_id", UUID.class), rs.getString("source_type"),
        rs.getObject("source_id", UUID.class), rs.getString("mechanism"), rs.getString("category_key"),
        rs.getDouble("confidence"), rs.getDouble("similarity"), rs.getInt("evidence_start"), rs.getInt("evidence_end"),
        rs.getString("evidence"), rs.getString("stated_reason"), rs.getInt("codebook_version"), rs.getString("status"),
        rs.getBoolean("needs_review"), rs.getString("machine_mechanism"), rs.getString("reviewed_by"),
        instant(rs.getTimestamp("reviewed_at")), instant(rs.getTimestamp("created_at")), rs.getString("body"),
        rs.getString("nps_category"), s, rs.getString("account_name"), rs.getString("tier"),
        instant(rs.getTimestamp("responded_at")), rs.getString("polarity"));
  }

  public Optional<CodingRow> coding(UUID id) {
    return jdbc.sql(CODING + " WHERE c.id = :id").param("id", id).query(JdbcInsights::coding).optional();
  }

  public List<CodingRow> codingsOfSource(String sourceType, UUID sourceId) {
    return jdbc.sql(CODING + " WHERE t.source_type = :t AND t.source_id = :s ORDER BY c.confidence DESC")
        .param("t", sourceType).param("s", sourceId).query(JdbcInsights::coding).list();
  }

  /**
   * Waiting codings, those a review teaches most first: closest to the target precision (the decision a person
   * settles) times how common the mechanism is (a lesson that applies to many codings).
   */
  public List<CodingRow> reviewQueue(int limit, double target) {
    return jdbc.sql(CODING + """
             JOIN (SELECT mechanism AS fm, count(*) AS fn FROM insights_coding WHERE status <> 'rejected' GROUP BY mechanism) f
               ON f.fm = c.mechanism
            WHERE c.needs_review
            ORDER BY (1 - abs(c.confidence - :target)) * ln(1 + f.fn) DESC, c.created_at, c.id
            LIMIT :limit""")
        .param("limit", limit).param("target", target).query(JdbcInsights::coding).list();
  }

  public long reviewQueueSize() {
    return jdbc.sql("SELECT count(*) FROM insights_coding WHERE needs_review").query(Long.class).single();
  }

  /** Machine codings are replaced on recoding; human ones survive while the text is unchanged. */
  public void deleteCodings(UUID textId, boolean includingReviewed) {
    jdbc.sql("DELETE FROM insights_coding WHERE text_id = :id" + (includingReviewed ? "" : " AND status = 'machine'"))
        .param("id", textId).update();
  }

  public record NewCoding(UUID id, UUID textId, String mechanism, String categoryKey, double confidence, double similarity,
                          int evidenceStart, int evidenceEnd, String evidence, String statedReason, int codebookVersion,
                          boolean needsReview, String polarity) {}

  /** False when the text already has a coding for this mechanism (e.g. one a person confirmed). */
  public boolean insertCoding(NewCoding c, Instant now) {
    return jdbc.sql("""
            INSERT INTO insights_coding (id, text_id, mechanism, category_key, confidence, similarity, evidence_start,
                                         evidence_end, evidence, stated_reason, codebook_version, status, needs_review,
                                         machine_mechanism, created_at, polarity)
            VALUES (:id, :text, :mechanism, :category, :confidence, :similarity, :start, :end, :evidence, :reason,
                    :version, 'machine', :review, :mechanism, :now, :polarity)
            ON CONFLICT (text_id, mechanism) DO NOTHING""")
        .param("id", c.id()).param("text", c.textId()).param("mechanism", c.mechanism()).param("category", c.categoryKey())
        .param("confidence", c.confidence()).param("similarity", c.similarity()).param("start", c.evidenceStart())
        .param("end", c.evidenceEnd()).param("evidence", c.evidence()).param("reason", c.statedReason())
        .param("version", c.codebookVersion()).param("review", c.needsReview()).param("now", Timestamp.from(now))
        .param("polarity", c.polarity()).update() == 1;
  }

  public void review(UUID id, String status, String mechanism, String categoryKey, String by, Instant now) {
    jdbc.sql("""
            UPDATE insights_coding SET status = :status, mechanism = :mechanism, category_key = :category,
                   needs_review = false, reviewed_by = :by, reviewed_at = :now WHERE id = :id""")
        .param("status", status).param("mechanism", mechanism).param("category", categoryKey).param("by", by)
        .param("now", Timestamp.from(now)).param("id", id).update();
  }

  /** A person tied the text to the mechanism: the coding counts with the mechanism's own polarity. */
  public void setPolarity(UUID id, String polarity) {
    jdbc.sql("UPDATE insights_coding SET polarity = :p WHERE id = :id").param("p", polarity).param("id", id).update();
  }

  /** A coding a person made where the machine had none. */
  public void markAssigned(UUID id, String by, Instant now) {
    jdbc.sql("""
            UPDATE insights_coding SET status = 'corrected', machine_mechanism = '(none)', needs_review = false,
                   reviewed_by = :by, reviewed_at = :now WHERE id = :id""")
        .param("by", by).param("now", Timestamp.from(now)).param("id", id).update();
  }

  public void deleteCoding(UUID id) {
    jdbc.sql("DELETE FROM insights_coding WHERE id = :id").param("id", id).update();
  }

  public float[] textEmbedding(UUID textId) {
    return floats(jdbc.sql("SELECT embedding FROM insights_text WHERE id = :id").param("id", textId).query(byte[].class).single());
  }

  /** Reviewed codings: {confirmed, corrected, rejected}. */
  public long[] agreementCounts() {
    return jdbc.sql("""
            SELECT count(*) FILTER (WHERE status = 'confirmed') AS confirmed, count(*) FILTER (WHERE status = 'corrected') AS corrected,
                   count(*) FILTER (WHERE status = 'rejected') AS rejected FROM insights_coding""")
        .query((rs, i) -> new long[] {rs.getLong("confirmed"), rs.getLong("corrected"), rs.getLong("rejected")}).single();
  }

  // ---- examples (few-shot) -----------------------------------------------------------------------------

  public record ExampleRow(String mechanism, boolean positive, String body, float[] embedding) {}

  public void insertExample(String mechanism, boolean positive, String body, float[] embedding, UUID codingId, String by,
                            Instant now) {
    jdbc.sql("""
            INSERT INTO insights_example (id, mechanism, positive, body, embedding, coding_id, created_by, created_at)
            VALUES (:id, :mechanism, :positive, :body, :embedding, :coding, :by, :now)""")
        .param("id", UUID.randomUUID()).param("mechanism", mechanism).param("positive", positive).param("body", body)
        .param("embedding", bytes(embedding)).param("coding", codingId).param("by", by).param("now", Timestamp.from(now))
        .update();
  }

  public List<ExampleRow> examples() {
    return jdbc.sql("SELECT mechanism, positive, body, embedding FROM insights_example ORDER BY created_at")
        .query((rs, i) -> new ExampleRow(rs.getString("mechanism"), rs.getBoolean("positive"), rs.getString("body"),
            floats(rs.getBytes("embedding"))))
        .list();
  }

  /** The newest stored texts (comments, interview results): the corpus the lexical coder's term weights are fitted on. */
  public List<String> recentBodies(int limit) {
    return jdbc.sql("SELECT body FROM insights_text ORDER BY responded_at DESC LIMIT :limit").param("limit", limit)
        .query(String.class).list();
  }

  /** Changes whenever an example is added on any node: the classifier is retrained when it does. */
  public String examplesStamp() {
    return jdbc.sql("SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM insights_example").query(String.class).single();
  }

  // ---- reads for impact, search and themes -------------------------------------------------------------

  /** Optional filters on coded texts; {@code mechanism} keeps texts with a (non-rejected) coding of it. */
  public record TextFilter(Instant from, Instant to, String tier, String category, String mechanism) {
    public static TextFilter all() {
      return new TextFilter(null, null, null, null, null);
    }
  }

  private static String where(TextFilter f, Map<String, Object> p) {
    List<String> w = new ArrayList<>();
    if (f.from() != null) { w.add("t.responded_at >= :from"); p.put("from", Timestamp.from(f.from())); }
    if (f.to() != null) { w.add("t.responded_at < :to"); p.put("to", Timestamp.from(f.to())); }
    if (f.tier() != null) { w.add("t.tier = :tier"); p.put("tier", f.tier()); }
    if (f.category() != null) { w.add("t.category = :category"); p.put("category", f.category()); }
    if (f.mechanism() != null) {
      w.add("EXISTS (SELECT 1 FROM insights_coding m WHERE m.text_id = t.id AND m.mechanism = :mechanism AND m.status <> 'rejected')");
      p.put("mechanism", f.mechanism());
    }
    return w.isEmpty() ? " WHERE true" : " WHERE " + String.join(" AND ", w);
  }

  public record MentionRow(String mechanism, String npsCategory, UUID accountId, BigDecimal arr, String period, String polarity) {}

  public List<MentionRow> mentions(TextFilter f, String zone) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("zone", zone);
    return jdbc.sql("""
            SELECT c.mechanism, t.category, t.account_id, t.arr, to_char(t.responded_at AT TIME ZONE :zone, 'YYYY-MM') AS period,
                   c.polarity
            FROM insights_coding c JOIN insights_text t ON t.id = c.text_id""" + where(f, p) + " AND c.status <> 'rejected'")
        .params(p).query((rs, i) -> new MentionRow(rs.getString("mechanism"), rs.getString("category"),
            rs.getObject("account_id", UUID.class), rs.getBigDecimal("arr"), rs.getString("period"), rs.getString("polarity"))).list();
  }

  public Map<String, Long> textsPerPeriod(TextFilter f, String zone) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("zone", zone);
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.sql("SELECT to_char(t.responded_at AT TIME ZONE :zone, 'YYYY-MM') AS period, count(*) AS n FROM insights_text t"
            + where(new TextFilter(f.from(), f.to(), f.tier(), f.category(), null), p) + " GROUP BY 1 ORDER BY 1")
        .params(p).query((rs, i) -> out.put(rs.getString("period"), rs.getLong("n"))).list();
    return out;
  }

  public record TextRow(UUID id, String sourceType, UUID sourceId, String body, float[] embedding, String npsCategory,
                        Integer score, String accountName, String tier, Instant respondedAt, double rank) {}

  private static TextRow text(ResultSet rs, int i) throws SQLException {
    int score = rs.getInt("score");
    Integer s = rs.wasNull() ? null : score;
    byte[] e = rs.getBytes("embedding");
    return new TextRow(rs.getObject("id", UUID.class), rs.getString("source_type"), rs.getObject("source_id", UUID.class),
        rs.getString("body"), e == null ? null : floats(e), rs.getString("category"), s, rs.getString("account_name"),
        rs.getString("tier"), instant(rs.getTimestamp("responded_at")), rs.getDouble("rank"));
  }

  /** PostgreSQL full-text search (English stemming, web-search syntax), best first. */
  public List<TextRow> fullText(String query, TextFilter f, int limit) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("q", query);
    p.put("limit", limit);
    return jdbc.sql("""
            SELECT t.id, t.source_type, t.source_id, t.body, NULL::bytea AS embedding, t.category, t.score, t.account_name,
                   t.tier, t.responded_at, ts_rank(t.search, websearch_to_tsquery('english', :q)) AS rank
            FROM insights_text t""" + where(f, p) + " AND t.search @@ websearch_to_tsquery('english', :q) ORDER BY rank DESC, t.responded_at DESC LIMIT :limit")
        .params(p).query(JdbcInsights::text).list();
  }

  /** Texts with embeddings for a brute-force scan in Java (newest first, at most {@code limit}). */
  public List<TextRow> withEmbeddings(TextFilter f, Float maxBestSimilarity, int limit) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("limit", limit);
    String extra = "";
    if (maxBestSimilarity != null) {
      extra = " AND (t.best_similarity < :maxBest OR NOT EXISTS (SELECT 1 FROM insights_coding c WHERE c.text_id = t.id AND c.status <> 'rejected'))";
      p.put("maxBest", maxBestSimilarity);
    }
    return jdbc.sql("""
            SELECT t.id, t.source_type, t.source_id, t.body, t.embedding, t.category, t.score, t.account_name, t.tier,
                   t.responded_at, 0.0 AS rank
            FROM insights_text t""" + where(f, p) + extra + " ORDER BY t.responded_at DESC LIMIT :limit")
        .params(p).query(JdbcInsights::text).list().stream()
        // a vector of another length (another model, a broken row) cannot be compared: search and themes skip it
        .filter(r -> r.embedding().length == dev.followthrough.insights.embedding.MiniLmEmbedder.DIMENSION).toList();
  }

  public Map<UUID, List<String>> mechanismsOf(List<UUID> textIds) {
    Map<UUID, List<String>> out = new LinkedHashMap<>();
    if (textIds.isEmpty()) return out;
    jdbc.sql("SELECT text_id, mechanism FROM insights_coding WHERE text_id IN (:ids) AND status <> 'rejected' ORDER BY confidence DESC")
        .param("ids", textIds)
        .query((rs, i) -> out.computeIfAbsent(rs.getObject("text_id", UUID.class), k -> new ArrayList<>()).add(rs.getString("mechanism")))
        .list();
    return out;
  }

  // ---- live queue ----------------------------------------------------------------------------------------

  public void enqueue(List<UUID> responseIds, Instant now) {
    if (responseIds.isEmpty()) return;
    jdbc.sql("""
            INSERT INTO insights_pending (response_id, queued_at) SELECT DISTINCT unnest(CAST(:ids AS uuid[])), CAST(:now AS timestamptz)
            ON CONFLICT (response_id) DO UPDATE SET queued_at = excluded.queued_at""")
        .param("ids", responseIds.toArray(UUID[]::new)).param("now", Timestamp.from(now)).update();
  }

  /** Drops all but the newest {@code keep} waiting comments (they are left to a backlog job); returns how many. */
  public int trimQueue(int keep) {
    return jdbc.sql("""
            DELETE FROM insights_pending WHERE response_id IN (
              SELECT response_id FROM insights_pending ORDER BY queued_at DESC OFFSET :keep FOR UPDATE SKIP LOCKED)""")
        .param("keep", keep).update();
  }

  /** Takes the newest waiting comments; in the caller's transaction, so a failed coding puts them back. */
  public List<UUID> takeNewest(int limit) {
    return jdbc.sql("""
            DELETE FROM insights_pending WHERE response_id IN (
              SELECT response_id FROM insights_pending ORDER BY queued_at DESC LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING response_id""")
        .param("limit", limit).query(UUID.class).list();
  }

  // ---- backlog jobs ------------------------------------------------------------------------------------

  public void insertJob(UUID id, int codebookVersion, String scope, String source, int total, String by, Instant now) {
    jdbc.sql("""
            INSERT INTO insights_backlog_job (id, codebook_version, scope, source, total, created_by, created_at, finished_at)
            VALUES (:id, :version, :scope, :source, :total, :by, :now, CASE WHEN :total = 0 THEN CAST(:now AS timestamptz) END)""")
        .param("id", id).param("version", codebookVersion).param("scope", scope).param("source", source).param("total", total).param("by", by)
        .param("now", Timestamp.from(now)).update();
  }

  public void insertChunk(UUID jobId, int seq, List<UUID> responseIds) {
    jdbc.sql("INSERT INTO insights_backlog_chunk (job_id, seq, response_ids) VALUES (:job, :seq, :ids)")
        .param("job", jobId).param("seq", seq).param("ids", responseIds.toArray(UUID[]::new)).update();
  }

  public record Chunk(UUID jobId, int seq, List<UUID> responseIds, String scope) {}

  /**
   * Claims the next open chunk of any job: one no node holds, or whose holder's claim expired (it died).
   * SKIP LOCKED lets several nodes claim different chunks at the same moment without waiting on each other.
   */
  public Optional<Chunk> claimChunk(String node, Instant now, Instant until) {
    return jdbc.sql("""
            UPDATE insights_backlog_chunk k SET claimed_by = :node, claimed_until = :until, attempts = k.attempts + 1
            FROM (SELECT job_id, seq FROM insights_backlog_chunk
                  WHERE done_at IS NULL AND (claimed_until IS NULL OR claimed_until < :now)
                  ORDER BY job_id, seq LIMIT 1 FOR UPDATE SKIP LOCKED) next, insights_backlog_job j
            WHERE k.job_id = next.job_id AND k.seq = next.seq AND j.id = k.job_id
            RETURNING k.job_id, k.seq, k.response_ids, j.scope""")
        .param("node", node).param("until", Timestamp.from(until)).param("now", Timestamp.from(now))
        .query((rs, i) -> new Chunk(rs.getObject("job_id", UUID.class), rs.getInt("seq"),
            List.of((UUID[]) rs.getArray("response_ids").getArray()), rs.getString("scope"))).optional();
  }

  /** Marks the chunk done (if this node still holds it) and the job finished when it was the last. */
  public void finishChunk(Chunk c, String node, int coded, Instant now) {
    jdbc.sql("""
            UPDATE insights_backlog_chunk SET done_at = :now, coded = :coded
            WHERE job_id = :job AND seq = :seq AND claimed_by = :node AND done_at IS NULL""")
        .param("now", Timestamp.from(now)).param("coded", coded).param("job", c.jobId()).param("seq", c.seq())
        .param("node", node).update();
    jdbc.sql("""
            UPDATE insights_backlog_job SET finished_at = :now WHERE id = :job AND finished_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM insights_backlog_chunk WHERE job_id = :job AND done_at IS NULL)""")
        .param("now", Timestamp.from(now)).param("job", c.jobId()).update();
  }

  public record JobRow(UUID id, int codebookVersion, String scope, int total, int done, int chunks, int chunksDone,
                       String createdBy, Instant createdAt, Instant finishedAt) {}

  private static final String JOB = """
      SELECT j.id, j.codebook_version, j.scope, j.total, j.created_by, j.created_at, j.finished_at,
             coalesce((SELECT sum(cardinality(response_ids)) FROM insights_backlog_chunk k WHERE k.job_id = j.id AND k.done_at IS NOT NULL), 0) AS done,
             (SELECT count(*) FROM insights_backlog_chunk k WHERE k.job_id = j.id) AS chunks,
             (SELECT count(*) FROM insights_backlog_chunk k WHERE k.job_id = j.id AND k.done_at IS NOT NULL) AS chunks_done
      FROM insights_backlog_job j
      """;

  private static JobRow job(ResultSet rs, int i) throws SQLException {
    return new JobRow(rs.getObject("id", UUID.class), rs.getInt("codebook_version"), rs.getString("scope"), rs.getInt("total"),
        rs.getInt("done"), rs.getInt("chunks"), rs.getInt("chunks_done"), rs.getString("created_by"),
        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("finished_at")));
  }

  public Optional<JobRow> job(UUID id) {
    return jdbc.sql(JOB + " WHERE j.id = :id").param("id", id).query(JdbcInsights::job).optional();
  }

  public List<JobRow> jobs(int limit) {
    return jdbc.sql(JOB + " ORDER BY j.created_at DESC LIMIT :limit").param("limit", limit).query(JdbcInsights::job).list();
  }

  /** Sources already coded at this revision with this codebook version (so a backlog skips them). */
  public boolean isCurrent(String sourceType, UUID sourceId, int revision, int codebookVersion) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM insights_text WHERE source_type = :t AND source_id = :s AND revision = :r AND codebook_version = :v)")
        .param("t", sourceType).param("s", sourceId).param("r", revision).param("v", codebookVersion)
        .query(Boolean.class).single();
  }

  /** The coded revision of each response among {@code ids} that was coded with this codebook version. */
  public Map<UUID, Integer> codedRevisions(List<UUID> ids, int codebookVersion) {
    Map<UUID, Integer> out = new java.util.HashMap<>();
    if (ids.isEmpty()) return out;
    jdbc.sql("""
            SELECT source_id, revision FROM insights_text WHERE source_type = 'response' AND source_id IN (:ids) AND codebook_version = :v""")
        .param("ids", ids).param("v", codebookVersion)
        .query((rs, i) -> out.put(rs.getObject("source_id", UUID.class), rs.getInt("revision"))).list();
    return out;
  }
}
