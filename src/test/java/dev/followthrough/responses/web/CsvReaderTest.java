package dev.followthrough.responses.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  static List<CsvReader.Row> rows(String csv) throws IOException {
    return rows(csv, null);
  }

  static List<CsvReader.Row> rows(String csv, Character delimiter) throws IOException {
    return rows(new CsvReader(new StringReader(csv), delimiter));
  }

  static List<CsvReader.Row> rows(CsvReader reader) throws IOException {
    List<CsvReader.Row> out = new ArrayList<>();
    for (CsvReader.Row r = reader.next(); r != null; r = reader.next()) out.add(r);
    return out;
  }

  @Test
  void plain_fields_are_split_on_commas() throws IOException {
    var rows = rows("score,comment\n9,great\n");
    assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(List.of("score", "comment"), List.of("9", "great"));
  }

  @Test
  void a_last_line_without_line_break_is_still_a_row() throws IOException {
    assertThat(rows("a,b\n1,2")).extracting(CsvReader.Row::fields).containsExactly(List.of("a", "b"), List.of("1", "2"));
  }

  @Test
  void quoted_fields_hold_delimiters_doubled_quotes_and_line_breaks() throws IOException {
    var rows = rows("score,comment\n3,\"Slow, and \"\"buggy\"\"\nsince March\"\n");
    assertThat(rows.get(1).fields()).containsExactly("3", "Slow, and \"buggy\"\nsince March");
  }

  @Test
  void crlf_line_ends_are_one_line_end_also_inside_quotes() throws IOException {
    var rows = rows("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n");
    assertThat(rows).extracting(CsvReader.Row::fields)
        .containsExactly(List.of("a", "b"), List.of("1", "x\ny"), List.of("2", "z"));
    assertThat(rows).extracting(CsvReader.Row::number).containsExactly(1L, 2L, 3L);
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 2L, 4L);
  }

  @Test
  void a_lone_cr_ends_a_line_too() throws IOException {
    assertThat(rows("a\r1\r2")).extracting(CsvReader.Row::fields).containsExactly(List.of("a"), List.of("1"), List.of("2"));
  }

  @Test
  void empty_fields_are_kept_in_place() throws IOException {
    assertThat(rows(",a,,\"\",\n").getFirst().fields()).containsExactly("", "a", "", "", "");
  }

  @Test
  void a_utf8_byte_order_mark_is_dropped() throws IOException {
    assertThat(rows("\uFEFFscore;comment\n9;ok\n").getFirst().fields()).containsExactly("score", "comment");
  }

  @Test
  void semicolon_and_tab_delimiters_are_recognised_from_the_header() throws IOException {
    var semicolon = new CsvReader(new StringReader("score;comment;\"a,b\"\n9;ok, fine;x\n"), null);
    assertThat(semicolon.delimiter()).isEqualTo(';');
    assertThat(rows(semicolon).get(1).fields()).containsExactly("9", "ok, fine", "x");
    var tab = new CsvReader(new StringReader("score\tcomment\n9\tok; fine, really\n"), null);
    assertThat(tab.delimiter()).isEqualTo('\t');
    assertThat(rows(tab).get(1).fields()).containsExactly("9", "ok; fine, really");
  }

  @Test
  void a_quoted_delimiter_in_the_header_does_not_confuse_the_guess() throws IOException {
    assertThat(new CsvReader(new StringReader("\"a;b;c\",d\n"), null).delimiter()).isEqualTo(',');
  }

  @Test
  void a_given_delimiter_wins_over_the_guess() throws IOException {
    assertThat(rows("a;b,c\n", ',').getFirst().fields()).containsExactly("a;b", "c");
  }

  @Test
  void a_quote_inside_an_unquoted_field_is_text() throws IOException {
    assertThat(rows("5,He said \"hi\" twice\n").getFirst().fields()).containsExactly("5", "He said \"hi\" twice");
  }

  @Test
  void blanks_after_a_closing_quote_are_ignored() throws IOException {
    assertThat(rows("\"a\"  ,\"b\" \n").getFirst().fields()).containsExactly("a", "b");
  }

  @Test
  void blank_lines_are_blank_rows_that_still_count() throws IOException {
    var rows = rows("a,b\n\n1,2\n,\n");
    assertThat(rows).extracting(CsvReader.Row::isBlank).containsExactly(false, true, false, true);
    assertThat(rows.get(2).number()).isEqualTo(3);
  }

  @Test
  void text_after_a_closing_quote_spoils_only_its_own_row() throws IOException {
    var rows = rows("a,b\n1,\"x\"y\n2,z\n");
    assertThat(rows.get(1).malformed()).contains("text after a closing quote");
    assertThat(rows.get(1).number()).isEqualTo(2);
    assertThat(rows.get(2).fields()).containsExactly("2", "z");
    assertThat(rows.get(2).number()).isEqualTo(3);
    assertThat(rows.get(2).line()).isEqualTo(3);
  }

  @Test
  void a_quote_never_closed_spoils_only_its_own_row() throws IOException {
    var rows = rows("score,comment\n9,\"runaway\n7,fine\n8,also fine\n");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(1).malformed()).contains("never closed");
    assertThat(rows.get(1).line()).isEqualTo(2);
    assertThat(rows.get(2).fields()).containsExactly("7", "fine");
    assertThat(rows.get(2).line()).isEqualTo(3);
    assertThat(rows.get(3).fields()).containsExactly("8", "also fine");
  }

  @Test
  void a_runaway_quote_that_meets_a_later_quote_is_caught_and_the_rows_after_it_are_read() throws IOException {
    var rows = rows("score,comment\n9,\"runaway\n7,\"quoted, properly\"\n8,ok\n");
    assertThat(rows.get(1).malformed()).contains("text after a closing quote");
    assertThat(rows).extracting(CsvReader.Row::fields).contains(List.of("7", "quoted, properly"), List.of("8", "ok"));
  }

  @Test
  void a_record_longer_than_the_limit_is_malformed_and_reading_goes_on() throws IOException {
    var reader = new CsvReader(new StringReader("a,b\n1,\"" + "x".repeat(100) + "\n2,ok\n3," + "y".repeat(100) + "\n4,ok\n"),
        null, 50);
    var rows = rows(reader);
    assertThat(rows.get(1).malformed()).contains("longer than 50");
    assertThat(rows.get(2).fields()).containsExactly("2", "ok");
    assertThat(rows.get(3).malformed()).contains("longer than 50");
    assertThat(rows.get(4).fields()).containsExactly("4", "ok");
  }

  @Test
  void an_empty_input_has_no_rows() throws IOException {
    assertThat(rows("")).isEmpty();
    assertThat(rows("\uFEFF")).isEmpty();
  }

  @Test
  void many_rows_stream_through_a_small_buffer() throws IOException {
    StringBuilder csv = new StringBuilder("n,text\n");
    for (int i = 0; i < 20_000; i++) csv.append(i).append(",\"line ").append(i).append("\nsecond, part\"\r\n");
    var rows = rows(csv.toString());
    assertThat(rows).hasSize(20_001);
    assertThat(rows.getLast().fields()).containsExactly("19999", "line 19999\nsecond, part");
    assertThat(rows.getLast().line()).isEqualTo(2 + 2 * 19_999);
  }
}
