package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.platform.Role;
import dev.followthrough.surveys.SurveyFixtures;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The survey console pages over HTTP: readers see, managers edit, customer-provided text is escaped. */
class SurveyPagesTest extends SurveyFixtures {

  @Test
  void a_reader_sees_programs_figures_schedule_and_contact_history_but_cannot_edit() {
    String tag = unique("tag");
    UUID c = contact(tag, email("reader"), null, null);
    UUID id = relational(tag, "");
    waves.planWaves(now());

    var viewer = CasePagesTest.newUser(port, Role.VIEWER);
    var list = viewer.get("/surveys");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains(id.toString()).contains("Response rate").doesNotContain("data-testid=\"widget\"")
        .doesNotContain("data-testid=\"new-program\"");
    var detail = viewer.get("/surveys/" + id);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body()).contains("data-testid=\"projection\"").contains("1 contacts in the audience")
        .contains("data-testid=\"per-week\"").doesNotContain("data-testid=\"program-form\"");
    var contact = viewer.get("/surveys/contacts/" + c);
    assertThat(contact.status()).isEqualTo(200);
    assertThat(contact.body()).contains("Next survey:").contains("planned");
    assertThat(viewer.post("/surveys/" + id, Map.of("_csrf", list.csrf(), "name", "x")).status()).isEqualTo(403);
    assertThat(viewer.get("/surveys/new").status()).isEqualTo(403);
  }

  @Test
  void a_manager_creates_and_edits_a_program_in_the_console_with_names_escaped_and_wrong_fields_named() {
    var manager = CasePagesTest.newUser(port, Role.MANAGER);
    var form = manager.get("/surveys/new");
    assertThat(form.status()).isEqualTo(200);
    String name = "<script>alert(1)</script> " + unique("NPS");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", form.csrf());
    fields.put("name", name);
    fields.put("kind", "relational");
    fields.put("channel", "email");
    fields.put("active", "1");
    fields.put("cadenceMonths", "5");
    fields.put("cohorts", "1");
    fields.put("startsOn", "2027-01-01");
    fields.put("attribute", "tag");
    fields.put("value", unique("none"));
    fields.put("template", "survey");
    var wrong = manager.post("/surveys", fields);
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body()).contains("cadenceMonths: must be 3, 6 or 12").contains("&lt;script")
        .doesNotContain("<script>alert");

    fields.put("cadenceMonths", "6");
    fields.put("reminder1Days", "4");
    fields.put("reminder1Template", "survey.reminder");
    var created = manager.post("/surveys", fields);
    assertThat(created.status()).as(created.toString()).isEqualTo(302);
    var page = manager.get(created.location().replaceFirst("^https?://[^/]+", ""));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert")
        .contains("every 6 months");
    var list = manager.get("/surveys");
    assertThat(list.body()).contains("data-testid=\"widget-secret\"").doesNotContain("<script>alert");
    assertThat(manager.post("/surveys/widget/rotate", Map.of("_csrf", list.csrf())).status()).isEqualTo(302);
  }
}
