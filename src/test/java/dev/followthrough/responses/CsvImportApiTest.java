package dev.followthrough.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CsvImportApiTest extends IntegrationTest {

  static final String IMPORTS = "/api/v1/imports/responses";

  static final String MAPPING = """
      {"score":"NPS","comment":"Why","contact.email":"Email","account.externalId":"Company ID","respondedAt":"Date"}""";

  /** Rows 2 and 7 are good; 3–6 are not; 8 opens a quote it never closes; 9 is good again. */
  static final String SURVEY = """
      NPS,Why,Email,Company ID,Date
      9,Love the exports,ana@example.com,acme,2026-03-01T09:30:00Z
      7.5,Half a point,ben@example.com,acme,2026-03-01
      ten,Words,cid@example.com,globex,2026-03-02
      ,No score,dan@example.com,globex,2026-03-02
      4,Bad address,not-an-email,globex,2026-03-03 10:00:00
      2,"Slow, and ""buggy""
      since March",eve@example.com,initech,2026-03-03
      10,"Great,fay@example.com,initech,2026-03-04
      8,Fine,gus@example.com,initech,2026-03-05
      """;

  @Test
  void a_multipart_upload_stores_good_rows_and_reports_bad_ones_by_row() {
    String source = unique("csv-test");
    Reply r = upload(source, SURVEY, MAPPING);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("rows").asLong()).isEqualTo(8);
    assertThat(body.get("accepted").asLong()).isEqualTo(3);
    assertThat(body.get("recorded").asLong()).isEqualTo(3);
    assertThat(body.get("rejected").asLong()).isEqualTo(5);
    assertThat(body.get("errorsTruncated").asBoolean()).isFalse();
    assertThat(errors(body)).containsExactly(
        "3 score: must be a whole number from 0 to 10, was 7.5",
        "4 score: must be a whole number from 0 to 10, was \"ten\"",
        "5 score: is required",
        "6 contact.email: is not an email address",
        "8 row: has a quoted field that is never closed");
    assertThat(body.get("errors").get(4).get("line").asLong()).isEqualTo(9);
    assertThat(count(source)).isEqualTo(3);
    String comment = jdbc.sql("SELECT comment FROM responses_response WHERE source = ? AND score = 2")
        .param(source).query(String.class).single();
    assertThat(comment).isEqualTo("Slow, and \"buggy\"\nsince March");
  }

  @Test
  void importing_the_same_file_again_gives_duplicates_only() {
    String source = unique("csv-test");
    assertThat(upload(source, SURVEY, MAPPING).json().get("recorded").asLong()).isEqualTo(3);
    JsonNode again = upload(source, SURVEY, MAPPING).json();
    assertThat(again.get("recorded").asLong()).isZero();
    assertThat(again.get("updated").asLong()).isZero();
    assertThat(again.get("duplicates").asLong()).isEqualTo(3);
    assertThat(again.get("rejected").asLong()).isEqualTo(5);
    assertThat(count(source)).isEqualTo(3);
  }

  @Test
  void a_raw_body_is_mapped_by_query_parameters_with_semicolons_crlf_and_a_bom() {
    String source = unique("csv-test");
    String csv = "\uFEFFNote;Rating;Mail;Team\r\n\"Fine; mostly\";8;ana@example.com;ops\r\nMeh;5;ben@example.com;sales\r\n";
    Reply r = raw(IMPORTS + "?source=" + source + "&program=q1&kind=relational&map.score=Rating&map.comment=Note"
        + "&map.contact.email=Mail&map.contact.attr.team=Team", csv);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("recorded").asLong()).isEqualTo(2);
    assertThat(r.json().get("delimiter").asString()).isEqualTo(";");
    var stored = jdbc.sql("""
            SELECT r.comment, r.program, r.kind, c.attributes ->> 'team' AS team FROM responses_response r
            JOIN responses_contact c ON c.id = r.contact_id WHERE r.source = ? ORDER BY r.score DESC""")
        .param(source).query().listOfRows();
    assertThat(stored.getFirst()).containsEntry("comment", "Fine; mostly").containsEntry("program", "q1")
        .containsEntry("kind", "relational").containsEntry("team", "ops");
  }

  @Test
  void headers_are_matched_by_name_without_a_mapping() {
    String source = unique("csv-test");
    Reply r = raw(IMPORTS + "?source=" + source, "nps,feedback,email,created_at,Company,Notes\n"
        + "6,Too pricey,ana@example.com,2026-03-01 08:00:00,Acme,call back\n");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("recorded").asLong()).isEqualTo(1);
    assertThat(body.get("mapping").get("score").asString()).isEqualTo("nps");
    assertThat(body.get("mapping").get("respondedAt").asString()).isEqualTo("created_at");
    assertThat(body.get("ignoredColumns").toString()).contains("Company", "Notes");
    assertThat(body.get("warnings").get(0).asString()).contains("account.externalId");
  }

  @Test
  void a_mapping_naming_a_missing_column_is_refused_before_anything_is_stored() {
    String source = unique("csv-test");
    Reply r = upload(source, SURVEY, """
        {"score":"NPS","contact.email":"E-mail"}""");
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("field").asString()).isEqualTo("contact.email");
    assertThat(r.json().get("reason").asString()).contains("\"E-mail\"");
    assertThat(count(source)).isZero();
  }

  @Test
  void an_empty_file_and_a_header_without_a_score_are_refused() {
    Reply empty = raw(IMPORTS + "?source=" + unique("csv-test"), "");
    assertThat(empty.status()).as(empty.toString()).isEqualTo(422);
    assertThat(empty.json().get("field").asString()).isEqualTo("file");
    Reply noScore = upload(unique("csv-test"), "email,comment\nana@example.com,hi\n", null);
    assertThat(noScore.status()).as(noScore.toString()).isEqualTo(422);
    assertThat(noScore.json().get("field").asString()).isEqualTo("score");
  }

  @Test
  void an_unknown_option_is_refused() {
    Reply r = raw(IMPORTS + "?sorce=typo", "score\n9\n");
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.json().get("field").asString()).isEqualTo("sorce");
  }

  @Test
  void importing_needs_an_api_key() {
    Reply r = send(HttpRequest.newBuilder(URI.create(url(IMPORTS))).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("score\n9\n")));
    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void a_hundred_thousand_rows_stream_in_and_all_land() {
    String source = unique("csv-bulk");
    int rows = 100_000;
    long started = System.nanoTime();
    Reply r = send(HttpRequest.newBuilder(URI.create(url(IMPORTS + "?source=" + source)))
        .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generated(rows))));
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("rows").asLong()).isEqualTo(rows);
    assertThat(r.json().get("recorded").asLong()).as(r.body().substring(0, Math.min(600, r.body().length()))).isEqualTo(rows);
    assertThat(count(source)).isEqualTo(rows);
    System.out.printf("CSV import: %,d rows in %.1f s = %,.0f rows/s%n", rows, seconds, rows / seconds);
  }

  /**
   * A survey export generated on the fly, never held in memory, with dates, comments and an
   * attribute. By default 100 respondents at 20 accounts answer repeatedly (a transactional survey);
   * {@code -Dft.csv.respondents=100000} makes every row a new respondent, the slowest case, since the
   * intake upserts each distinct contact and account of a chunk one by one.
   */
  static InputStream generated(int rows) {
    int respondents = Integer.getInteger("ft.csv.respondents", 100);
    int accounts = Math.max(1, respondents / 5);
    return new InputStream() {
      int next = -1;
      byte[] line = "score,comment,email,account id,date,attr.channel\n".getBytes(StandardCharsets.UTF_8);
      int pos;

      @Override
      public int read() {
        if (pos == line.length) {
          if (next + 1 >= rows) return -1;
          next++;
          line = ("%d,\"Row %d, with a comma\",user%d@example.com,acct-%d,2025-%02d-%02dT%02d:%02d:%02dZ,web\n".formatted(
              next % 11, next, next % respondents, next % accounts, 1 + next % 12, 1 + next % 28, next % 24, next % 60,
              (next / 60) % 60)).getBytes(StandardCharsets.UTF_8);
          pos = 0;
        }
        return line[pos++] & 0xff;
      }
    };
  }

  // ------------------------------------------------------------------------------------ helpers

  private long count(String source) {
    return jdbc.sql("SELECT count(*) FROM responses_response WHERE source = ?").param(source).query(Long.class).single();
  }

  private static java.util.List<String> errors(JsonNode body) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (JsonNode e : body.get("errors"))
      out.add(e.get("row").asLong() + " " + e.get("field").asString() + ": " + e.get("reason").asString());
    return out;
  }

  private Reply raw(String path, String csv) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN_KEY)
        .header("Content-Type", "text/csv; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(csv)));
  }

  private Reply upload(String source, String csv, String mappingJson) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("source", source);
    if (mappingJson != null) fields.put("mapping", mappingJson);
    String boundary = "----csv" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (var f : fields.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
            + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"survey.csv\"\r\n"
          + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(csv.getBytes(StandardCharsets.UTF_8));
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(HttpRequest.newBuilder(URI.create(url(IMPORTS))).header("Authorization", "Bearer " + ADMIN_KEY)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }
}
