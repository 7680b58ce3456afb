package dev.followthrough.responses;

import dev.followthrough.nps.NpsCounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read access to responses for other modules (reporting, console). */
public interface ResponseQueries {

  /** {@code optedOutAt} is set when the contact asked never to be contacted again. */
  record ContactRef(UUID id, String externalId, String email, String name, String role, Instant optedOutAt,
                    Map<String, Object> attributes) {
    public boolean optedOut() {
      return optedOutAt != null;
    }
  }

  record AccountRef(UUID id, String externalId, String name, String tier, BigDecimal arr, LocalDate renewalDate,
                    String owner, Map<String, Object> attributes) {}

  /** One score of a contact, for score trends. */
  record ScorePoint(UUID responseId, int score, Instant respondedAt, String program, String touchpoint) {}

  /**
   * {@code language}: what the source declared (the survey's language); {@code commentLanguage}: the
   * language the comment is written in, detected at intake (ISO 639-1, {@code und} when too short to
   * tell, null without a comment).
   */
  record ResponseView(UUID id, String source, String sourceId, int score, String category, String comment,
                      Instant respondedAt, Instant receivedAt, Instant updatedAt, String program, String kind,
                      String touchpoint, String language, Map<String, Object> attributes, int revision,
                      ContactRef contact, AccountRef account, String commentLanguage) {}

  record Revision(int revision, int score, String comment, String program, String kind, String touchpoint,
                  String language, Instant respondedAt, Instant replacedAt) {}

  /**
   * All fields optional. {@code account} matches the account's id or external id; {@code language} the
   * comment's detected language ({@code und}: too short to tell).
   */
  record ResponseFilter(Instant from, Instant to, String program, String kind, String tier, String touchpoint,
                        String account, String category, String source, String q, String language) {
    public ResponseFilter(Instant from, Instant to, String program, String kind, String tier, String touchpoint,
                          String account, String category, String source, String q) {
      this(from, to, program, kind, tier, touchpoint, account, category, source, q, null);
    }

    public static ResponseFilter all() {
      return new ResponseFilter(null, null, null, null, null, null, null, null, null, null, null);
    }
  }

  enum Grouping { MONTH, WEEK, QUARTER, TIER, PROGRAM, TOUCHPOINT, ACCOUNT;
    public boolean isTime() { return this == MONTH || this == WEEK || this == QUARTER; }
  }

  record GroupCounts(String key, String label, NpsCounts counts) {}

  record Page<T>(List<T> items, long total, int page, int size) {}

  /** An account with the latest score of each of its contacts (within the filter's period). */
  record AccountLatest(UUID id, String externalId, String name, String tier, BigDecimal arr, LocalDate renewalDate,
                       String owner, NpsCounts latest, Instant lastResponseAt, boolean demo) {}

  Optional<ResponseView> find(UUID id);

  List<Revision> history(UUID id);

  Page<ResponseView> list(ResponseFilter filter, int page, int size);

  NpsCounts counts(ResponseFilter filter);

  List<GroupCounts> countsBy(ResponseFilter filter, Grouping grouping, ZoneId zone);

  List<AccountLatest> accountsLatest(ResponseFilter filter);

  boolean hasDemoData();

  /** Distinct values for filter pickers. */
  Map<String, List<String>> facets();

  /** The contact's scores, oldest first (at most {@code limit}, the most recent ones). */
  List<ScorePoint> contactScores(UUID contactId, int limit);

  /** {@link #contactScores(UUID, int)} for several contacts in one query (contacts without scores are absent). */
  Map<UUID, List<ScorePoint>> contactScores(java.util.Collection<UUID> contactIds, int limit);

  /** A response that has a comment, at its current revision (for backlog coding). */
  record Commented(UUID id, int revision) {}

  /** Responses with a non-blank comment (of one source, or all when null), by id, after {@code after}; keyset paging. */
  List<Commented> commented(String source, UUID after, int limit);

  /** Several responses by id, in no particular order; unknown ids are skipped. */
  List<ResponseView> findAll(java.util.Collection<UUID> ids);
}
