package dev.followthrough.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.followthrough.support.IntegrationTest;
import dev.followthrough.support.TestClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The interventions and routing API over real HTTP: CRUD, transitions, locking, problems, roles, team notices. */
class InterventionApiTest extends IntegrationTest {

  @Autowired Interventions interventions;
  @Autowired Scheduler scheduler;

  @AfterEach
  void resetClock() {
    TestClock.INSTANCE.reset();
  }

  private static LocalDate today() {
    return TestClock.INSTANCE.instant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  private JsonNode create(String title, String mechanism, String extra) {
    Reply r = post("/api/v1/interventions", """
        {"title": "%s", "mechanisms": ["%s"]%s}""".formatted(title, mechanism, extra));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  private Reply delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN_KEY).DELETE());
  }

  private long messages(String key) {
    return jdbc.sql("SELECT count(*) FROM outreach_message WHERE idempotency_key = :k").param("k", key).query(Long.class).single();
  }

  @Test
  void an_intervention_is_created_read_edited_moved_and_its_trail_says_who_did_what() {
    JsonNode i = create(unique("Refund within a week"), "billing-errors", ", \"outcome\": \"refunds in 7 days\"");
    String id = i.get("id").asString();
    assertThat(i.get("status").asString()).isEqualTo("proposed");
    assertThat(i.get("version").asInt()).isZero();
    assertThat(i.get("team").asString()).isEqualTo(interventions.route("billing-errors").team());
    assertThat(i.get("next").toString()).contains("committed", "dropped");
    assertThat(messages("actions.created:" + id)).as("the owning team heard of it").isEqualTo(1);

    // committing without a due date: 422 naming dueOn
    Reply noDate = post("/api/v1/interventions/" + id + "/status", "{\"status\": \"committed\", \"version\": 0}");
    assertThat(noDate.status()).isEqualTo(422);
    assertThat(noDate.contentType()).startsWith("application/problem+json");
    assertThat(noDate.json().get("field").asString()).isEqualTo("dueOn");

    Reply edited = put("/api/v1/interventions/" + id, "{\"version\": 0, \"dueOn\": \"" + today().plusDays(20) + "\", \"team\": \"finance\"}");
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().get("version").asInt()).isEqualTo(1);
    assertThat(edited.json().get("team").asString()).isEqualTo("finance");
    assertThat(edited.json().get("outcome").asString()).as("untouched fields stay").isEqualTo("refunds in 7 days");

    // a stale version: 409 naming version
    Reply stale = post("/api/v1/interventions/" + id + "/status", "{\"status\": \"committed\", \"version\": 0}");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().get("field").asString()).isEqualTo("version");

    // an impossible move: 409 naming status
    Reply jump = post("/api/v1/interventions/" + id + "/status", "{\"status\": \"verified\", \"version\": 1}");
    assertThat(jump.status()).isEqualTo(409);
    assertThat(jump.json().get("field").asString()).isEqualTo("status");
    assertThat(jump.json().get("reason").asString()).contains("proposed to verified");

    Reply committed = post("/api/v1/interventions/" + id + "/status", "{\"status\": \"committed\", \"version\": 1, \"note\": \"agreed in QBR\"}");
    assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
    assertThat(messages("actions.committed:" + id)).isEqualTo(1);

    Reply cleared = put("/api/v1/interventions/" + id, "{\"version\": 2, \"outcome\": \"\"}");
    assertThat(cleared.status()).isEqualTo(422);
    assertThat(cleared.json().get("field").asString()).isEqualTo("outcome");

    JsonNode read = get("/api/v1/interventions/" + id).json();
    assertThat(read.get("intervention").get("status").asString()).isEqualTo("committed");
    JsonNode trail = read.get("trail");
    assertThat(trail.size()).isEqualTo(2);
    assertThat(trail.get(1).get("from").asString()).isEqualTo("proposed");
    assertThat(trail.get(1).get("to").asString()).isEqualTo("committed");
    assertThat(trail.get(1).get("note").asString()).isEqualTo("agreed in QBR");
    assertThat(trail.get(1).get("by").asString()).isNotBlank();

    assertThat(get("/api/v1/interventions?status=committed&team=finance").json().get("items").toString()).contains(id);
    assertThat(get("/api/v1/interventions?status=proposed").json().get("items").toString()).doesNotContain(id);

    // only proposed or dropped interventions are deleted
    assertThat(delete("/api/v1/interventions/" + id + "?version=2").status()).isEqualTo(409);
    post("/api/v1/interventions/" + id + "/status", "{\"status\": \"dropped\", \"version\": 2}");
    assertThat(delete("/api/v1/interventions/" + id + "?version=3").status()).isEqualTo(204);
    assertThat(get("/api/v1/interventions/" + id).status()).isEqualTo(404);
    assertThat(jdbc.sql("SELECT count(*) FROM actions_intervention_facts WHERE intervention_id = ?::uuid").param(id)
        .query(Long.class).single()).isZero();
  }

  @Test
  void bad_input_is_a_problem_naming_the_field() {
    record Case(String body, String field) {}
    for (Case c : new Case[] {
        new Case("{\"mechanisms\": [\"billing-errors\"]}", "title"),
        new Case("{\"title\": \"x\", \"mechanisms\": []}", "mechanisms"),
        new Case("{\"title\": \"x\", \"mechanisms\": [\"no-such-mechanism\"]}", "mechanisms"),
        new Case("{\"title\": \"x\", \"mechanisms\": [\"billing-errors\"], \"dueOn\": \"next week\"}", "dueOn"),
        new Case("{\"title\": \"x\", \"mechanisms\": [\"billing-errors\"], \"resurveyDays\": 0}", "resurveyDays"),
        new Case("{\"title\": 7, \"mechanisms\": [\"billing-errors\"]}", "title")}) {
      Reply r = post("/api/v1/interventions", c.body());
      assertThat(r.status()).as(c.body() + " → " + r).isEqualTo(422);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("field").asString()).as(c.body()).isEqualTo(c.field());
    }
    assertThat(get("/api/v1/interventions/not-a-uuid").json().get("field").asString()).isEqualTo("id");
    assertThat(get("/api/v1/interventions?status=shipping").status()).isEqualTo(422);
    String id = create(unique("x"), "billing-errors", "").get("id").asString();
    Reply unknown = post("/api/v1/interventions/" + id + "/status", "{\"status\": \"done\", \"version\": 0}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("field").asString()).isEqualTo("status");
    Reply noVersion = post("/api/v1/interventions/" + id + "/status", "{\"status\": \"dropped\"}");
    assertThat(noVersion.json().get("field").asString()).isEqualTo("version");
  }

  @Test
  void readers_read_and_only_managers_change_interventions_and_routing() {
    create(unique("Readable"), "slow-support", "");
    Reply key = post("/api/v1/api-keys", "{\"name\": \"%s\", \"role\": \"agent\"}".formatted(unique("agent")));
    String agent = key.json().get("token").asString();
    Reply list = send(HttpRequest.newBuilder(URI.create(url("/api/v1/interventions"))).header("Authorization", "Bearer " + agent).GET());
    assertThat(list.status()).isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/v1/sprint"))).header("Authorization", "Bearer " + agent).GET()).status())
        .isEqualTo(200);
    Reply refused = postAs(agent, "/api/v1/interventions", "{\"title\": \"x\", \"mechanisms\": [\"slow-support\"]}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    Reply rule = send(HttpRequest.newBuilder(URI.create(url("/api/v1/action-routing/mechanism/slow-support")))
        .header("Authorization", "Bearer " + agent).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"team\": \"x\"}")));
    assertThat(rule.status()).isEqualTo(403);
    assertThat(anonymousStatus("/api/v1/interventions")).isEqualTo(401);
  }

  private int anonymousStatus(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET()).status();
  }

  @Test
  void a_routing_rule_sends_new_interventions_to_its_team_until_it_is_deleted() {
    String owner = interventions.route("unhelpful-support").codebookOwner();
    try {
      Reply bad = put("/api/v1/action-routing/mechanism/no-such", "{\"team\": \"x\"}");
      assertThat(bad.status()).isEqualTo(422);
      assertThat(bad.json().get("field").asString()).isEqualTo("key");
      assertThat(put("/api/v1/action-routing/mechanism/unhelpful-support", "{\"team\": \"\"}").json().get("field").asString())
          .isEqualTo("team");
      assertThat(put("/api/v1/action-routing/mechanism/unhelpful-support", "{\"team\": \"support-ops\"}").status()).isEqualTo(200);
      JsonNode all = get("/api/v1/action-routing").json();
      assertThat(all.get("rules").toString()).contains("support-ops");
      JsonNode route = null;
      for (JsonNode r : all.get("routes")) if (r.get("mechanism").asString().equals("unhelpful-support")) route = r;
      assertThat(route.get("team").asString()).isEqualTo("support-ops");
      assertThat(route.get("because").asString()).contains("routing rule");
      assertThat(create(unique("Support answers"), "unhelpful-support", "").get("team").asString()).isEqualTo("support-ops");
    } finally {
      delete("/api/v1/action-routing/mechanism/unhelpful-support");
    }
    assertThat(create(unique("Support answers"), "unhelpful-support", "").get("team").asString()).isEqualTo(owner);
  }

  @Test
  void a_late_intervention_alerts_its_team_once_and_the_weekly_review_lists_it_once_per_week() {
    String team = unique("team");
    JsonNode i = create(unique("Overdue fix"), "outages", ", \"team\": \"%s\", \"outcome\": \"o\", \"dueOn\": \"%s\""
        .formatted(team, today().minusDays(3)));
    String id = i.get("id").asString();
    assertThat(i.get("late").asBoolean()).isTrue();
    assertThat(get("/api/v1/interventions?late=true&team=" + team).json().get("items").size()).isEqualTo(1);
    String lateKey = "actions.late:" + id + ":" + today().minusDays(3);
    await("the late notice", () -> {
      scheduler.triggerCheckForDueExecutions();
      return messages(lateKey) > 0 ? Optional.of(true) : Optional.empty();
    });
    interventions.onLate(java.util.UUID.fromString(id), today().minusDays(3)); // a timer that fires twice
    assertThat(messages(lateKey)).isEqualTo(1);
    // the team has no follow-up team (no lead): the delivery log says why nobody got the email
    assertThat(jdbc.sql("SELECT reason FROM outreach_message WHERE idempotency_key = :k").param("k", lateKey)
        .query(String.class).single()).contains("no lead");

    assertThat(interventions.weeklyReview()).isGreaterThanOrEqualTo(1);
    interventions.weeklyReview();
    assertThat(jdbc.sql("SELECT count(*) FROM outreach_message WHERE idempotency_key LIKE :k")
        .param("k", "actions.weekly:" + team + ":%").query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT body_text FROM outreach_message WHERE idempotency_key LIKE :k")
        .param("k", "actions.weekly:" + team + ":%").query(String.class).single()).contains("Overdue fix");
  }
}
