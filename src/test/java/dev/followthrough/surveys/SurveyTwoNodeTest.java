package dev.followthrough.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.Followthrough;
import dev.followthrough.support.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two application nodes on one PostgreSQL plan and send one wave: every contact gets exactly one survey. */
class SurveyTwoNodeTest extends SurveyFixtures {

  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(ConfigurableApplicationContext::close);
  }

  private ConfigurableApplicationContext startNode() throws Exception {
    Path base = Files.createDirectories(Path.of(System.getProperty("ft.testDataDir", "target/test-data")).toAbsolutePath());
    // as arguments: application.properties' server.port=${SERVER_PORT:8080} wins over a default property
    var node = new SpringApplicationBuilder(Followthrough.class, TestClock.Config.class)
        .run(
            "--server.port=0",
            "--followthrough.data-dir=" + Files.createTempDirectory(base, "node-"),
            "--followthrough.database.url=jdbc:postgresql://127.0.0.1:" + DB_PORT + "/postgres",
            "--followthrough.database.pool-size=8",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + SMTP_PORT,
            "--followthrough.surveys.send-batch=7",
            "--spring.main.banner-mode=off");
    nodes.add(node);
    return node;
  }

  @Test
  void two_nodes_planning_and_sending_the_same_wave_at_once_send_each_contact_one_survey_and_a_restart_sends_nothing_again()
      throws Exception {
    String tag = unique("tag");
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String a = email("two" + i);
      addresses.add(a);
      contact(tag, a, null, i % 2 == 0 ? "Europe/Berlin" : "America/Chicago");
    }
    UUID id = relational(tag, "");
    var other = startNode();
    SurveyWaves there = other.getBean(SurveyWaves.class);

    for (int round = 0; round < 3; round++) {
      var a = CompletableFuture.supplyAsync(() -> waves.planWaves(now()));
      var b = CompletableFuture.supplyAsync(() -> there.planWaves(now()));
      a.get();
      b.get();
    }
    assertThat(sends(id)).hasSize(40);
    assertThat(jdbc.sql("SELECT sends FROM surveys_wave WHERE program_id = ?").param(id).query(Integer.class).single())
        .isEqualTo(40);

    jdbc.sql("UPDATE surveys_send SET send_at = now() - interval '1 second' WHERE program_id = ?").param(id).update();
    var a = CompletableFuture.supplyAsync(() -> waves.sendDue(now()));
    var b = CompletableFuture.supplyAsync(() -> there.sendDue(now()));
    a.get();
    b.get();
    // (the recurring surveys-tick may have taken a share too: the database says what was sent)
    assertThat(sends(id)).hasSize(40).allMatch(s -> s.status().equals("sent"));

    // the other node restarts and runs again: nothing is planned or sent twice
    other.close();
    nodes.clear();
    SurveyWaves restarted = startNode().getBean(SurveyWaves.class);
    assertThat(restarted.planWaves(now())).isZero();
    assertThat(restarted.sendDue(now())[0]).isZero();

    for (String address : addresses) awaitMail(address);
    assertThat(jdbc.sql("""
        SELECT count(*) FROM outreach_message WHERE kind = 'survey' AND idempotency_key IN
          (SELECT 'survey:' || id FROM surveys_send WHERE program_id = ?)""").param(id).query(Long.class).single())
        .isEqualTo(40);
    await("all outbox deliveries settled", () -> jdbc.sql("""
        SELECT count(*) FROM outreach_message WHERE status = 'sent' AND idempotency_key IN
          (SELECT 'survey:' || id FROM surveys_send WHERE program_id = ?)""").param(id).query(Long.class).single() == 40
        ? java.util.Optional.of(true) : java.util.Optional.empty());
    for (String address : addresses) assertThat(mailTo(address)).as(address).hasSize(1);
  }
}
