package dev.followthrough.responses.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.responses.domain.Kind;
import dev.followthrough.responses.domain.ResponseCommand;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvMappingTest {

  static final CsvMapping.Options OPTIONS = CsvMapping.Options.defaults("csv");

  static CsvMapping mapping(List<String> header, Map<String, String> explicit, CsvMapping.Options options) {
    var resolution = CsvMapping.resolve(header, explicit, options);
    assertThat(resolution).isInstanceOf(CsvMapping.Resolution.Ok.class);
    return ((CsvMapping.Resolution.Ok) resolution).mapping();
  }

  static CsvMapping mapping(String... header) {
    return mapping(List.of(header), null, OPTIONS);
  }

  static CsvMapping.Resolution.Invalid invalid(List<String> header, Map<String, String> explicit) {
    var resolution = CsvMapping.resolve(header, explicit, OPTIONS);
    assertThat(resolution).isInstanceOf(CsvMapping.Resolution.Invalid.class);
    return (CsvMapping.Resolution.Invalid) resolution;
  }

  static ResponseCommand command(CsvMapping mapping, String... row) {
    var parsed = mapping.read(List.of(row), "row:derived");
    assertThat(parsed).as(parsed.toString()).isInstanceOf(ResponseRequestParser.Parsed.Ok.class);
    return ((ResponseRequestParser.Parsed.Ok) parsed).command();
  }

  static String rejection(CsvMapping mapping, String... row) {
    var parsed = mapping.read(List.of(row), "row:derived");
    assertThat(parsed).isInstanceOf(ResponseRequestParser.Parsed.Invalid.class);
    var x = ((ResponseRequestParser.Parsed.Invalid) parsed).rejected();
    return x.field() + ": " + x.reason();
  }

  @Test
  void json_field_names_match_whatever_their_case_and_spacing() {
    var m = mapping("Score", "COMMENT", "Source ID", "responded_at", "Contact.Email", "contact external id",
        "Account.ExternalId", "account_name");
    assertThat(m.columns()).containsEntry("score", "Score").containsEntry("comment", "COMMENT")
        .containsEntry("sourceId", "Source ID").containsEntry("respondedAt", "responded_at")
        .containsEntry("contact.email", "Contact.Email").containsEntry("contact.externalId", "contact external id")
        .containsEntry("account.externalId", "Account.ExternalId").containsEntry("account.name", "account_name");
    assertThat(m.ignoredColumns()).isEmpty();
  }

  @Test
  void common_aliases_find_their_fields() {
    var m = mapping("NPS", "Why", "Email", "created_at", "Company ID", "Company", "Job Title", "Plan", "Notes");
    assertThat(m.columns()).containsEntry("score", "NPS").containsEntry("comment", "Why")
        .containsEntry("contact.email", "Email").containsEntry("respondedAt", "created_at")
        .containsEntry("account.externalId", "Company ID").containsEntry("account.name", "Company")
        .containsEntry("contact.role", "Job Title").containsEntry("account.tier", "Plan");
    assertThat(m.ignoredColumns()).containsExactly("Notes");
    assertThat(mapping("Rating", "date").columns()).containsEntry("score", "Rating").containsEntry("respondedAt", "date");
  }

  @Test
  void a_field_name_beats_an_alias_for_the_same_field() {
    var m = mapping("rating", "score");
    assertThat(m.columns()).containsEntry("score", "score");
    assertThat(m.ignoredColumns()).containsExactly("rating");
  }

  @Test
  void a_row_becomes_the_command_the_json_api_would_build() {
    var m = mapping("score", "comment", "respondedAt", "kind", "contact.email", "contact.name", "account.externalId",
        "account.arr", "account.renewalDate", "attr.plan", "contact.attr.team", "account.attr.region");
    ResponseCommand c = command(m, "3", " Exports time out ", "2026-03-01T09:30:00+02:00", "Transactional",
        "dana@example.com", "Dana", "acme", "120,000.50", "2026-09-30", "pro", "ops", "emea");
    assertThat(c.source()).isEqualTo("csv");
    assertThat(c.sourceId()).isEqualTo("row:derived");
    assertThat(c.score().value()).isEqualTo(3);
    assertThat(c.comment()).isEqualTo("Exports time out");
    assertThat(c.respondedAt()).isEqualTo(Instant.parse("2026-03-01T07:30:00Z"));
    assertThat(c.kind()).isEqualTo(Kind.TRANSACTIONAL);
    assertThat(c.contact().email()).isEqualTo("dana@example.com");
    assertThat(c.contact().attributes()).containsEntry("team", "ops");
    assertThat(c.account().arr()).isEqualByComparingTo(new BigDecimal("120000.50"));
    assertThat(c.account().renewalDate()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(c.account().attributes()).containsEntry("region", "emea");
    assertThat(c.attributes()).containsEntry("plan", "pro");
  }

  @Test
  void empty_contact_and_account_cells_mean_no_contact_and_no_account() {
    var m = mapping("score", "email", "account id");
    ResponseCommand c = command(m, "9", "", " ");
    assertThat(c.contact()).isNull();
    assertThat(c.account()).isNull();
  }

  @Test
  void a_source_id_cell_wins_over_the_derived_id_unless_it_is_empty() {
    var m = mapping("id", "score");
    assertThat(command(m, "r-1", "9").sourceId()).isEqualTo("r-1");
    assertThat(command(m, "", "9").sourceId()).isEqualTo("row:derived");
  }

  @Test
  void scores_are_whole_numbers_from_0_to_10() {
    var m = mapping("score");
    assertThat(command(m, "7.0").score().value()).isEqualTo(7);
    assertThat(command(m, " 10 ").score().value()).isEqualTo(10);
    assertThat(command(m, "0").score().value()).isZero();
    assertThat(rejection(m, "7.5")).isEqualTo("score: must be a whole number from 0 to 10, was 7.5");
    assertThat(rejection(m, "ten")).isEqualTo("score: must be a whole number from 0 to 10, was \"ten\"");
    assertThat(rejection(m, "")).isEqualTo("score: is required");
    assertThat(rejection(m, "11")).isEqualTo("score: must be from 0 to 10, was 11");
    assertThat(rejection(m, "-1")).isEqualTo("score: must be from 0 to 10, was -1");
  }

  @Test
  void dates_read_iso_with_offset_iso_dates_and_space_separated_utc() {
    var m = mapping("score", "date");
    assertThat(command(m, "9", "2026-03-01T09:30:00Z").respondedAt()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    assertThat(command(m, "9", "2026-03-01").respondedAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(command(m, "9", "2026-03-01 09:30:00").respondedAt()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    assertThat(command(m, "9", "2026-03-01 09:30:00+0100").respondedAt()).isEqualTo(Instant.parse("2026-03-01T08:30:00Z"));
    assertThat(command(m, "9", "1772357400").respondedAt()).isEqualTo(Instant.ofEpochSecond(1772357400));
    assertThat(rejection(m, "9", "03/01/2026")).startsWith("respondedAt: must be a date-time like");
  }

  @Test
  void a_date_format_and_time_zone_read_local_exports() {
    var options = new CsvMapping.Options("csv", null, null, null, null,
        DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ENGLISH), ZoneId.of("Europe/Berlin"));
    var m = mapping(List.of("score", "date", "renewal date"), null, options);
    ResponseCommand c = command(m, "9", "01/03/2026 10:30", "2026-09-30");
    assertThat(c.respondedAt()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    var dayOnly = mapping(List.of("score", "date"), null, new CsvMapping.Options("csv", null, null, null, null,
        DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH), ZoneId.of("UTC")));
    assertThat(command(dayOnly, "9", "1 Mar 2026").respondedAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
  }

  @Test
  void defaults_apply_unless_the_row_says_otherwise() {
    var options = new CsvMapping.Options("vendor-x", "q1-relational", Kind.RELATIONAL, "onboarding", "en", null, null);
    var m = mapping(List.of("score", "program"), null, options);
    ResponseCommand c = command(m, "9", "");
    assertThat(c.source()).isEqualTo("vendor-x");
    assertThat(c.program()).isEqualTo("q1-relational");
    assertThat(c.kind()).isEqualTo(Kind.RELATIONAL);
    assertThat(c.touchpoint()).isEqualTo("onboarding");
    assertThat(command(m, "9", "beta").program()).isEqualTo("beta");
  }

  @Test
  void an_explicit_mapping_wins_and_the_rest_is_matched_by_name() {
    var m = mapping(List.of("NPS", "Why", "Email", "Company ID", "Date"),
        Map.of("score", "NPS", "comment", "why", "account.externalId", "Company ID", "attr.source", "Date"), OPTIONS);
    assertThat(m.columns()).containsEntry("score", "NPS").containsEntry("comment", "Why")
        .containsEntry("account.externalId", "Company ID").containsEntry("attr.source", "Date")
        .containsEntry("contact.email", "Email").doesNotContainKey("respondedAt");
  }

  @Test
  void a_target_mapped_to_null_is_left_out() {
    Map<String, String> explicit = new HashMap<>();
    explicit.put("comment", null);
    var m = mapping(List.of("score", "comment"), explicit, OPTIONS);
    assertThat(m.columns()).doesNotContainKey("comment");
    assertThat(m.ignoredColumns()).containsExactly("comment");
  }

  @Test
  void a_mapping_naming_a_missing_column_is_refused_naming_the_field() {
    var x = invalid(List.of("NPS", "Email"), Map.of("score", "NPS", "contact.email", "E-mail address"));
    assertThat(x.field()).isEqualTo("contact.email");
    assertThat(x.reason()).contains("\"E-mail address\"").contains("not in the header").contains("\"Email\"");
  }

  @Test
  void a_mapping_naming_an_unknown_field_is_refused() {
    assertThat(invalid(List.of("NPS"), Map.of("nps", "NPS")).field()).isEqualTo("nps");
  }

  @Test
  void a_header_without_a_score_column_is_refused() {
    var x = invalid(List.of("email", "comment"), null);
    assertThat(x.field()).isEqualTo("score");
    assertThat(x.reason()).contains("\"email\", \"comment\"");
  }

  @Test
  void name_matched_account_columns_without_an_account_id_are_left_out_with_a_warning() {
    var m = mapping("score", "Company", "Email", "Name");
    assertThat(m.columns()).doesNotContainKey("account.name").containsEntry("contact.name", "Name");
    assertThat(m.ignoredColumns()).containsExactly("Company");
    assertThat(m.warnings()).singleElement().asString().contains("\"Company\"").contains("account.externalId");
  }

  @Test
  void explicitly_mapped_contact_columns_without_an_identifier_are_refused() {
    var x = invalid(List.of("score", "Who"), Map.of("contact.name", "Who"));
    assertThat(x.field()).isEqualTo("contact");
    assertThat(x.reason()).contains("contact.name").contains("contact.externalId or contact.email");
  }

  @Test
  void bad_values_are_rejected_naming_their_field() {
    var m = mapping("score", "kind", "account id", "arr", "renewal date", "program");
    assertThat(rejection(m, "9", "nps", "", "", "", "")).startsWith("kind: must be \"relational\" or \"transactional\"");
    assertThat(rejection(m, "9", "", "acme", "lots", "", "")).isEqualTo("account.arr: must be a number, was \"lots\"");
    assertThat(rejection(m, "9", "", "acme", "", "soon", "")).startsWith("account.renewalDate: must be a date");
    assertThat(rejection(m, "9", "", "", "", "", "p".repeat(201))).isEqualTo("program: must be at most 200 characters");
  }

  @Test
  void missing_trailing_cells_are_empty() {
    var m = mapping("score", "comment", "email");
    ResponseCommand c = command(m, "9");
    assertThat(c.comment()).isNull();
    assertThat(c.contact()).isNull();
  }
}
