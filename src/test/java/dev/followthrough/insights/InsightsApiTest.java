package dev.followthrough.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The insights API against the real application, database and embedding model. */
class InsightsApiTest extends IntegrationTest {

  /** Records a response with a comment; returns its id. */
  UUID respond(int score, String comment, String account, double arr) {
    return respond("api", score, comment, account, arr);
  }

  UUID respond(String source, int score, String comment, String account, double arr) {
    Reply r = post("/api/v1/responses", """
        {"source": "%s", "sourceId": "%s", "score": %d, "comment": %s, "respondedAt": "%s",
         "contact": {"externalId": "%s"}, "account": {"externalId": "%s", "name": "%s", "tier": "enterprise", "arr": %s}}"""
        .formatted(source, unique("ins"), score, JSON.writeValueAsString(comment), Instant.now().minusSeconds(3600), unique("c"),
            account, account, arr));
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
    return UUID.fromString(r.json().get("id").asString());
  }

  /** The listener codes asynchronously: wait for the coding to appear. */
  JsonNode codingsOf(UUID responseId) {
    return eventually(() -> {
      JsonNode codings = get("/api/v1/insights/codings?responseId=" + responseId).json();
      return codings.isEmpty() ? null : codings;
    });
  }

  static <T> T eventually(Supplier<T> probe) {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(until)) {
      T t = probe.get();
      if (t != null) return t;
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("not within 30 s");
  }

  static String top(JsonNode result) {
    JsonNode ms = result.get("mechanisms");
    return ms.isEmpty() ? "(none)" : ms.get(0).get("mechanism").asString();
  }

  @Test
  void the_codebook_starts_with_mechanisms_that_have_owners_and_examples() {
    JsonNode book = get("/api/v1/codebook").json();
    assertThat(book.get("version").asInt()).isPositive();
    List<String> keys = new ArrayList<>();
    book.get("categories").forEach(c -> c.get("mechanisms").forEach(m -> {
      keys.add(m.get("key").asString());
      assertThat(m.get("owner").asString()).isNotBlank();
      assertThat(m.get("examples")).isNotEmpty();
    }));
    assertThat(keys).contains("price-sensitivity", "value-articulation", "champion-left", "billing-errors");
  }

  @Test
  void a_codebook_without_a_mechanism_description_is_refused_naming_the_field_and_nothing_changes() {
    int before = get("/api/v1/codebook").json().get("version").asInt();
    Reply r = put("/api/v1/codebook", """
        {"categories": [{"key": "billing", "name": "Billing", "mechanisms": [
          {"key": "wrong-invoice", "name": "Wrong invoice", "owner": "finance", "examples": ["the bill was wrong"]}]}]}""");
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("field").asString()).isEqualTo("categories[0].mechanisms[0].description");

