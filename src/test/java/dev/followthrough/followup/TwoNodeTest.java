package dev.followthrough.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.followthrough.Followthrough;
import dev.followthrough.support.TestClock;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.FollowUpRequested;
import dev.followthrough.triggers.OwnerPolicy;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one PostgreSQL: the test's own context and a second one started here
 * against the same database (as a second server behind a load balancer would be).
 */
class TwoNodeTest extends CaseFixtures {

  @Autowired FollowUps followUps;
  @Autowired Scheduler scheduler;

  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(ConfigurableApplicationContext::close);
    TestClock.INSTANCE.reset();
  }

  private ConfigurableApplicationContext startNode() throws Exception {
    var node = new SpringApplicationBuilder(Followthrough.class, TestClock.Config.class)
        // as arguments, not default properties: application.properties' server.port=${SERVER_PORT:8080} wins over a
        // default property, and the node would fail whenever port 8080 is taken
        .run(
            "--server.port=0",
            "--followthrough.data-dir=" + Files.createTempDirectory(DATA_DIR_BASE(), "node-"),
            "--followthrough.database.url=jdbc:postgresql://127.0.0.1:" + DB_PORT + "/postgres",
            "--followthrough.database.pool-size=8",
            // every node sends the outbox's messages it claims: to the same SMTP server as the test's node
            "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
            "--spring.mail.properties.mail.smtp.connectiontimeout=5000", "--spring.mail.properties.mail.smtp.timeout=5000",
            "--spring.main.banner-mode=off");
    nodes.add(node);
    return node;
  }

  private static java.nio.file.Path DATA_DIR_BASE() throws Exception {
    return Files.createDirectories(java.nio.file.Path.of(System.getProperty("ft.testDataDir", "target/test-data"))
        .toAbsolutePath());
  }

  private long entries(UUID caseId, String type) {
    return jdbc.sql("SELECT count(*) FROM followup_case_event WHERE case_id = ? AND type = ?").param(caseId).param(type)
        .query(Long.class).single();
  }

  @Test
  void the_same_request_on_two_nodes_at_once_opens_exactly_one_case_and_timers_fire_once_across_nodes() throws Exception {
    var other = startNode();
    FollowUps otherFollowUps = other.getBean(FollowUps.class);
    Scheduler otherScheduler = other.getBean(Scheduler.class);

    List<UUID> opened = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Stored s = aResponse(2, null, "smb");
      FollowUpRequested r = aRequest(s, Channel.EMAIL, Duration.ofHours(4), OwnerPolicy.UNASSIGNED, null, null, 40);
      var here = CompletableFuture.supplyAsync(() -> followUps.open(r));
      var there = CompletableFuture.supplyAsync(() -> otherFollowUps.open(r));
      List<UUID> ids = new ArrayList<>();
      here.get().ifPresent(ids::add);
      there.get().ifPresent(ids::add);
      assertThat(ids).hasSize(1);
      assertThat(jdbc.sql("SELECT count(*) FROM followup_case WHERE response_id = ?").param(s.responseId())
          .query(Long.class).single()).isEqualTo(1);
      opened.add(ids.get(0));
    }

    TestClock.INSTANCE.advance(Duration.ofHours(5));
    for (UUID id : opened) {
      await("escalation of " + id, () -> {
        scheduler.triggerCheckForDueExecutions();
        otherScheduler.triggerCheckForDueExecutions();
        return entries(id, "escalated") > 0 ? Optional.of(true) : Optional.empty();
      });
    }
    for (UUID id : opened) {
      assertThat(entries(id, "escalated")).as("escalations of " + id).isEqualTo(1);
      assertThat(entries(id, "reminder")).as("reminders of " + id).isEqualTo(1);
    }
  }

  /**
   * The whole pipeline on two nodes: every response is posted twice to each node at once (a retried webhook, a
   * client that did not see its answer). Each node's stage workers and outbox sender claim from the same queues.
   */
  @Test
  void the_same_responses_posted_twice_to_each_of_two_nodes_make_one_decision_case_timer_set_and_message_each()
      throws Exception {
    var other = startNode();
    String otherUrl = "http://127.0.0.1:" + other.getEnvironment().getProperty("local.server.port");
    String run = unique("two-nodes");
    List<UUID> responses = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String id = run + "-" + i;
      String owner = id + "@owners.example";
      String body = """
          {"source": "two-node-test", "sourceId": "%s", "score": 2,
           "contact": {"externalId": "%s", "email": "%s@customer.example"},
           "account": {"externalId": "%s", "tier": "smb", "owner": "%s"}}""".formatted(id, id, id, id, owner);
      List<CompletableFuture<Reply>> posts = new ArrayList<>();
      for (int copy = 0; copy < 2; copy++) {
        posts.add(CompletableFuture.supplyAsync(() -> post("/api/v1/responses", body)));
        posts.add(CompletableFuture.supplyAsync(() -> send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(otherUrl + "/api/v1/responses")).header("Authorization", "Bearer " + ADMIN_KEY)
            .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)))));
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (var p : posts) {
        Reply r = p.get();
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
        ids.add(r.json().get("id").asString());
      }
      assertThat(ids).as("one response for four deliveries").hasSize(1);
      responses.add(UUID.fromString(ids.iterator().next()));
      owners.add(owner);
    }
    UUID[] ids = responses.toArray(UUID[]::new);
    // 90 s, not 20: an SMTP try that fails while two nodes share 2 cores with the rest of the suite is retried after
    // backoff-base (1 min) — the guarantee is that every alert is sent once, not that the first try succeeds
    await("a sent owner alert for every response", java.time.Duration.ofSeconds(90), () -> jdbc.sql("""
        SELECT count(*) FROM followup_case c WHERE c.response_id = ANY(?) AND EXISTS (
          SELECT 1 FROM outreach_message m WHERE m.case_id = c.id AND m.kind = 'owner_alert' AND m.status = 'sent')""")
        .param(ids).query(Long.class).single() == ids.length ? Optional.of(true) : Optional.empty());
    assertThat(jdbc.sql("SELECT count(*) FROM triggers_decision WHERE response_id = ANY(?)").param(ids)
        .query(Long.class).single()).isEqualTo(ids.length);
    assertThat(jdbc.sql("SELECT count(*) FROM followup_case WHERE response_id = ANY(?)").param(ids)
        .query(Long.class).single()).isEqualTo(ids.length);
    List<UUID> cases = jdbc.sql("SELECT id FROM followup_case WHERE response_id = ANY(?)").param(ids).query(UUID.class).list();
    for (UUID c : cases) {
      assertThat(jdbc.sql("SELECT count(*) FROM platform_scheduled_tasks WHERE task_instance LIKE ?").param(c + ":1:%")
          .query(Long.class).single()).as("SLA timers of " + c)
          .isEqualTo(dev.followthrough.followup.domain.SlaPlan.Milestone.values().length);
      assertThat(jdbc.sql("SELECT count(*) FROM outreach_message WHERE case_id = ? AND kind = 'owner_alert'").param(c)
          .query(Long.class).single()).as("owner alerts of " + c).isEqualTo(1);
    }
    for (String owner : owners) {
      assertThat(dev.followthrough.outreach.OutreachFixtures.mailTo(owner)).as("emails to " + owner).hasSize(1);
    }
  }

  @Test
  void a_restart_with_a_pending_timer_loses_nothing_and_the_escalation_fires_once() throws Exception {
    var first = startNode();
    Stored s = aResponse(1, null, "smb");
    UUID id = first.getBean(FollowUps.class)
        .open(aRequest(s, Channel.CALL, Duration.ofHours(24), OwnerPolicy.UNASSIGNED, null, null, 80)).orElseThrow();
    first.close(); // the node that scheduled the timer goes away before it is due
    nodes.remove(first);

    TestClock.INSTANCE.advance(Duration.ofHours(25));
    var second = startNode();
    Scheduler secondScheduler = second.getBean(Scheduler.class);
    await("the escalation after the restart", () -> {
      secondScheduler.triggerCheckForDueExecutions();
      return entries(id, "escalated") > 0 ? Optional.of(true) : Optional.empty();
    });
    scheduler.triggerCheckForDueExecutions();
    secondScheduler.triggerCheckForDueExecutions();
    assertThat(entries(id, "escalated")).isEqualTo(1);
    // db-scheduler removes the execution after the handler's transaction commits: the entry can be seen a moment before
    await("the escalation timer to be removed", () -> jdbc.sql("SELECT count(*) FROM platform_scheduled_tasks WHERE task_instance = ?")
        .param(id + ":1:ESCALATE_1").query(Long.class).single() == 0 ? Optional.of(true) : Optional.empty());
    assertThat(entries(id, "escalated")).isEqualTo(1);
  }
}
