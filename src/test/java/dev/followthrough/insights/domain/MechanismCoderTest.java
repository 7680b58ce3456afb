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
}
