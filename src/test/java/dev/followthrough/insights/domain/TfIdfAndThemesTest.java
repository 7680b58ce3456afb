package dev.followthrough.insights.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfAndThemesTest {

  static final List<String> DOCS = List.of(
      "The parking garage was full", "Parking garage full again", "No parking at the garage",
      "The invoice was wrong", "Wrong invoice this month", "Exports are slow");

  @Test
  void tf_idf_vectors_are_normalised_and_similar_for_shared_rare_words() {
    TfIdf t = TfIdf.fit(DOCS, 1);
    float[] a = t.vector("parking garage full");
    float[] b = t.vector("the garage has no parking");
    float[] c = t.vector("the invoice was wrong");
    assertThat(Vectors.dot(a, a)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(Vectors.dot(a, b)).isGreaterThan(Vectors.dot(a, c));
    assertThat(Vectors.dot(a, c)).isZero();
  }

  @Test
  void key_phrases_name_a_group_by_what_sets_it_apart_and_prefer_bigrams() {
    TfIdf t = TfIdf.fit(DOCS, 2);
    List<String> phrases = t.keyPhrases(DOCS.subList(0, 3), 2);
    assertThat(phrases.getFirst()).isEqualTo("parking garage");
    assertThat(phrases).doesNotContain("the", "was");
  }

  @Test
  void stop_words_and_numbers_are_not_terms() {
    assertThat(TfIdf.terms("The 2 of us can't log in")).containsExactly("log");
  }

  @Test
  void similar_vectors_cluster_together_and_small_groups_are_dropped() {
    List<float[]> vs = List.of(
        Vectors.normalized(new float[] {1, 0.1f, 0}), Vectors.normalized(new float[] {1, 0, 0.1f}),
        Vectors.normalized(new float[] {0.9f, 0.1f, 0.1f}), Vectors.normalized(new float[] {0, 1, 0}),
        Vectors.normalized(new float[] {0.1f, 1, 0}), Vectors.normalized(new float[] {0, 0, 1}));
    List<ThemeClusterer.Cluster> clusters = ThemeClusterer.cluster(vs, 0.9, 2);
    assertThat(clusters).hasSize(2);
    assertThat(clusters.getFirst().members()).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(clusters.get(1).members()).containsExactlyInAnyOrder(3, 4);
  }
}
