package dev.followthrough.reporting;

import dev.followthrough.support.IntegrationTest.Reply;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small known month ingested through the REST API and coded by insights: Acme (200k ARR, renews 50 days
 * after the month) has two detractors complaining about slow performance — one comment carries a script tag;
 * Beta (50k, no renewal) two promoters praising support; Gamma (80k, renews 40 days after) a billing
 * detractor and a passive. The month before has three comment-less scores (9, 10, 8).
 */
public record ReportWorld(LocalDate month, String tag, List<UUID> commented) {

  static final JsonMapper JSON = JsonMapper.builder().build();
  public static final String SCRIPT = "<script>alert(1)</script>";

  public static ReportWorld ingest(BiFunction<String, String, Reply> post, JdbcClient jdbc, LocalDate month, String tag) {
    LocalDate next = month.plusMonths(1);
    String acme = tag + "-acme", beta = tag + "-beta", gamma = tag + "-gamma";
    List<UUID> ids = new ArrayList<>();
    ids.add(respond(post, month.plusDays(2), 2, "Exports keep timing out on our big projects and we lose hours every week.",
        acme, "Acme " + tag, 200_000, next.plusDays(50), "enterprise"));
    ids.add(respond(post, month.plusDays(3), 3, "The app is painfully slow " + SCRIPT + " and every report takes minutes to load.",
        acme, "Acme " + tag, 200_000, next.plusDays(50), "enterprise"));
    ids.add(respond(post, month.plusDays(4), 10, "Support answered within minutes and fixed our problem, a fantastic team.",
        beta, "Beta " + tag, 50_000, null, "smb"));
    ids.add(respond(post, month.plusDays(5), 9, "Your support people are great, always quick and helpful.",
        beta, "Beta " + tag, 50_000, null, "smb"));
    ids.add(respond(post, month.plusDays(6), 1, "We were charged twice on the invoice and nobody fixed the billing error.",
        gamma, "Gamma " + tag, 80_000, next.plusDays(40), "enterprise"));
    ids.add(respond(post, month.plusDays(7), 7, "It's fine, it does the job.", gamma, "Gamma " + tag, 80_000, next.plusDays(40),
        "enterprise"));
    LocalDate before = month.minusMonths(1);
    for (int s : new int[] {9, 10, 8}) respond(post, before.plusDays(s), s, null, beta, "Beta " + tag, 50_000, null, "smb");
    await(jdbc, ids);
    return new ReportWorld(month, tag, ids);
  }

  /** Insights codes comments asynchronously: wait until every one is a coded text. */
  static void await(JdbcClient jdbc, List<UUID> ids) {
    long until = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < until) {
      long coded = jdbc.sql("SELECT count(*) FROM insights_text WHERE source_id = ANY(?)").param(ids.toArray(UUID[]::new))
          .query(Long.class).single();
      if (coded == ids.size()) return;
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("comments not coded within 60 s");
  }

  static UUID respond(BiFunction<String, String, Reply> post, LocalDate day, int score, String comment, String account,
                      String name, double arr, LocalDate renewal, String tier) {
    Reply r = post.apply("/api/v1/responses", """
        {"source": "report-test", "sourceId": "%s", "score": %d, "comment": %s, "respondedAt": "%s",
         "contact": {"externalId": "%s"},
         "account": {"externalId": "%s", "name": "%s", "tier": "%s", "arr": %s%s}}"""
        .formatted(UUID.randomUUID(), score, comment == null ? "null" : JSON.writeValueAsString(comment),
            day.atTime(12, 0).toInstant(ZoneOffset.UTC), UUID.randomUUID(), account, name, tier, arr,
            renewal == null ? "" : ", \"renewalDate\": \"" + renewal + "\""));
    if (r.status() != 201) throw new AssertionError(r.toString());
    return UUID.fromString(r.json().get("id").asString());
  }
}
