package dev.followthrough.insights;

import dev.followthrough.insights.jdbc.JdbcCodedSources;
import dev.followthrough.interviews.Interviews;
import dev.followthrough.responses.ResponseQueries;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Who said what about a mechanism: every text coded to it (codings a reviewer rejected left out), with
 * the customer it came from — a comment's contact, or the contact the interview was with — so that
 * actions can tell exactly those customers what was done.
 */
@Service
public class CodedSources {

  /**
   * One coding. {@code responseId}: the response (for an interview: the response it followed up); {@code quote}: the
   * coded passage in the customer's words; {@code category}: promoter / passive / detractor at the time.
   */
  public record Source(String sourceType, UUID sourceId, UUID responseId, UUID contactId, UUID accountId,
                       String accountName, String tier, BigDecimal arr, Integer score, String category,
                       String mechanism, String categoryKey, String quote, Instant respondedAt) {}

  private final JdbcCodedSources store;
  private final ResponseQueries responses;
  private final Interviews interviews;

  CodedSources(JdbcCodedSources store, ResponseQueries responses, Interviews interviews) {
    this.store = store;
    this.responses = responses;
    this.interviews = interviews;
  }

  /** Codings to these mechanism keys (all when null) of texts from {@code since} on (all when null), newest first. */
  public List<Source> forMechanisms(Collection<String> mechanisms, Instant since) {
    List<JdbcCodedSources.Row> rows = store.codings(mechanisms, since);
    List<UUID> responseIds = rows.stream().filter(r -> r.sourceType().equals("response")).map(JdbcCodedSources.Row::sourceId)
        .distinct().toList();
    List<UUID> interviewIds = rows.stream().filter(r -> r.sourceType().equals("interview")).map(JdbcCodedSources.Row::sourceId)
        .distinct().toList();
    Map<UUID, ResponseQueries.ResponseView> byResponse = responseIds.isEmpty() ? Map.of()
        : responses.findAll(responseIds).stream().collect(Collectors.toMap(ResponseQueries.ResponseView::id, Function.identity()));
    Map<UUID, Interviews.Participant> byInterview = interviews.participants(interviewIds);
    return rows.stream().map(r -> {
      UUID responseId = null;
      UUID contactId = null;
      if (r.sourceType().equals("response")) {
        var v = byResponse.get(r.sourceId());
        responseId = r.sourceId();
        contactId = v == null || v.contact() == null ? null : v.contact().id();
      } else {
        var p = byInterview.get(r.sourceId());
        if (p != null) {
          responseId = p.responseId();
          contactId = p.contactId();
        }
      }
      return new Source(r.sourceType(), r.sourceId(), responseId, contactId, r.accountId(), r.accountName(), r.tier(),
          r.arr(), r.score(), r.category(), r.mechanism(), r.categoryKey(), r.evidence(), r.respondedAt());
    }).toList();
  }
}
