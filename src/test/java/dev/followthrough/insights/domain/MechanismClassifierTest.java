package dev.followthrough.insights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.followthrough.insights.domain.MechanismClassifier.Label;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MechanismClassifierTest {

  static final Label PRICE = new Label("price", "pricing");
  static final Label BUGS = new Label("bugs", "reliability");
  static final MechanismClassifier.Settings SETTINGS = MechanismClassifier.Settings.defaults();

  static float[] v(double... xs) {
    float[] f = new float[xs.length];
    for (int i = 0; i < xs.length; i++) f[i] = (float) xs[i];
    return Vectors.normalized(f);
  }

  static MechanismClassifier zeroShot() {
    return MechanismClassifier.train(List.of(PRICE, BUGS),
        Map.of("price", List.of(v(1, 0, 0), v(1, 0.2, 0)), "bugs", List.of(v(0, 1, 0))), Map.of(), Map.of(), 3, SETTINGS);
  }

  @Test
  void zero_shot_codes_a_text_to_the_nearest_codebook_vector_with_the_best_segment_as_evidence() {
    List<MechanismClassifier.Match> matches = zeroShot().classify(v(0.9, 0.1, 0.1), List.of(v(0, 1, 0), v(1, 0, 0)));
    assertThat(matches).hasSize(1);
    assertThat(matches.getFirst().label()).isEqualTo(PRICE);
    assertThat(matches.getFirst().segment()).isEqualTo(1);
    assertThat(matches.getFirst().confidence()).isGreaterThan(0.9);
  }

  @Test
  void a_text_that_fits_nothing_gets_no_mechanism() {
    assertThat(zeroShot().classify(v(0, 0, 1), List.of(v(0, 0, 1)))).isEmpty();
  }

  @Test
  void a_second_mechanism_close_behind_the_first_is_coded_too() {
    List<MechanismClassifier.Match> matches = zeroShot().classify(v(1, 1.1, 0), List.of());
    assertThat(matches).extracting(m -> m.label().mechanism()).containsExactlyInAnyOrder("price", "bugs");
  }

  @Test
  void confirmed_examples_pull_the_prototype_toward_them_with_weight_n_over_n_plus_lambda() {
    // an example orthogonal to the codebook text; with λ = 5 and 5 examples the prototype sits halfway
    MechanismClassifier m = MechanismClassifier.train(List.of(PRICE), Map.of("price", List.of(v(1, 0, 0))),
        Map.of("price", List.of(v(0, 0, 1), v(0, 0, 1), v(0, 0, 1), v(0, 0, 1), v(0, 0, 1))), Map.of(), 3, SETTINGS);
    assertThat(m.similarities(v(1, 0, 0), List.of())[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-4f));
    assertThat(m.similarities(v(0, 0, 1), List.of())[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-4f));
  }

  @Test
  void corrections_move_a_text_from_one_mechanism_to_another() {
    float[] text = v(0.6, 0.4, 0.69);
    assertThat(zeroShot().best(text, List.of()).label()).isEqualTo(PRICE);
    MechanismClassifier taught = MechanismClassifier.train(List.of(PRICE, BUGS),
        Map.of("price", List.of(v(1, 0, 0)), "bugs", List.of(v(0, 1, 0))),
        Map.of("bugs", List.of(v(0.5, 0.3, 0.8), v(0.55, 0.35, 0.7))), Map.of("price", List.of(v(0.5, 0.3, 0.8))), 3, SETTINGS);
    assertThat(taught.best(text, List.of()).label()).isEqualTo(BUGS);
  }

  @Test
  void softmax_confidences_sum_to_one_and_follow_the_similarities() {
    double[] p = MechanismClassifier.softmax(new float[] {0.5f, 0.4f, 0.1f}, 0.03);
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-9));
    assertThat(p[0]).isGreaterThan(p[1]);
    assertThat(p[1]).isGreaterThan(p[2]);
  }

  @Test
  void centering_subtracts_the_domain_mean_before_comparing() {
    float[] center = new float[] {0.5f, 0.5f, 0};
    MechanismClassifier m = MechanismClassifier.train(List.of(PRICE, BUGS),
        Map.of("price", List.of(v(1, 0.8, 0)), "bugs", List.of(v(0.8, 1, 0))), Map.of(), Map.of(), 3, SETTINGS, center);
    MechanismClassifier raw = MechanismClassifier.train(List.of(PRICE, BUGS),
        Map.of("price", List.of(v(1, 0.8, 0)), "bugs", List.of(v(0.8, 1, 0))), Map.of(), Map.of(), 3, SETTINGS);
    // raw cosines of (1, 0.9) to both are nearly equal; after centering the text clearly leans to price
    float[] centered = m.similarities(v(1, 0.9, 0), List.of());
    float[] plain = raw.similarities(v(1, 0.9, 0), List.of());
    assertThat(plain[0] - plain[1]).isLessThan(0.02f);
    assertThat(centered[0] - centered[1]).isGreaterThan(10 * (plain[0] - plain[1]));
  }

  static final Label INQUIRY = new Label("inquiry", "credit");

  /** Three labels whose semantic vectors barely tell "price" and "inquiry" apart, while their words do. */
  static MechanismClassifier hybrid(double weight) {
    List<Label> labels = List.of(PRICE, BUGS, INQUIRY);
    MechanismClassifier semantic = MechanismClassifier.train(labels,
        Map.of("price", List.of(v(1, 0.05, 0)), "bugs", List.of(v(0, 1, 0)), "inquiry", List.of(v(1, 0, 0.05))),
        Map.of(), Map.of(), 3, SETTINGS);
    Map<String, List<String>> describing = Map.of(
        "price", List.of("The subscription price is too high for what we get"),
        "bugs", List.of("The app crashes and shows errors"),
        "inquiry", List.of("Someone made a hard inquiry on my credit report without permission"));
    List<String> corpus = describing.values().stream().flatMap(List::stream).toList();
    return semantic.withLexical(MechanismClassifier.Lexical.train(labels, describing, Map.of(), Map.of(), corpus, 5, weight));
  }

  @Test
  void the_lexical_companion_decides_where_the_embedding_cannot_tell_two_mechanisms_apart() {
    float[] doc = v(1, 0.02, 0.03); // semantically a hair closer to "inquiry"
    String text = "The subscription price went up again, far too high";
    assertThat(hybrid(0).best(doc, List.of(doc), text).label()).isEqualTo(INQUIRY);
    assertThat(hybrid(0.3).best(doc, List.of(doc), text).label()).isEqualTo(PRICE);
    // without the text the companion has nothing to read: the semantic answer stands
    assertThat(hybrid(0.3).best(doc, List.of(doc)).label()).isEqualTo(INQUIRY);
  }

  @Test
  void the_confidence_is_the_sentence_models_own_so_an_overruled_label_goes_to_review() {
    float[] doc = v(1, 0.02, 0.03);
    String text = "The subscription price went up again, far too high";
    MechanismClassifier.Match semanticOnly = hybrid(0).best(doc, List.of(doc), text);
    MechanismClassifier.Match mixed = hybrid(0.3).best(doc, List.of(doc), text);
    assertThat(mixed.label()).isEqualTo(PRICE); // the words decide the label …
    double[] own = MechanismClassifier.softmax(hybrid(0).similarities(doc, List.of(doc)), SETTINGS.temperature());
    assertThat(mixed.confidence()).isCloseTo(own[0], within(1e-9)); // … the confidence of PRICE stays the model's own
    assertThat(mixed.confidence()).isLessThan(semanticOnly.confidence()); // below the label the model itself preferred
    assertThat(hybrid(0.3).classify(doc, List.of(doc), text).getFirst().confidence()).isCloseTo(own[0], within(1e-9));
  }

  @Test
  void fused_scores_keep_the_semantic_scores_mean_and_spread_so_thresholds_keep_their_meaning() {
    float[] semantic = {0.40f, 0.30f, 0.20f, 0.10f};
    float[] lexical = {0.00f, 0.30f, 0.00f, 0.00f};
    float[] fused = MechanismClassifier.fuse(semantic, lexical, 0.3);
    double mean = 0, sq = 0;
    for (float f : fused) mean += f;
    mean /= fused.length;
    for (float f : fused) sq += (f - mean) * (f - mean);
    assertThat(mean).isCloseTo(0.25, within(1e-6));
    assertThat(Math.sqrt(sq / fused.length)).isCloseTo(Math.sqrt(0.0125), within(1e-6));
    // the word evidence lifts the second label, the order of the others is the semantic one
    assertThat(fused[1]).isGreaterThan(semantic[1]);
    assertThat(fused[2]).isGreaterThan(fused[3]);
    // weight 0 gives back the semantic scores
    assertThat(MechanismClassifier.fuse(semantic, lexical, 0)).containsExactly(semantic, org.assertj.core.data.Offset.offset(1e-6f));
  }
}