    Reply duplicate = put("/api/v1/codebook", """
        {"categories": [{"key": "a", "name": "A", "mechanisms": [
          {"key": "same", "name": "One", "description": "d", "owner": "product"},
          {"key": "same", "name": "Two", "description": "d", "owner": "product"}]}]}""");
    assertThat(duplicate.status()).isEqualTo(422);
    assertThat(duplicate.json().get("field").asString()).isEqualTo("categories[0].mechanisms[1].key");
    assertThat(get("/api/v1/codebook").json().get("version").asInt()).isEqualTo(before);
  }

  @Test
  void saving_the_codebook_creates_the_next_version_and_the_edit_is_kept() {
    ObjectNode book = (ObjectNode) get("/api/v1/codebook").json();
    int before = book.get("version").asInt();
    ObjectNode billing = null;
    for (JsonNode m : book.get("categories").get(book.get("categories").size() - 1).get("mechanisms")) billing = (ObjectNode) m;
    String example = "charged for seats we removed " + unique("x");
    ((tools.jackson.databind.node.ArrayNode) billing.get("examples")).add(example);
    Reply r = put("/api/v1/codebook?note=more+billing+examples", book.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("version").asInt()).isEqualTo(before + 1);
    assertThat(get("/api/v1/codebook").toString()).contains(example);
    assertThat(get("/api/v1/codebook/versions").json().get(0).get("version").asInt()).isEqualTo(before + 1);
  }

  @Test
  void arbitrary_texts_are_coded_to_the_mechanism_not_the_label() {
    Reply r = post("/api/v1/insights/code", """
        {"texts": ["The invoice was wrong again and we were charged twice for the same month.",
                   "Honestly I like it, but I can't justify the cost to our CFO at renewal.",
                   "Exports keep timing out on our larger workspaces."]}""");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode results = r.json().get("results");
    assertThat(top(results.get(0))).isEqualTo("billing-errors");
    assertThat(top(results.get(1))).isEqualTo("value-articulation");
    assertThat(top(results.get(2))).isEqualTo("slow-performance");
    JsonNode first = results.get(1).get("mechanisms").get(0);
    assertThat(first.get("category").asString()).isEqualTo("pricing-value");
    assertThat(first.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(r.json().get("codebookVersion").asInt()).isPositive();
  }

  @Test
  void coding_requests_are_validated() {
    assertThat(post("/api/v1/insights/code", "{}").json().get("field").asString()).isEqualTo("texts");
    Reply blank = post("/api/v1/insights/code", "{\"texts\": [\"fine\", \" \"]}");
    assertThat(blank.status()).isEqualTo(422);
    assertThat(blank.json().get("field").asString()).isEqualTo("texts[1]");
  }

  @Test
  void praise_is_coded_to_praise_mechanisms_with_its_clause_and_never_counts_toward_a_problem() {
    String account = unique("acct");
    UUID raj = respond(10, "Raj from support solved it within 15 minutes.", account, 80_000);
    UUID followed = respond(9, "Support followed up the next day to make sure it was fixed. Rare these days.", account, 80_000);
    for (UUID id : List.of(raj, followed)) {
      JsonNode codings = codingsOf(id);
      for (JsonNode c : codings) {
        assertThat(c.get("mechanism").asString()).as(c.toString()).startsWith("praise-");
        assertThat(c.get("polarity").asString()).isEqualTo("praise");
        assertThat(c.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.2); // below abstain-below nothing is coded
      }
      assertThat(codings.findValuesAsString("mechanism")).doesNotContain("unhelpful-support", "slow-support");
    }
    // one comment, two clauses of opposite polarity: each is its own coding, evidence and stated reason
    String mixed = "Maria, our account manager, is fantastic, but exports keep timing out on big projects.";
    JsonNode both = codingsOf(respond(6, mixed, account, 80_000));
    JsonNode problem = null;
    for (JsonNode c : both) if (c.get("polarity").asString().equals("problem")) problem = c;
    assertThat(problem).as(both.toString()).isNotNull();
    assertThat(problem.get("statedReason").asString()).isEqualTo("Exports keep timing out on big projects.");
    // impact counts a mechanism's own polarity only; the praise shows up under praise mechanisms
    JsonNode impact = get("/api/v1/insights/impact?polarity=praise").json();
    assertThat(impact.get("mechanisms").findValuesAsString("mechanism")).allMatch(m -> m.startsWith("praise-"));
    assertThat(get("/api/v1/insights/impact?polarity=glowing").json().get("field").asString()).isEqualTo("polarity");
  }

  @Test
  void the_review_queue_holds_codings_below_the_target_precision_those_a_review_teaches_most_first() {
    String account = unique("acct");
    codingsOf(respond(4, "Support took a week to answer our ticket about the invoice.", account, 30_000));
    codingsOf(respond(8, "Fine overall; pricing is hard to explain to finance.", account, 30_000));
    JsonNode items = get("/api/v1/insights/review?limit=500").json().get("items");
    assertThat(items).isNotEmpty();
    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode c : items) {
      double p = c.get("confidence").asDouble();
      assertThat(p).as(c.toString()).isLessThan(0.9).isGreaterThanOrEqualTo(0.2);
      long frequency = jdbc.sql("SELECT count(*) FROM insights_coding WHERE mechanism = :m AND status <> 'rejected'")
          .param("m", c.get("mechanism").asString()).query(Long.class).single();
      double teaches = (1 - Math.abs(p - 0.9)) * Math.log(1 + frequency);
      assertThat(teaches).as("queue order at " + c).isLessThanOrEqualTo(previous + 1e-6);
      previous = teaches;
    }
  }

  @Test
  void a_recorded_comment_is_coded_once_with_its_evidence_and_found_by_search_and_impact() {
    String comment = "Great people on the team. But exports keep timing out on big projects, we lose hours every week.";
    UUID id = respond(3, comment, unique("acct"), 250_000);
    JsonNode codings = codingsOf(id);
    JsonNode c = codings.get(0);
    assertThat(c.get("mechanism").asString()).isEqualTo("slow-performance");
    String evidence = c.get("evidence").get("text").asString();
    assertThat(evidence).contains("timing out");
    assertThat(comment.substring(c.get("evidence").get("start").asInt(), c.get("evidence").get("end").asInt())).isEqualTo(evidence);
    assertThat(c.get("statedReason").asString()).startsWith("Exports keep timing out");
    assertThat(c.get("link").asString()).isEqualTo("/responses/" + id);

    // a re-delivery of the same response is a duplicate: coded once, not twice
    int count = jdbc.sql("SELECT count(*) FROM insights_coding c JOIN insights_text t ON t.id = c.text_id WHERE t.source_id = :id")
        .param("id", id).query(Integer.class).single();
    assertThat(count).isEqualTo(codings.size());

    JsonNode text = get("/api/v1/insights/search?q=timing+out&mode=text&limit=200").json().get("items");
    assertThat(text.findValuesAsString("sourceId")).contains(id.toString());
    JsonNode semantic = get("/api/v1/insights/search?q=slow+downloads+of+reports&mode=semantic&tier=enterprise&limit=200").json().get("items");
    assertThat(semantic.findValuesAsString("sourceId")).contains(id.toString());
    assertThat(semantic.findValuesAsString("link")).contains("/responses/" + id);
    // a score-3 comment from an enterprise-size account opens a follow-up case: its hit links to the case too
    UUID caseId = await("the case", () -> jdbc.sql("SELECT id FROM followup_case WHERE response_id = :id").param("id", id)
        .query(UUID.class).optional());
    JsonNode again = get("/api/v1/insights/search?q=timing+out&mode=text&limit=200").json().get("items");
    assertThat(again.findValuesAsString("caseLink")).contains("/cases/" + caseId);

    JsonNode impact = get("/api/v1/insights/impact").json();
    JsonNode slow = null;
    for (JsonNode m : impact.get("mechanisms")) if (m.get("mechanism").asString().equals("slow-performance")) slow = m;
    assertThat(slow).isNotNull();
    assertThat(slow.get("detractors").asLong()).isPositive();
    assertThat(slow.get("revenueAtRisk").asDouble()).isGreaterThanOrEqualTo(250_000);
    assertThat(slow.get("why").asString()).contains("Slow performance").contains("detractor");
    assertThat(slow.get("trend")).isNotEmpty();
    assertThat(get("/api/v1/insights/search?q=x&mode=fuzzy").status()).isEqualTo(422);
    assertThat(get("/api/v1/insights/impact?from=yesterday").json().get("field").asString()).isEqualTo("from");
  }

  @Test
  void corrections_teach_the_coder_and_later_texts_follow_them() {
    String probe = "The onboarding webinars are only offered in English, our Munich office needs them in German.";
    String before = top(post("/api/v1/insights/code", JSON.writeValueAsString(java.util.Map.of("texts", List.of(probe))))
        .json().get("results").get(0));
    String target = before.equals("billing-errors") ? "outages" : "billing-errors";
    String[] variants = {
        "Your training webinars are English only; our team in Lyon needs French sessions.",
        "Please run the onboarding webinars in Spanish, half of our staff do not follow English.",
        "We need the webinars in Japanese for our Tokyo office, English only does not work.",
        "Webinars only in English are a problem for our Italian colleagues.",
        "Offer the onboarding sessions in Portuguese please, English is a barrier for our Brazil team."};
    for (String v : variants) {
      UUID id = respond(6, v, unique("acct"), 10_000);
      eventually(() -> jdbc.sql("SELECT count(*) FROM insights_text WHERE source_id = :id").param("id", id)
          .query(Integer.class).single() > 0 ? true : null);
      JsonNode codings = get("/api/v1/insights/codings?responseId=" + id).json();
      // the machine's coding is corrected; a text that fit no mechanism is coded by hand
      Reply taught = codings.isEmpty()
          ? post("/api/v1/insights/codings", "{\"responseId\": \"" + id + "\", \"mechanism\": \"" + target + "\"}")
          : post("/api/v1/insights/codings/" + codings.get(0).get("id").asString() + "/correct", "{\"mechanism\": \"" + target + "\"}");
      assertThat(taught.status()).as(taught.toString()).isEqualTo(200);
      assertThat(get("/api/v1/insights/codings?responseId=" + id).json().findValuesAsString("mechanism")).contains(target);
    }
    String after = top(post("/api/v1/insights/code", JSON.writeValueAsString(java.util.Map.of("texts", List.of(probe))))
        .json().get("results").get(0));
    assertThat(before).isNotEqualTo(target);
    assertThat(after).isEqualTo(target);

    JsonNode agreement = get("/api/v1/insights/agreement").json();
    assertThat(agreement.get("reviewed").asLong()).isPositive();
    assertThat(post("/api/v1/insights/codings/" + UUID.randomUUID() + "/confirm", "").status()).isEqualTo(404);
    Reply unknown = post("/api/v1/insights/codings/" + UUID.randomUUID() + "/correct", "{\"mechanism\": \"no-such-thing\"}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("field").asString()).isEqualTo("mechanism");
  }

  @Test
  void a_confirmed_coding_leaves_the_review_queue() {
    UUID id = respond(5, "Support took nine days to answer our ticket about the broken import.", unique("acct"), 40_000);
    JsonNode coding = codingsOf(id).get(0);
    Reply confirmed = post("/api/v1/insights/codings/" + coding.get("id").asString() + "/confirm", "");
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    JsonNode after = get("/api/v1/insights/codings?responseId=" + id).json().get(0);
    assertThat(after.get("status").asString()).isEqualTo("confirmed");
    assertThat(after.get("needsReview").asBoolean()).isFalse();
    assertThat(get("/api/v1/insights/review?limit=500").json().get("items").findValuesAsString("id"))
        .doesNotContain(coding.get("id").asString());
  }

  @Test
  void a_backlog_job_codes_what_is_not_coded_and_reports_progress() {
    String source = unique("import");
    UUID id = respond(source, 2, "We were charged twice and the refund still has not arrived.", unique("acct"), 5_000);
    codingsOf(id);
    // as if the comment had been imported before insights existed
    jdbc.sql("DELETE FROM insights_text WHERE source_id = :id").param("id", id).update();

    Reply started = post("/api/v1/insights/backlog", "{\"scope\": \"uncoded\", \"source\": \"" + source + "\"}");
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    assertThat(started.json().get("total").asInt()).isEqualTo(1);
    String job = started.json().get("id").asString();
    JsonNode done = eventually(() -> {
      JsonNode j = get("/api/v1/insights/backlog/" + job).json();
      return j.get("finishedAt").isNull() ? null : j;
    });
    assertThat(done.get("done").asInt()).isEqualTo(done.get("total").asInt());
    assertThat(get("/api/v1/insights/codings?responseId=" + id).json()).isNotEmpty();

    // "all" recodes even what is current (e.g. after tuning); the same source again
    Reply all = post("/api/v1/insights/backlog", "{\"scope\": \"all\", \"source\": \"" + source + "\"}");
    assertThat(all.status()).as(all.toString()).isEqualTo(202);
    assertThat(all.json().get("total").asInt()).isEqualTo(1);
    eventually(() -> get("/api/v1/insights/backlog/" + all.json().get("id").asString()).json().get("finishedAt").isNull() ? null : true);
    assertThat(post("/api/v1/insights/backlog", "{\"scope\": \"everything\"}").json().get("field").asString()).isEqualTo("scope");
  }

  @Test
  void comments_that_fit_no_mechanism_become_an_emerging_theme_that_can_be_promoted() {
    String[] parking = {
        "The parking garage at your user conference was full every single morning.",
        "Parking at the conference venue was a nightmare, the garage was always full.",
        "Your conference needs more parking, the garage filled up before 8am.",
        "Could not find parking at the conference, the garage was full again."};
    List<UUID> ids = new ArrayList<>();
    for (String p : parking) ids.add(respond(7, p, unique("acct"), 1_000));
    for (UUID id : ids) eventually(() -> jdbc.sql("SELECT count(*) FROM insights_text WHERE source_id = :id").param("id", id)
        .query(Integer.class).single() > 0 ? true : null);
    JsonNode themes = get("/api/v1/insights/themes").json();
    JsonNode theme = null;
    for (JsonNode t : themes) if (t.get("keyPhrases").toString().contains("parking") || t.get("keyPhrases").toString().contains("garage")) theme = t;
    assertThat(theme).as(themes.toString()).isNotNull();
    assertThat(theme.get("quotes")).isNotEmpty();

    Reply promoted = post("/api/v1/insights/themes/promote", """
        {"category": "service", "key": "%s", "name": "Event logistics", "description": "Conference and event logistics fail attendees.",
         "owner": "marketing", "examples": ["the parking garage was full"]}""".formatted(unique("event-logistics")));
    assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
    Reply bad = post("/api/v1/insights/themes/promote", "{\"category\": \"nope\", \"key\": \"k\", \"name\": \"n\", \"description\": \"d\", \"owner\": \"o\"}");
    assertThat(bad.json().get("field").asString()).isEqualTo("category");

    JsonNode passives = get("/api/v1/insights/passives").json();
    assertThat(passives).hasSize(3);
    assertThat(passives.findValuesAsString("key")).contains("satisfied-not-loyal", "frustrated-tolerant", "positive-constrained");
  }
}
