package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.nps.NpsCounts;
import dev.followthrough.nps.NpsSummary;
import dev.followthrough.platform.Role;
import dev.followthrough.reporting.NpsReports;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The precompiled templates rendered without Spring: what a page shows for a given view. */
class TemplatesTest {

  static final TemplateEngine JTE = TemplateEngine.createPrecompiled(ContentType.Html);

  static Shell shell(boolean demo) {
    return new Shell("Dana Admin", "dana@example.test", Role.ADMIN, demo, "_csrf", "token-123",
        Navigation.sections(Role.ADMIN, "/"));
  }

  static String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    JTE.render(template, params, out);
    return out.toString();
  }

  static DashboardView dashboard(boolean databaseEmpty) {
    NpsSummary none = NpsSummary.of(new NpsCounts(0, 0, 0));
    return new DashboardView(ConsoleFilter.none(), new DashboardView.Pickers(List.of(), List.of(), List.of()),
        List.of(), databaseEmpty, none, List.of(), "/console/nps.json?groupBy=month", List.of(), List.of(), List.of(),
        new NpsReports.AccountReport(0, BigDecimal.ZERO, 0, BigDecimal.ZERO, List.of()), List.of(), List.of(),
        ZoneId.of("UTC"), "https://nps.example.com");
  }

  @Test
  void every_page_carries_the_demo_banner_while_demo_data_is_present() {
    assertThat(render("login.jte", Map.of("shell", shell(true)))).contains("data-testid=\"demo-banner\"");
    assertThat(render("dashboard/page.jte", Map.of("shell", shell(true), "view", dashboard(true))))
        .contains("data-testid=\"demo-banner\"");
    assertThat(render("login.jte", Map.of("shell", shell(false)))).doesNotContain("demo-banner");
  }

  @Test
  void admins_are_told_on_every_page_that_email_is_caught_while_no_smtp_server_is_configured() {
    Shell catching = new Shell("Dana Admin", "dana@example.test", Role.ADMIN, false, "_csrf", "t",
        Navigation.sections(Role.ADMIN, "/"), true, null);
    assertThat(render("dashboard/page.jte", Map.of("shell", catching, "view", dashboard(true))))
        .contains("data-testid=\"mail-banner\"").contains("href=\"/outreach/preview\"");
    Shell agent = new Shell("Al", "al@example.test", Role.AGENT, false, "_csrf", "t",
        Navigation.sections(Role.AGENT, "/"), true, null);
    assertThat(render("dashboard/page.jte", Map.of("shell", agent, "view", dashboard(true)))).doesNotContain("mail-banner");
    assertThat(render("dashboard/page.jte", Map.of("shell", shell(false), "view", dashboard(true)))).doesNotContain("mail-banner");
  }

  @Test
  void while_the_demo_loads_the_banner_shows_its_progress_and_polls_for_more() {
    var loading = new dev.followthrough.responses.DemoStatus.Progress(dev.followthrough.responses.DemoStatus.State.LOADING,
        3_000, 7_200, null, null);
    Shell shell = new Shell("Dana Admin", "dana@example.test", Role.ADMIN, true, "_csrf", "t",
        Navigation.sections(Role.ADMIN, "/"), false, loading);
    assertThat(render("dashboard/page.jte", Map.of("shell", shell, "view", dashboard(true))))
        .contains("data-testid=\"demo-progress\"").contains("hx-get=\"/demo/progress\"")
        .contains("value=\"42\"").contains("3,000 of 7,200 responses");
    var done = new dev.followthrough.responses.DemoStatus.Progress(dev.followthrough.responses.DemoStatus.State.DONE,
        7_200, 7_200, java.time.Duration.ofSeconds(41), null);
    Shell after = new Shell("Dana Admin", "dana@example.test", Role.ADMIN, true, "_csrf", "t",
        Navigation.sections(Role.ADMIN, "/"), false, done);
    assertThat(render("parts/demo-progress.jte", Map.of("shell", after, "polled", true)))
        .contains("Demo loaded: 7,200 responses in 41 s").doesNotContain("hx-get");
    assertThat(render("dashboard/page.jte", Map.of("shell", after, "view", dashboard(true)))).doesNotContain("demo-progress");
  }

  @Test
  void an_empty_database_explains_how_to_send_the_first_response_or_load_demo_data() {
    String page = render("dashboard/page.jte", Map.of("shell", shell(false), "view", dashboard(true)));
    assertThat(page).contains("No responses yet").contains("curl -X POST https://nps.example.com/api/v1/responses")
        .contains("--demo").doesNotContain("<canvas");
  }

  @Test
  void admins_see_settings_in_the_menu_and_viewers_do_not() {
    assertThat(render("dashboard/page.jte", Map.of("shell", shell(false), "view", dashboard(true))))
        .contains("href=\"/settings/users\"");
    Shell viewer = new Shell("Vic", "vic@example.test", Role.VIEWER, false, "_csrf", "t",
        Navigation.sections(Role.VIEWER, "/"));
    assertThat(render("dashboard/page.jte", Map.of("shell", viewer, "view", dashboard(true))))
        .doesNotContain("/settings/").contains("aria-current=\"page\">Dashboard");
  }

  @Test
  void the_sign_out_form_posts_with_the_csrf_token() {
    assertThat(render("dashboard/page.jte", Map.of("shell", shell(false), "view", dashboard(true))))
        .containsPattern("<form method=\"post\" action=\"/logout\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\" value=\"token-123\">");
  }
}
