package dev.followthrough.interviews;

import dev.followthrough.followup.FollowUps;
import dev.followthrough.outreach.Links;
import dev.followthrough.support.IntegrationTest;
import dev.followthrough.support.TestClock;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.FollowUpRequested;
import dev.followthrough.triggers.OwnerPolicy;
import dev.followthrough.triggers.Play;
import dev.followthrough.triggers.PriorityFactor;
import dev.followthrough.triggers.SlaCalendar;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Fixtures in the interview's words: a customer with a case on a channel, their link, their answers. */
public abstract class InterviewFixtures extends IntegrationTest {

  @Autowired protected FollowUps followUps;
  @Autowired protected Links links;

  public record Customer(UUID responseId, UUID contactId, UUID accountId, UUID caseId, String token) {}

  @AfterEach
  void resetClock() {
    TestClock.INSTANCE.reset();
  }

  /** A stored response the default rules leave alone (30 days old) and a case for it on {@code channel}. */
  protected Customer aCustomerWithACase(int score, String comment, Channel channel, Play play) {
    String id = unique("iv");
    String respondedAt = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    Reply r = post("/api/v1/responses", """
        {"source": "interview-test", "sourceId": "%s", "score": %d, "comment": %s, "respondedAt": "%s",
         "contact": {"externalId": "%s", "email": "%s@customer.example", "name": "Dana Ruiz"},
         "account": {"externalId": "%s", "name": "Acme %s", "tier": "enterprise", "arr": 240000}}"""
        .formatted(id, score, comment == null ? "null" : JSON.writeValueAsString(comment), respondedAt, id, id, id, id));
    if (r.status() != 201) throw new AssertionError(r.toString());
    JsonNode b = r.json();
    UUID responseId = UUID.fromString(b.get("id").asString());
    UUID contactId = UUID.fromString(b.get("contact").get("id").asString());
    UUID accountId = UUID.fromString(b.get("account").get("id").asString());
    Instant receivedAt = Instant.parse(b.get("receivedAt").asString());
    var request = new FollowUpRequested(responseId, 1, contactId, accountId, score,
        score <= 6 ? "detractor" : score <= 8 ? "passive" : "promoter", receivedAt, UUID.randomUUID(), "interview test rule",
        channel, play, Duration.ofHours(48), SlaCalendar.CALENDAR, 60, List.of(new PriorityFactor("severity", 60, "score " + score)),
        OwnerPolicy.TEAM, null, null, null, null, receivedAt);
    UUID caseId = followUps.open(request).orElseThrow();
    String link = links.interviewLink(caseId, contactId);
    return new Customer(responseId, contactId, accountId, caseId, link.substring(link.indexOf("/i/") + 3));
  }

  /** A request with no credentials at all: the customer's own device. */
  protected Reply anonymous(String method, String path, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
    if (json == null) b.method(method, HttpRequest.BodyPublishers.noBody());
    else b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    return send(b);
  }

  protected Reply answer(Customer c, String text, Integer turn) {
    String body = turn == null ? "{\"text\": " + JSON.writeValueAsString(text) + "}"
        : "{\"text\": " + JSON.writeValueAsString(text) + ", \"turn\": " + turn + "}";
    return anonymous("POST", "/api/v1/interviews/" + c.token() + "/answers", body);
  }

  /** The answers of a detractor who starts vague and gets specific when asked. */
  protected static final List<String> DETRACTOR_ANSWERS = List.of(
      "Honestly it is just too complicated.",
      "We were closing the month and I needed the revenue report for the board.",
      "It started after the March release, the first time was the week of the 12th.",
      "The reporting is confusing and slow.",
      "The CSV export times out after 30 seconds whenever a report has more than 10,000 rows.",
      "The finance team of six has to redo their numbers by hand, and my CFO asked me why the board pack was late.",
      "In the demo we were shown exports of any size in seconds; that is why we bought it.",
      "It happens every month-end and I lose about three hours rebuilding it in Excel.",
      "Nothing else.", "Nothing else.", "Nothing else.", "Nothing else.");
}
