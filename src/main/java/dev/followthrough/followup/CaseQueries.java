package dev.followthrough.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read access to cases for the API, the console and other modules. */
public interface CaseQueries {

  record PriorityFactorView(String name, int points, String why) {}

  /**
   * A case as the API, the console and other modules see it. {@code severity} (low, medium, high, critical) and
   * {@code nextStep}: what the conversation said about it ({@link FollowUps#assess}); null until assessed.
   */
  record CaseView(UUID id, UUID responseId, int revision, UUID contactId, UUID accountId, int score, String category,
                  UUID ruleId, String ruleName, String channel, String play, int priority,
                  List<PriorityFactorView> priorityFactors, String owner, String team, boolean queued, String status,
                  String outcome, int escalationLevel, String escalatedTo, boolean reminded, int cycle,
                  long slaSeconds, String calendar, Instant receivedAt, Instant openedAt, Instant dueAt,
                  Instant firstContactAt, Instant closedAt, String summary, String rootCause, String actionTaken,
                  String commitment, LocalDate commitmentDue, Instant resurveyDueAt, Integer recoveredScore,
                  Instant recoveredAt, int version, String severity, String nextStep) {

    public boolean overdue(Instant now) {
      return "open".equals(status) && now.isAfter(dueAt);
    }

    /** Met when the first contact came before the deadline; null while still open and not yet due. */
    public Boolean slaMet(Instant now) {
      if (firstContactAt != null) return !firstContactAt.isAfter(dueAt);
      if (closedAt != null || now.isAfter(dueAt)) return false;
      return null;
    }
  }

  record Entry(long id, String type, String actor, Instant at, Map<String, Object> detail) {}

  enum View { ALL, MINE, TEAM, UNASSIGNED, OVERDUE, ESCALATED, CLOSED }

  /**
   * All fields optional. {@code me}: the names the asker goes by (email, display name) for MINE and
   * TEAM; {@code status} "open" means every status but closed.
   */
  record CaseFilter(View view, List<String> me, String status, String owner, String team, String channel,
                    String category, UUID responseId, UUID contactId, UUID accountId, String sort) {
    public CaseFilter {
      me = me == null ? List.of() : List.copyOf(me);
      view = view == null ? View.ALL : view;
    }

    public static CaseFilter all() {
      return new CaseFilter(View.ALL, null, null, null, null, null, null, null, null, null, null);
    }
  }

  record Page<T>(List<T> items, long total, int page, int size) {}

  record InboxCounts(long mine, long team, long unassigned, long overdue, long escalated, long open) {}

  record TeamView(String name, String lead, List<String> tiers, List<String> regions, List<String> members,
                  Integer dailyCapacity, Integer memberCapacity, boolean fallback) {}

  Optional<CaseView> find(UUID id);

  Optional<CaseView> findByResponse(UUID responseId);

  Page<CaseView> list(CaseFilter filter, int page, int size);

  List<Entry> timeline(UUID caseId);

  InboxCounts counts(List<String> me, Instant now);

  /** Cases of a contact or account, newest first (for the case page's "previous cases"). */
  List<CaseView> history(UUID contactId, UUID accountId, int limit);

  List<TeamView> teams();
}
