package dev.followthrough.followup;

import dev.followthrough.support.IntegrationTest;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.FollowUpRequested;
import dev.followthrough.triggers.OwnerPolicy;
import dev.followthrough.triggers.Play;
import dev.followthrough.triggers.PriorityFactor;
import dev.followthrough.triggers.SlaCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Fixtures in the domain's words: a stored response, a follow-up request for it. */
abstract class CaseFixtures extends IntegrationTest {

  record Stored(UUID responseId, UUID contactId, UUID accountId, int score, Instant receivedAt) {}

  /**
   * A response the default trigger rules leave alone (it is 30 days old: a historical score), so the
   * test decides what follow-up it gets.
   */
  Stored aResponse(int score, String accountOwner, String tier) {
    String id = unique("case");
    String respondedAt = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    String owner = accountOwner == null ? "" : ", \"owner\": \"" + accountOwner + "\"";
    Reply r = post("/api/v1/responses", """
        {"source": "case-test", "sourceId": "%s", "score": %d, "comment": "Exports keep timing out",
         "respondedAt": "%s", "contact": {"externalId": "%s", "email": "%s@example.com"},
         "account": {"externalId": "%s", "name": "Acme %s", "tier": "%s", "arr": 50000%s}}"""
        .formatted(id, score, respondedAt, id, id, id, id, tier, owner));
    if (r.status() != 201) throw new AssertionError(r.toString());
    JsonNode b = r.json();
    return new Stored(UUID.fromString(b.get("id").asString()), UUID.fromString(b.get("contact").get("id").asString()),
        UUID.fromString(b.get("account").get("id").asString()), score, Instant.parse(b.get("receivedAt").asString()));
  }

  static FollowUpRequested aRequest(Stored s, Channel channel, Duration sla, OwnerPolicy policy, String team,
                                    Channel overflow, int priority) {
    return new FollowUpRequested(s.responseId(), 1, s.contactId(), s.accountId(), s.score(),
        s.score() <= 6 ? "detractor" : s.score() <= 8 ? "passive" : "promoter", s.receivedAt(), UUID.randomUUID(),
        "test rule", channel, Play.RECOVER, sla, SlaCalendar.CALENDAR, priority,
        List.of(new PriorityFactor("severity", priority, "score " + s.score())), policy, team, null, overflow, null,
        s.receivedAt());
  }

  static FollowUpRequested aDetractorRequest(Stored s) {
    return aRequest(s, Channel.CALL, Duration.ofHours(48), OwnerPolicy.ACCOUNT_OWNER, null, null, 50);
  }
}
