package dev.followthrough.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.Followthrough;
import dev.followthrough.platform.ApiKeys;
import dev.followthrough.platform.Role;
import dev.followthrough.reporting.domain.ReportPeriod;
import dev.followthrough.support.IntegrationTest;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.sun.net.httpserver.HttpServer;
import dev.followthrough.outreach.SlackChannels;
import dev.followthrough.support.TestClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The periodic report over a small known world ingested through the API and coded by insights. */
class PeriodicReportApiTest extends IntegrationTest {

  @Autowired PeriodicReportDelivery delivery;
  @Autowired PeriodicReports reports;
  @Autowired ApiKeys apiKeys;
  @Autowired SlackChannels slackChannels;
  @Autowired Scheduler scheduler;

  static ReportWorld world;

  ReportWorld world() {
    if (world == null) world = ReportWorld.ingest(this::post, jdbc, LocalDate.of(2021, 3, 1), unique("rep"));
    return world;
  }

  JsonNode generate() {
    world();
    Reply r = post("/api/v1/reports", "{\"kind\": \"month\", \"from\": \"2021-03-15\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  @Test
  void a_monthly_report_answers_every_question_from_the_coded_evidence() {
    JsonNode body = generate();
    JsonNode r = body.get("report");
    assertThat(r.get("title").asString()).isEqualTo("NPS follow-up report · March 2021");
    JsonNode nps = r.get("nps");
    assertThat(nps.get("current").get("n").asInt()).isEqualTo(6);
    assertThat(nps.get("current").get("nps").asDouble()).isCloseTo(-16.67, org.assertj.core.data.Offset.offset(0.01));
    assertThat(nps.get("current").get("low").asDouble()).isLessThan(-16.67);
    assertThat(nps.get("previous").get("n").asInt()).isEqualTo(3);
    assertThat(nps.get("change").get("verdict").asString()).isNotBlank();
    assertThat(nps.get("trend")).isNotEmpty();
    assertThat(r.get("coverage").get("codedTexts").asInt()).isEqualTo(6);
    assertThat(r.get("themes")).isNotEmpty();
    assertThat(r.get("severity")).isNotEmpty();

    List<String> damage = new ArrayList<>();
    r.get("damage").forEach(m -> damage.add(m.get("mechanism").asString()));
    assertThat(damage).contains("slow-performance");
    // interventions are global (other tests may have made one for this mechanism): the reason says which applies
    JsonNode slow = entry(r.get("fixFirst"), "slow-performance");
    assertThat(slow.get("reason").asString()).startsWith("2 detractor mentions from 1 account ($200k ARR, $200k renewing within 90 days)");
    boolean noFix = entry(r.get("fixes"), "slow-performance").get("intervention").isNull();
    assertThat(slow.get("reason").asString()).contains(noFix ? "no intervention yet" : "\"");
    assertThat(slow.get("link").asString()).isEqualTo("/insights/impact?from=2021-03-01&to=2021-03-31&mechanism=slow-performance");

    JsonNode renewal = r.get("renewal");
    assertThat(renewal.get("arrAtRisk").asDouble()).isEqualTo(280_000);
    List<String> risky = new ArrayList<>();
    renewal.get("accounts").forEach(a -> risky.add(a.get("externalId").asString()));
    assertThat(risky).containsExactly(world.tag() + "-acme", world.tag() + "-gamma");
    assertThat(renewal.get("accounts").get(0).get("daysToRenewal").asInt()).isEqualTo(50);

    List<String> quotes = new ArrayList<>();
    r.get("quotes").forEach(q -> {
      quotes.add(q.get("text").asString());
      assertThat(q.get("link").asString()).startsWith("/responses/");
    });
    assertThat(quotes).anySatisfy(q -> assertThat(q).contains(ReportWorld.SCRIPT));
    assertThat(body.get("links").get("markdown").asString()).endsWith(".md");
  }

  static JsonNode entry(JsonNode list, String mechanism) {
    for (JsonNode e : list) if (e.get("mechanism").asString().equals(mechanism)) return e;
    throw new AssertionError(mechanism + " not in " + list);
  }

  static int stage(JsonNode intervention) {
    if (intervention == null || intervention.isNull()) return 0;
    return switch (intervention.get("status").asString()) {
      case "shipped", "verified" -> 2;
      case "committed", "in_progress" -> 1;
      default -> 0;
    };
  }

  @Test
  void an_intervention_under_way_shows_in_the_fixes_and_moves_its_mechanism_down_fix_first() {
    world();
    Reply created = post("/api/v1/interventions", """
        {"title": "%s", "mechanisms": ["billing-errors"], "outcome": "no double charges", "dueOn": "2031-01-01"}"""
        .formatted(unique("Invoice checks")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(post("/api/v1/interventions/" + id + "/status", "{\"status\": \"committed\", \"version\": 0}").status()).isEqualTo(200);

    JsonNode r = generate().get("report");
    JsonNode billing = entry(r.get("fixes"), "billing-errors");
    assertThat(stage(billing.get("intervention"))).as(billing.toString()).isGreaterThanOrEqualTo(1);
    List<Integer> stages = new ArrayList<>();
    r.get("fixFirst").forEach(p -> stages.add(stage(entry(r.get("fixes"), p.get("mechanism").asString()).get("intervention"))));
    assertThat(stages).isSorted();
    assertThat(entry(r.get("fixFirst"), "billing-errors").get("reason").asString()).containsAnyOf("fix committed", "fix in progress", "fix shipped",
        "fix verified");
  }

  @Test
  void the_markdown_has_the_sections_absolute_evidence_links_and_escaped_customer_text() {
    String id = generate().get("id").asString();
    Reply md = get("/api/v1/reports/" + id + ".md");
    assertThat(md.status()).isEqualTo(200);
    assertThat(md.contentType()).startsWith("text/markdown");
    assertThat(md.body()).startsWith("# NPS follow-up report · March 2021")
        .contains("## What to fix first", "## Themes across promoters, passives and detractors", "## Moments that damage trust",
            "## In their words", "## Renewal risk", "## Fixes that would likely change retention")
        .contains("[Slow performance](http")
        .contains("/insights/impact?from=2021-03-01&to=2021-03-31&mechanism=slow-performance)")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>");
    assertThat(get("/api/v1/reports/" + id + "?format=markdown").body()).isEqualTo(md.body());
    assertThat(get("/api/v1/reports").body()).contains(id);
  }

  @Test
  void generating_the_same_period_again_replaces_the_report_instead_of_adding_one() {
    String first = generate().get("id").asString();
    String second = generate().get("id").asString();
    assertThat(second).isEqualTo(first);
    assertThat(jdbc.sql("SELECT count(*) FROM reporting_report WHERE kind = 'month' AND period_start = DATE '2021-03-01'")
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void bad_requests_name_the_field_and_readers_may_not_generate() {
    Reply noKind = post("/api/v1/reports", "{}");
    assertThat(noKind.status()).isEqualTo(422);
    assertThat(noKind.contentType()).startsWith("application/problem+json");
    assertThat(noKind.json().get("field").asString()).isEqualTo("kind");
    assertThat(post("/api/v1/reports", "{\"kind\": \"fortnight\"}").json().get("field").asString()).isEqualTo("kind");
    assertThat(post("/api/v1/reports", "{\"kind\": \"custom\", \"from\": \"2021-03-01\"}").json().get("field").asString()).isEqualTo("to");
    assertThat(post("/api/v1/reports", "{\"kind\": \"custom\", \"from\": \"2021-03-01\", \"to\": \"march\"}").json().get("field").asString())
        .isEqualTo("to");
    assertThat(post("/api/v1/reports", "{\"kind\": \"month\", \"from\": \"2999-01-01\"}").json().get("field").asString()).isEqualTo("from");
    assertThat(get("/api/v1/reports/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(get("/api/v1/reports/" + UUID.randomUUID() + ".md").status()).isEqualTo(404);

    String viewerKey = apiKeys.create(unique("viewer"), Role.VIEWER, "test").token();
    Reply refused = postAs(viewerKey, "/api/v1/reports", "{\"kind\": \"week\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/reports")))
        .header("Authorization", "Bearer " + viewerKey).GET()).status()).isEqualTo(200);
  }

  /** Emails to the admin with this subject that GreenMail has received. */
  static long mailsTo(String email, String subject) {
    return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
      try {
        return subject.equals(m.getSubject()) && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(email));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).count();
  }

  @Test
  void the_scheduled_report_is_emailed_and_posted_to_slack_once_even_when_two_nodes_and_a_rerun_ask() throws Exception {
    ReportPeriod period = PeriodicReportDelivery.due(PeriodicReportSettings.Schedule.WEEKLY, reports.today()).orElseThrow();
    jdbc.sql("DELETE FROM reporting_report WHERE kind = 'week' AND period_start = ?").param(Date.valueOf(period.start())).update();
    List<String> slackPosts = new CopyOnWriteArrayList<>();
    HttpServer slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slack.createContext("/services/report", exchange -> {
      slackPosts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, 2);
      exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
      exchange.close();
    });
    slack.start();
    slackChannels.save("cx-leads", "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/report");
    ConfigurableApplicationContext other = startNode();
    try {
      PeriodicReportDelivery there = other.getBean(PeriodicReportDelivery.class);
      var here = CompletableFuture.supplyAsync(delivery::run);
      var away = CompletableFuture.supplyAsync(there::run);
      List<UUID> sent = new ArrayList<>();
      here.get().ifPresent(sent::add);
      away.get().ifPresent(sent::add);
      assertThat(sent).hasSize(1);
      assertThat(delivery.run()).isEmpty();
      assertThat(there.run()).isEmpty();

      UUID id = sent.getFirst();
      String title = reports.find(id).orElseThrow().content().title();
      await("the report email", () -> mailsTo(ADMIN_EMAIL, title) > 0 ? Optional.of(true) : Optional.empty());
      long outbox = jdbc.sql("SELECT count(*) FROM outreach_message WHERE idempotency_key LIKE ? AND channel = 'email'")
          .param("report:" + id + ":%").query(Long.class).single();
      assertThat(outbox).isEqualTo(delivery.recipients().size());
      assertThat(mailsTo(ADMIN_EMAIL, title)).isEqualTo(1);
      assertThat(jdbc.sql("SELECT delivered_at IS NOT NULL FROM reporting_report WHERE id = ?").param(id).query(Boolean.class).single())
          .isTrue();
      MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
        try {
          return title.equals(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
          return false;
        }
      }).findFirst().orElseThrow();
      assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("/reports/" + id);

      await("the Slack post", () -> {
        scheduler.triggerCheckForDueExecutions();
        return slackPosts.stream().anyMatch(p -> p.contains("/reports/" + id)) ? Optional.of(true) : Optional.empty();
      });
      assertThat(slackPosts.stream().filter(p -> p.contains("/reports/" + id)).count()).isEqualTo(1);
      assertThat(jdbc.sql("SELECT count(*) FROM outreach_message WHERE idempotency_key = ?").param("slack.report:" + id + ":cx-leads")
          .query(Long.class).single()).isEqualTo(1);
    } finally {
      other.close();
      slackChannels.save("cx-leads", "");
      slack.stop(0);
    }
  }

  private ConfigurableApplicationContext startNode() throws Exception {
    Path base = Files.createDirectories(Path.of(System.getProperty("ft.testDataDir", "target/test-data")).toAbsolutePath());
    // as arguments, not default properties: application.properties' server.port would win over a default
    return new SpringApplicationBuilder(Followthrough.class, TestClock.Config.class).run(
        "--server.port=0",
        "--followthrough.data-dir=" + Files.createTempDirectory(base, "node-"),
        "--followthrough.database.url=jdbc:postgresql://127.0.0.1:" + DB_PORT + "/postgres",
        "--followthrough.database.pool-size=8",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + SMTP_PORT,
        "--spring.main.banner-mode=off");
  }
}
