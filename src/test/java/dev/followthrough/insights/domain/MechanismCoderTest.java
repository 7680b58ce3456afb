package dev.followthrough.insights.domain;

import static dev.followthrough.insights.domain.MechanismClassifierTest.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.followthrough.insights.domain.MechanismClassifier.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MechanismCoderTest {

  static final Label SLOW = new Label("slow-support", "service");
  static final Label FAST = new Label("praise-speed-of-help", "praise");
  static final Calibration CALIBRATION = new Calibration(10, 20, -4, "test");

  /** Slow support and fast help sit close together, as they do for a sentence model: both are about support speed. */
  static MechanismCoder coder(Calibration calibration) {
    MechanismClassifier c = MechanismClassifier.train(List.of(SLOW, FAST),
        Map.of("slow-support", List.of(v(1, 0, 0)), "praise-speed-of-help", List.of(v(0.8, 0.6, 0))), Map.of(), Map.of(), 3,
        MechanismClassifier.Settings.defaults());
    return new MechanismCoder(c, Set.of("praise-speed-of-help"), calibration, MechanismCoder.Settings.defaults());
  }

  static EmbeddedText text(String text, float[] vector) {
    return new EmbeddedText(text, List.of(new Segments.Segment(0, text.length(), text)), List.of(vector), vector);
  }

  @Test
  void praise_nearest_to_a_problem_is_coded_to_the_praise_mechanism() {
    // the vector is nearer slow-support; the words are praise
    List<MechanismCoder.Coding> codings = coder(CALIBRATION).code(text("Raj from support solved it within 15 minutes.", v(1, 0.15, 0)), 10);
    assertThat(codings).extracting(c -> c.label().mechanism()).containsExactly("praise-speed-of-help");
    assertThat(codings.getFirst().polarity()).isEqualTo(Polarity.PRAISE);
  }

  @Test
  void each_clause_is_coded_by_its_own_polarity_and_is_its_own_evidence() {
    String t = "Raj was quick and helpful. But the next ticket waited days for a reply.";
    EmbeddedText e = new EmbeddedText(t, List.of(new Segments.Segment(0, 26, t.substring(0, 26)), new Segments.Segment(27, t.length(), t.substring(27))),
        List.of(v(0.85, 0.5, 0), v(1, 0.1, 0)), v(0.95, 0.3, 0));
    List<MechanismCoder.Coding> codings = coder(CALIBRATION).code(e, 8);
    assertThat(codings).extracting(c -> c.label().mechanism() + "/" + c.polarity().key() + "/" + c.segment())
        .containsExactlyInAnyOrder("praise-speed-of-help/praise/0", "slow-support/problem/1");
  }

  @Test
  void the_confidence_is_the_calibrated_probability_and_below_the_floor_nothing_is_coded() {
    MechanismCoder.Coding c = coder(CALIBRATION).code(text("Support was slow to answer.", v(1, 0, 0)), 3).getFirst();
    assertThat(c.confidence()).isCloseTo(CALIBRATION.probability(c.similarity(), c.margin()), within(1e-9));
    assertThat(coder(new Calibration(10, 20, -40, "pessimist")).code(text("Support was slow to answer.", v(1, 0, 0)), 3)).isEmpty();
  }

  @Test
  void a_fitted_calibration_matches_the_observed_rate_of_right_codings() {
    Random r = new Random(1);
    List<Calibration.Observation> obs = new ArrayList<>();
    List<double[]> check = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      double sim = r.nextDouble(), margin = r.nextDouble() * 0.2;
      double truth = 1 / (1 + Math.exp(-(6 * sim + 10 * margin - 4)));
      obs.add(new Calibration.Observation(sim, margin, r.nextDouble() < truth));
    }
    Calibration fit = Calibration.fit(obs, "synthetic");
    assertThat(fit.similarityWeight()).isCloseTo(6, within(1.0));
    for (Calibration.Observation o : obs) check.add(new double[] {fit.probability(o.similarity(), o.margin()), o.right() ? 1 : 0});
    assertThat(Calibration.ece(Calibration.reliability(check, 10))).isLessThan(0.03);
    assertThat(Calibration.reliability(check, 10).stream().mapToInt(Calibration.Bin::count).sum()).isEqualTo(4000);
  }

  @Test
  void a_text_the_fits_none_model_is_sure_of_is_coded_to_no_mechanism() {
    EmbeddedText weak = text("The weather was nice on the day I called.", v(0.3, 0.2, 0.93));
    EmbeddedText strong = text("Support was slow to answer.", v(1, 0, 0));
    MechanismCoder plain = coder(CALIBRATION);
    assertThat(plain.codeAll(weak, 5)).isNotEmpty(); // without the decision the weak match is still a coding
    // "fits none" rises as the best raw cosine falls (the third feature)
    Calibration withNone = CALIBRATION.withFitsNone(new Calibration.FitsNone(new double[] {0, 0, -30, 0, 0, 0, 0}, 15));
    MechanismCoder coder = coder(withNone);
    assertThat(coder.fitsNone(weak, 5)).isGreaterThan(0.7);
    assertThat(coder.code(weak, 5)).isEmpty();
    assertThat(coder.fitsNone(strong, 5)).isLessThan(0.01);
    assertThat(coder.code(strong, 5)).extracting(c -> c.label().mechanism()).containsExactly("slow-support");
    assertThat(coder.features(weak, 5)).hasSize(MechanismCoder.FEATURES.size());
  }

  @Test
  void the_fits_none_model_is_fitted_from_labelled_features_and_survives_the_properties_file() throws Exception {
    Random r = new Random(2);
    List<double[]> x = new ArrayList<>();
    List<Boolean> none = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      double[] f = {r.nextDouble(), r.nextDouble() * 0.1};
      x.add(f);
      none.add(r.nextDouble() < 1 / (1 + Math.exp(-(-8 * f[0] + 3))));
    }
    Calibration.FitsNone fit = Calibration.FitsNone.fit(x, none);
    assertThat(fit.weights()[0]).isCloseTo(-8, within(1.5));
    Calibration c = CALIBRATION.withFitsNone(fit);
    Calibration back = Calibration.load(new java.io.ByteArrayInputStream(c.toProperties("test").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    assertThat(back.fitsNone().probability(new double[] {0.2, 0.05})).isCloseTo(fit.probability(new double[] {0.2, 0.05}), within(1e-4));
    // a calibration file without the model: never sure a text fits none
    Calibration old = Calibration.load(new java.io.ByteArrayInputStream("similarity-weight=1\nmargin-weight=1\nbias=0\n".getBytes()));
    assertThat(old.fitsNone().weights()).isEmpty();
  }
}
