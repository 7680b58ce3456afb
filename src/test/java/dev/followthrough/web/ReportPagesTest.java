package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.platform.Role;
import dev.followthrough.reporting.ReportWorld;
import dev.followthrough.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reports console: readers read, managers generate, customer text stays text, the page reads without script. */
class ReportPagesTest extends IntegrationTest {

  static String reportId;

  String report() {
    if (reportId == null) {
      ReportWorld.ingest(this::post, jdbc, LocalDate.of(2021, 6, 1), unique("pg"));
      Reply r = post("/api/v1/reports", "{\"kind\": \"custom\", \"from\": \"2021-06-01\", \"to\": \"2021-06-30\"}");
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      reportId = r.json().get("id").asString();
    }
    return reportId;
  }

  @Test
  void a_reader_sees_the_report_with_tables_charts_and_escaped_quotes_but_may_not_generate() {
    String id = report();
    var viewer = CasePagesTest.newUser(port, Role.VIEWER);
    var list = viewer.get("/reports");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("href=\"/reports/" + id + "\"").contains("href=\"/reports\"")
        .doesNotContain("action=\"/reports\""); // no generate form for a reader

    var page = viewer.get("/reports/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("2021-06-01 to 2021-06-30")
        .contains("data-testid=\"fix-first\"", "data-testid=\"report-trend\"", "data-testid=\"report-themes\"",
            "data-testid=\"report-matrix\"", "data-testid=\"report-damage\"", "data-testid=\"report-quotes\"",
            "data-testid=\"report-renewal\"", "data-testid=\"report-fixes\"")
        .contains("data-report-chart=\"trend\"", "data-report-chart=\"matrix\"", "/assets/report.js")
        .contains("href=\"/insights/impact?from=2021-06-01&amp;to=2021-06-30&amp;mechanism=slow-performance\"")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain(ReportWorld.SCRIPT);
    assertThat(viewer.get("/reports/" + id + ".md").contentType()).startsWith("text/markdown");

    var refused = viewer.post("/reports", Map.of("_csrf", list.csrf(), "kind", "week"));
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void a_manager_generates_a_report_now_and_a_bad_period_is_shown_on_the_form() {
    report();
    var manager = CasePagesTest.newUser(port, Role.MANAGER);
    var list = manager.get("/reports");
    assertThat(list.body()).contains("action=\"/reports\"");
    var made = manager.post("/reports", Map.of("_csrf", list.csrf(), "kind", "month", "from", "2021-06-10"));
    assertThat(made.status()).as(made.toString()).isEqualTo(302);
    assertThat(made.location()).contains("/reports/");
    assertThat(manager.get(made.location().replaceFirst("^https?://[^/]+", "")).body()).contains("June 2021");

    var bad = manager.post("/reports", Map.of("_csrf", list.csrf(), "kind", "custom", "from", "2021-06-10"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("data-testid=\"generate-error\"").contains("to is required");
  }
}
