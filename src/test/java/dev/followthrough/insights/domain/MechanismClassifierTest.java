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
}
