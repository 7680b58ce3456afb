package dev.followthrough.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.followthrough.support.IntegrationTest;
import dev.followthrough.support.TestClock;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The whole loop, over real HTTP: a detractor's comment opens a case on the interview channel, the customer
 * finishes the AI interview, insights codes what they said, an intervention for that mechanism ships, the
 * customer (and not another one) gets "you said, we did", then a re-survey, and their next score shows as a
 * recovery.
 */
class CloseTheLoopTest extends IntegrationTest {

  @Autowired Scheduler scheduler;
  @Autowired Interventions interventions;

  record Customer(UUID responseId, UUID contactId, String externalId, String email, String zone) {}

  @AfterEach
  void resetClock() {
    TestClock.INSTANCE.reset();
  }

  @Test
  void a_detractor_who_explained_their_score_is_told_what_changed_is_resurveyed_and_their_recovery_is_reported() {
    String program = unique("loop");
    String ruleId = interviewRuleFor(program);
    try {
      Customer dana = aDetractor(program, 3, "The reporting is painful: the CSV export times out on every big report.");
      Customer omar = aDetractor(program, 2, "We were billed twice for the same invoice and the refund took two months.");

      // followup opened a case on the interview channel; the customer answers by the link's token alone
      JsonNode kase = caseOf(dana);
      assertThat(kase.get("channel").asString()).isEqualTo("interview");
      String url = get("/api/v1/cases/" + kase.get("id").asString()).json().get("interviewUrl").asString();
      String token = url.substring(url.indexOf("/i/") + 3);
      JsonNode state = await("the interview to be ready", () -> {
        Reply opened = anonymous("GET", "/api/v1/interviews/" + token, null);
        return opened.status() == 200 ? Optional.of(opened.json()) : Optional.empty(); // created after the case opens
      });
      for (int i = 0; i < 20 && !state.get("done").asBoolean(); i++) {
        String answer = state.get("question").get("kind").asString().equals("summary") ? "Yes, that's right." : ANSWERS.get(Math.min(i, ANSWERS.size() - 1));
        Reply r = anonymous("POST", "/api/v1/interviews/" + token + "/answers",
            "{\"text\": " + JSON.writeValueAsString(answer) + ", \"turn\": " + state.get("question").get("turn").asInt() + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        state = r.json();
      }
      assertThat(state.get("status").asString()).isEqualTo("completed");

      // insights coded the transcript (and both comments)
      Set<String> danaMechanisms = await("Dana's interview to be coded", () -> {
        Set<String> m = codedMechanisms(dana, "interview");
        return m.isEmpty() ? Optional.empty() : Optional.of(m);
      });
      Set<String> omarMechanisms = await("Omar's comment to be coded", () -> {
        Set<String> m = codedMechanisms(omar, "response");
        return m.isEmpty() ? Optional.empty() : Optional.of(m);
      });
      String mechanism = danaMechanisms.stream().filter(m -> !omarMechanisms.contains(m)).sorted().findFirst()
          .orElseThrow(() -> new AssertionError("Dana " + danaMechanisms + " and Omar " + omarMechanisms + " were coded alike"));

      // an intervention from that mechanism, routed to the codebook owner, committed and shipped
      Reply created = post("/api/v1/interventions", """
          {"title": "Exports run in the background and arrive by email", "mechanisms": ["%s"],
           "outcome": "Exports of any size finish within two minutes", "dueOn": "%s", "resurveyDays": 14,
           "notes": "Exports ran synchronously in the request"}"""
          .formatted(mechanism, TestClock.INSTANCE.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(30)));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String id = created.json().get("id").asString();
      String owner = interventions.route(mechanism).codebookOwner();
      assertThat(created.json().get("team").asString()).isEqualTo(owner == null ? "product" : owner);
      JsonNode evidence = get("/api/v1/interventions/" + id + "/evidence").json();
      assertThat(evidence.get("mentions").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(evidence.get("byCategory").get("detractor").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(evidence.get("accountsAtRisk").asInt()).isGreaterThanOrEqualTo(1);

      assertThat(post("/api/v1/interventions/" + id + "/status", "{\"status\": \"committed\", \"version\": 0}").status()).isEqualTo(200);
      Reply shipped = post("/api/v1/interventions/" + id + "/status", "{\"status\": \"shipped\", \"version\": 1, \"note\": \"released in 4.2\"}");
      assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);

      // "you said, we did" reaches Dana, with her own words, once; Omar hears nothing about it
      MimeMessage note = awaitMail(dana.email(), "You told us, and we changed it");
      String text = body(note);
      assertThat(text).contains("Exports run in the background and arrive by email").contains("Exports of any size finish");
      JsonNode danaNotice = noticeOf(id, dana);
      assertThat(danaNotice.get("status").asString()).isEqualTo("queued");
      assertThat(text).contains(danaNotice.get("quote").asString());
      assertThat(interventions.tellCustomers(UUID.fromString(id))).as("a second run tells nobody again").isZero();
      assertThat(mailTo(omar.email()).stream().filter(m -> subject(m).startsWith("You told us"))).isEmpty();
      assertThat(mailTo(dana.email()).stream().filter(m -> subject(m).startsWith("You told us"))).hasSize(1);

      // 14 days later: the re-survey with a personal survey link
      TestClock.INSTANCE.advance(Duration.ofDays(14).plusMinutes(1));
      MimeMessage resurvey = awaitMail(dana.email(), "Has it got better");
      assertThat(body(resurvey)).contains("/s/");

      // Dana answers again (a 9) through the REST API: recovery is reported
      Instant later = TestClock.INSTANCE.instant().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
      Reply again = post("/api/v1/responses", """
          {"source": "close-the-loop", "sourceId": "%s", "score": 9, "respondedAt": "%s", "program": "%s",
           "contact": {"externalId": "%s"}}""".formatted(unique("again"), later, program + "-resurvey", dana.externalId()));
      assertThat(again.status()).as(again.toString()).isEqualTo(201);
      JsonNode answered = await("Dana's answer on her notice", () -> {
        JsonNode n = noticeOf(id, dana);
        return n.get("scoreAfter").isNull() ? Optional.empty() : Optional.of(n);
      });
      assertThat(answered.get("scoreBefore").asInt()).isEqualTo(3);
      assertThat(answered.get("scoreAfter").asInt()).isEqualTo(9);
      assertThat(answered.get("resurveyedAt").isNull()).isFalse();
      JsonNode recovery = get("/api/v1/interventions/" + id + "/recovery").json();
      assertThat(recovery.get("told").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(recovery.get("resurveyed").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(recovery.get("answered").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(recovery.get("recovered").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(recovery.get("meanAfter").asDouble()).isGreaterThan(recovery.get("meanBefore").asDouble());

      // … and the program metrics count it: Dana is this program's one followed-up detractor with a later score (9)
      Reply m = get("/api/v1/metrics?program=" + program);
      assertThat(m.status()).as(m.toString()).isEqualTo(200);
      JsonNode scoreRecovery = null;
      for (JsonNode metric : m.json().get("metrics")) if (metric.get("key").asString().equals("score_recovery")) scoreRecovery = metric;
      assertThat(scoreRecovery).as("score_recovery in " + m.json()).isNotNull();
      JsonNode followedUp = scoreRecovery.get("parts").get(0);
      assertThat(followedUp.get("key").asString()).isEqualTo("score_recovery_a");
      assertThat(followedUp.get("n").asInt()).as(followedUp.toString()).isEqualTo(1);
      assertThat(followedUp.get("value").asDouble()).isEqualTo(9.0);
    } finally {
      delete("/api/v1/rules/" + ruleId);
    }
  }

  @Test
  void opted_out_and_email_less_customers_are_recorded_not_emailed_and_rejected_codings_tell_nobody() {
    Customer ana = aCodedCustomer(unique("ana") + "@customer.example", "Our champion left and nobody replaced her.");
    Customer ben = aCodedCustomer(unique("ben") + "@customer.example", "Our sponsor moved on, the new VP does not know you.");
    Customer cai = aCodedCustomer(null, "The person who bought this left the company.");
    Customer dee = aCodedCustomer(unique("dee") + "@customer.example", "Our admin left and nobody knows the tool.");
    assertThat(post("/api/v1/contacts/" + ben.contactId() + "/opt-out", "{}").status()).isIn(200, 204);
    JsonNode deeCoding = null;
    for (JsonNode c : get("/api/v1/insights/codings?responseId=" + dee.responseId()).json()) {
      if (c.get("mechanism").asString().equals("champion-left")) deeCoding = c;
    }
    assertThat(post("/api/v1/insights/codings/" + deeCoding.get("id").asString() + "/reject", "{}").status()).isEqualTo(200);

    String id = post("/api/v1/interventions", """
        {"title": "A named successor for every departing champion", "mechanisms": ["champion-left"],
         "outcome": "every account has a second contact", "dueOn": "2031-01-01"}""").json().get("id").asString();
    post("/api/v1/interventions/" + id + "/status", "{\"status\": \"committed\", \"version\": 0}");
    assertThat(post("/api/v1/interventions/" + id + "/status", "{\"status\": \"shipped\", \"version\": 1}").status()).isEqualTo(200);

    awaitMail(ana.email(), "You told us");
    JsonNode benNotice = await("Ben's notice", () -> notice(id, ben));
    assertThat(benNotice.get("status").asString()).isEqualTo("suppressed");
    assertThat(benNotice.get("reason").asString()).isEqualTo("contact opted out");
    JsonNode caiNotice = await("Cai's notice", () -> notice(id, cai));
    assertThat(caiNotice.get("status").asString()).isEqualTo("skipped");
    assertThat(caiNotice.get("reason").asString()).contains("no email address");
    assertThat(notice(id, dee)).as("a rejected coding is not feedback about the mechanism").isEmpty();
    assertThat(notice(id, ana).orElseThrow().get("status").asString()).isEqualTo("queued");
    assertThat(mailTo(ben.email())).isEmpty();
    assertThat(mailTo(dee.email())).isEmpty();
    // Ana was emailed; Ben (opted out) and Cai (no address) have notices but were not told
    int told = get("/api/v1/interventions/" + id + "/recovery").json().get("told").asInt();
    int notices = get("/api/v1/interventions/" + id + "/notices").json().get("items").size();
    assertThat(told).as("only customers actually emailed count as told").isBetween(1, notices - 2);
    assertThat(jdbc.sql("SELECT count(*) FROM outreach_message WHERE idempotency_key = :k")
        .param("k", "actions.you-said-we-did:" + id + ":" + ben.contactId()).query(Long.class).single())
        .as("the delivery log says why too").isEqualTo(1);
  }

  @Test
  void the_sprint_view_ranks_the_mechanism_with_the_most_revenue_at_risk_first_with_its_interventions_and_notes() {
    aCodedCustomer(unique("s1") + "@customer.example", "We are moving to a competitor, they are half the price.", 2,
        50_000_000, 20, "competitor-switch");
    aCodedCustomer(unique("s2") + "@customer.example", "Another vendor offered us a better deal at renewal.", 3,
        50_000_000, 10, "competitor-switch");
    aCodedCustomer(unique("s3") + "@customer.example", "Old news: we nearly switched last quarter.", 1,
        50_000_000, 45, "competitor-switch"); // outside the 30-day window
    String id = post("/api/v1/interventions", """
        {"title": "Show the annual discount on the pricing page", "mechanisms": ["competitor-switch"],
         "notes": "The annual discount is hidden behind a sales call"}""").json().get("id").asString();

    JsonNode sprint = get("/api/v1/sprint").json();
    assertThat(sprint.get("weighting").asString()).contains("mentions + detractor mentions + ARR at risk / 100000");
    JsonNode first = sprint.get("items").get(0);
    assertThat(first.get("mechanism").asString()).isEqualTo("competitor-switch");
    assertThat(first.get("detractorMentions").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(first.get("accountsAtRisk").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(first.get("arrAtRisk").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("100000000"));
    assertThat(first.get("weight").asDouble()).isGreaterThanOrEqualTo(1004.0);
    assertThat(first.get("quotes").toString()).contains("half the price").doesNotContain("Old news");
    assertThat(first.get("rootCauses").toString()).contains("hidden behind a sales call");
    assertThat(first.get("interventions").toString()).contains(id);
    assertThat(sprint.get("items").size()).isLessThanOrEqualTo(5);
  }

  /** An old response (the default rules leave it alone) whose comment a person coded to champion-left. */
  private Customer aCodedCustomer(String email, String comment) {
    return aCodedCustomer(email, comment, 4, 50_000, 30, "champion-left");
  }

  /** A response of {@code daysAgo} days ago whose comment a person coded to {@code mechanism}. */
  private Customer aCodedCustomer(String email, String comment, int score, long arr, int daysAgo, String mechanism) {
    String id = unique("coded");
    String zone = zoneAtNoon();
    Reply r = post("/api/v1/responses", """
        {"source": "close-the-loop", "sourceId": "%s", "score": %d, "comment": %s, "respondedAt": "%s",
         "contact": {"externalId": "%s", "email": %s, "attributes": {"timezone": "%s"}},
         "account": {"externalId": "%s", "tier": "mid-market", "arr": %d}}"""
        .formatted(id, score, JSON.writeValueAsString(comment),
            Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
            id, email == null ? "null" : "\"" + email + "\"", zone, id, arr));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode b = r.json();
    Customer c = new Customer(UUID.fromString(b.get("id").asString()), UUID.fromString(b.get("contact").get("id").asString()),
        id, email == null ? id + "@nowhere.example" : email, zone);
    await("the comment to be coded", () -> jdbc.sql("SELECT count(*) FROM insights_text WHERE source_type = 'response' AND source_id = :id")
        .param("id", c.responseId()).query(Long.class).single() > 0 ? Optional.of(true) : Optional.empty());
    Reply coded = post("/api/v1/insights/codings", "{\"responseId\": \"" + c.responseId() + "\", \"mechanism\": \"" + mechanism + "\"}");
    assertThat(coded.status()).as(coded.toString()).isEqualTo(200);
    return c;
  }

  private Optional<JsonNode> notice(String interventionId, Customer c) {
    for (JsonNode n : get("/api/v1/interventions/" + interventionId + "/notices").json().get("items")) {
      if (n.get("contactId").asString().equals(c.contactId().toString())) return Optional.of(n);
    }
    return Optional.empty();
  }

  // ---- fixtures ----------------------------------------------------------------------------------------------

  private static final List<String> ANSWERS = List.of(
      "Honestly the reporting is just painful.",
      "We were closing the month and I needed the revenue report for the board.",
      "The CSV export times out after 30 seconds whenever a report has more than 10,000 rows.",
      "The finance team has to rebuild the numbers by hand in Excel every month-end.",
      "It costs me about three hours every month.",
      "Nothing else.");

  /** A trigger rule, first in order, that sends every detractor of {@code program} to the AI interview. */
  private String interviewRuleFor(String program) {
    Reply r = post("/api/v1/rules", """
        {"name": "%s", "description": "close-the-loop test",
         "conditions": {"categories": ["detractor"], "programs": ["%s"]},
         "outcome": {"followUp": true, "channel": "interview", "play": "recover", "sla": "48h", "ownerPolicy": "team",
                     "sampleRate": 1}}""".formatted(unique("Loop interview"), program));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String id = r.json().get("id").asString();
    List<String> ids = new java.util.ArrayList<>(List.of(id));
    get("/api/v1/rules").json().get("items").forEach(n -> {
      if (!n.get("id").asString().equals(id)) ids.add(n.get("id").asString());
    });
    Reply order = post("/api/v1/rules/order", "{\"ids\": " + JSON.writeValueAsString(ids) + "}");
    assertThat(order.status()).as(order.toString()).isEqualTo(200);
    return id;
  }

  /** A detractor with a comment, in a zone where it is midday (no quiet hours). */
  private Customer aDetractor(String program, int score, String comment) {
    String id = unique("loop");
    String email = id + "@customer.example";
    String zone = zoneAtNoon();
    Reply r = post("/api/v1/responses", """
        {"source": "close-the-loop", "sourceId": "%s", "score": %d, "comment": %s, "respondedAt": "%s", "program": "%s",
         "contact": {"externalId": "%s", "email": "%s", "name": "Dana Ruiz", "attributes": {"timezone": "%s"}},
         "account": {"externalId": "%s", "name": "Acme %s", "tier": "enterprise", "arr": 240000}}"""
        .formatted(id, score, JSON.writeValueAsString(comment),
            TestClock.INSTANCE.instant().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS), program, id, email, zone, id, id));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode b = r.json();
    return new Customer(UUID.fromString(b.get("id").asString()), UUID.fromString(b.get("contact").get("id").asString()),
        id, email, zone);
  }

  private static String zoneAtNoon() {
    int offset = 12 - TestClock.INSTANCE.instant().atZone(ZoneOffset.UTC).getHour();
    if (offset > 14) offset -= 24;
    if (offset < -12) offset += 24;
    return "UTC" + (offset >= 0 ? "+" : "-") + String.format("%02d:00", Math.abs(offset));
  }

  private JsonNode caseOf(Customer c) {
    return await("a case for " + c.externalId(), () -> {
      JsonNode page = get("/api/v1/cases?responseId=" + c.responseId()).json();
      return page.get("total").asInt() > 0 ? Optional.of(page.get("items").get(0)) : Optional.empty();
    });
  }

  private Set<String> codedMechanisms(Customer c, String sourceType) {
    String sql = sourceType.equals("response")
        ? "SELECT c.mechanism FROM insights_coding c JOIN insights_text t ON t.id = c.text_id WHERE t.source_type = 'response' AND t.source_id = :id"
        : """
          SELECT c.mechanism FROM insights_coding c JOIN insights_text t ON t.id = c.text_id
            JOIN interviews_session s ON s.id = t.source_id WHERE t.source_type = 'interview' AND s.response_id = :id""";
    return new HashSet<>(jdbc.sql(sql).param("id", c.responseId()).query(String.class).list());
  }

  private JsonNode noticeOf(String interventionId, Customer c) {
    return notice(interventionId, c).orElseThrow(() -> new AssertionError("no notice for " + c.email()));
  }

  private Reply anonymous(String method, String path, String json) {
    var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)));
    if (json == null) b.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
    else b.header("Content-Type", "application/json").method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json));
    return send(b);
  }

  private void delete(String path) {
    send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).header("Authorization", "Bearer " + ADMIN_KEY).DELETE());
  }

  private MimeMessage awaitMail(String address, String subjectStart) {
    return await("'" + subjectStart + "' to " + address, () -> {
      scheduler.triggerCheckForDueExecutions();
      return mailTo(address).stream().filter(m -> subject(m).startsWith(subjectStart)).findFirst();
    });
  }

  static List<MimeMessage> mailTo(String address) {
    return dev.followthrough.outreach.OutreachFixtures.mailTo(address);
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain-text part, decoded. */
  static String body(jakarta.mail.Part p) {
    try {
      Object content = p.getContent();
      if (content instanceof jakarta.mail.Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          String t = body(mp.getBodyPart(i));
          if (t != null) return t;
        }
        return null;
      }
      return p.isMimeType("text/plain") ? (String) content : null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
