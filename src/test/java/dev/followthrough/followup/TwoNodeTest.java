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
