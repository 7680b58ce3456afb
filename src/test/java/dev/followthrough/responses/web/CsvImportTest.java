package dev.followthrough.responses.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.nps.Category;
import dev.followthrough.responses.domain.Intake;
import dev.followthrough.responses.domain.ResponseCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The import loop against an in-memory intake that keeps (source, source id) like the real one. */
class CsvImportTest {

  /** Stores by (source, source id); applies the intake's own rules. */
  static final class InMemoryIntake implements CsvImport.Sink {
    final Map<String, ResponseCommand> stored = new HashMap<>();
    final List<Integer> chunkSizes = new ArrayList<>();

    @Override
    public List<Intake> recordAll(List<ResponseCommand> commands) {
      chunkSizes.add(commands.size());
      List<Intake> out = new ArrayList<>();
      for (ResponseCommand c : commands) {
        var invalid = c.violations(Instant.parse("2026-06-01T00:00:00Z"));
        if (invalid.isPresent()) {
          out.add(invalid.get());
          continue;
        }
        String key = c.source() + "|" + c.sourceId();
        ResponseCommand before = stored.putIfAbsent(key, c);
        out.add(before == null ? new Intake.Recorded(UUID.randomUUID(), Category.of(c.score().value()))
            : new Intake.Duplicate(UUID.randomUUID(), Category.of(c.score().value())));
      }
      return out;
    }
  }

  static CsvImport.Summary imported(String csv, InMemoryIntake intake, int chunkRows) throws IOException {
    return imported(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, intake, chunkRows);
  }

  static CsvImport.Summary imported(byte[] csv, Charset charset, InMemoryIntake intake, int chunkRows) throws IOException {
    var outcome = CsvImport.run(new ByteArrayInputStream(csv), charset, null, null, CsvMapping.Options.defaults("csv"),
        intake, chunkRows);
    assertThat(outcome).as(outcome.toString()).isInstanceOf(CsvImport.Outcome.Imported.class);
    return ((CsvImport.Outcome.Imported) outcome).summary();
  }

  static final String MIXED = """
      score,comment,email
      9,great,a@example.com
      7.5,half,b@example.com
      ten,words,c@example.com
      ,empty,d@example.com
      3,"multi
      line",not-an-email
      10,"runaway,e@example.com
      8,fine,f@example.com
      """;

  @Test
  void good_rows_are_stored_and_bad_rows_are_reported_by_row_number() throws IOException {
    var intake = new InMemoryIntake();
    var s = imported(MIXED, intake, 1000);
    assertThat(s.rows()).isEqualTo(7);
    assertThat(s.recorded()).isEqualTo(2);
    assertThat(s.rejected()).isEqualTo(5);
    assertThat(s.errors()).extracting(CsvImport.RowError::row).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(s.errors()).extracting(CsvImport.RowError::field)
        .containsExactly("score", "score", "score", "contact.email", "row");
    assertThat(s.errors().get(3).line()).isEqualTo(6);
    assertThat(s.errors().get(4).line()).isEqualTo(8);
    assertThat(s.errors().get(4).reason()).contains("never closed");
  }

  @Test
  void the_same_file_twice_gives_duplicates_only() throws IOException {
    var intake = new InMemoryIntake();
    imported(MIXED, intake, 2);
    var again = imported(MIXED, intake, 2);
    assertThat(again.recorded()).isZero();
    assertThat(again.duplicates()).isEqualTo(2);
  }

  @Test
  void identical_rows_in_one_file_are_separate_responses_and_stay_so_on_reimport() throws IOException {
    var intake = new InMemoryIntake();
    String csv = "score\n9\n9\n9\n";
    assertThat(imported(csv, intake, 1000).recorded()).isEqualTo(3);
    assertThat(imported(csv, intake, 1000).duplicates()).isEqualTo(3);
    assertThat(imported("score\n9\n9\n9\n9\n", intake, 1000).recorded()).isEqualTo(1);
  }

  @Test
  void rows_go_to_the_intake_in_chunks() throws IOException {
    var intake = new InMemoryIntake();
    StringBuilder csv = new StringBuilder("score,comment\n");
    for (int i = 0; i < 25; i++) csv.append(i % 11).append(",row ").append(i).append('\n');
    var s = imported(csv.toString(), intake, 10);
    assertThat(s.recorded()).isEqualTo(25);
    assertThat(intake.chunkSizes).containsExactly(10, 10, 5);
  }

  @Test
  void errors_are_capped_and_say_so() throws IOException {
    StringBuilder csv = new StringBuilder("score\n");
    for (int i = 0; i < 1500; i++) csv.append("x\n");
    var s = imported(csv.toString(), new InMemoryIntake(), 1000);
    assertThat(s.rejected()).isEqualTo(1500);
    assertThat(s.errors()).hasSize(CsvImport.MAX_ERRORS);
    assertThat(s.errors().getLast().row()).isEqualTo(1001);
    assertThat(s.errorsTruncated()).isTrue();
  }

  @Test
  void a_row_with_more_fields_than_the_header_is_rejected() throws IOException {
    var s = imported("score,comment\n9,good, really\n9,fine,\n", new InMemoryIntake(), 1000);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(s.errors().getFirst().reason()).contains("3 fields");
    assertThat(s.recorded()).isEqualTo(1);
  }

  @Test
  void a_row_that_is_not_valid_in_the_charset_is_rejected_not_garbled() throws IOException {
    byte[] latin1 = "score,comment\n9,Très bien\n".getBytes(StandardCharsets.ISO_8859_1);
    var s = imported(latin1, StandardCharsets.UTF_8, new InMemoryIntake(), 1000);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(s.errors().getFirst().reason()).contains("charset=");
    var intake = new InMemoryIntake();
    assertThat(imported(latin1, Charset.forName("windows-1252"), intake, 1000).recorded()).isEqualTo(1);
    assertThat(intake.stored.values().iterator().next().comment()).isEqualTo("Très bien");
  }

  @Test
  void an_empty_file_and_a_header_without_score_are_refused() throws IOException {
    for (String csv : List.of("", "\n\n", "email,comment\na@b.c,hi\n")) {
      var outcome = CsvImport.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8,
          null, null, CsvMapping.Options.defaults("csv"), new InMemoryIntake());
      assertThat(outcome).isInstanceOf(CsvImport.Outcome.Refused.class);
    }
  }
}
