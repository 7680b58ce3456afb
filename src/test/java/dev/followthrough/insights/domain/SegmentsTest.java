package dev.followthrough.insights.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SegmentsTest {

  @Test
  void sentences_keep_offsets_into_the_original_text() {
    String text = "Great support team. But exports keep timing out on big projects! Version 2.5 helped; a bit.";
    List<Segments.Segment> s = Segments.of(text, 100);
    assertThat(s).extracting(Segments.Segment::text)
        .containsExactly("Great support team.", "But exports keep timing out on big projects!", "Version 2.5 helped; a bit.");
    for (Segments.Segment seg : s) assertThat(text.substring(seg.start(), seg.end())).isEqualTo(seg.text());
  }

  @Test
  void a_long_text_is_cut_into_even_windows_of_at_most_the_word_limit() {
    String text = IntStream.range(0, 250).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    List<Segments.Segment> chunks = Segments.chunks(text, 100);
    assertThat(chunks).hasSize(3);
    assertThat(chunks).allSatisfy(c -> assertThat(c.words()).isBetween(80, 100));
    assertThat(chunks.getFirst().text()).startsWith("w0 ");
    assertThat(chunks.getLast().text()).endsWith("w249");
  }

  @Test
  void blank_and_punctuation_only_text_has_no_segments() {
    assertThat(Segments.of("  ... !! ", 100)).isEmpty();
    assertThat(Segments.chunks("   ", 100)).isEmpty();
  }

  @Test
  void embedding_a_text_uses_its_chunks_for_the_vector_and_its_sentences_for_evidence() {
    Embedder fake = new Embedder() {
      @Override
      public List<float[]> embed(List<String> texts) {
        return texts.stream().map(t -> Vectors.normalized(new float[] {t.length(), t.contains("slow") ? 10 : 0})).toList();
      }

      @Override
      public int dimension() {
        return 2;
      }
    };
    EmbeddedText e = EmbeddedText.embedAll(fake, List.of("Nice people. It is slow.")).getFirst();
    // two short sentences of opposite polarity stay two clauses: each carries its own reason
    assertThat(e.segments()).extracting(Segments.Segment::text).containsExactly("Nice people.", "It is slow.");
    EmbeddedText longer = EmbeddedText.embedAll(fake, List.of("The support people are nice. The product is slow.")).getFirst();
    assertThat(longer.segments()).extracting(Segments.Segment::text)
        .containsExactly("The support people are nice.", "The product is slow.");
    assertThat(longer.segmentVectors()).hasSize(2);
  }

  @Test
  void a_contrast_starts_a_new_clause_and_short_sentences_keep_their_own() {
    String text = "Love it. Good product, but exports time out on big projects. Thanks!";
    assertThat(Segments.clauses(text, 100)).extracting(Segments.Segment::text)
        .containsExactly("Love it.", "Good product", "but exports time out on big projects. Thanks!");
    Segments.Segment but = Segments.clauses(text, 100).get(2);
    assertThat(text.substring(but.start(), but.end())).isEqualTo(but.text());
  }
}
