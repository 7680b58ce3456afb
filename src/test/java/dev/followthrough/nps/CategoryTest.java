package dev.followthrough.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CategoryTest {

  @Test
  void zero_to_six_are_detractors() {
    for (int score = 0; score <= 6; score++) assertThat(Category.of(score)).isEqualTo(Category.DETRACTOR);
  }

  @Test
  void six_is_the_last_detractor_and_seven_the_first_passive() {
    assertThat(Category.of(6)).isEqualTo(Category.DETRACTOR);
    assertThat(Category.of(7)).isEqualTo(Category.PASSIVE);
  }

  @Test
  void eight_is_the_last_passive_and_nine_the_first_promoter() {
    assertThat(Category.of(8)).isEqualTo(Category.PASSIVE);
    assertThat(Category.of(9)).isEqualTo(Category.PROMOTER);
    assertThat(Category.of(10)).isEqualTo(Category.PROMOTER);
  }

  @Test
  void scores_outside_zero_to_ten_are_rejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Category.of(-1)).withMessageContaining("-1");
    assertThatIllegalArgumentException().isThrownBy(() -> Category.of(11)).withMessageContaining("11");
  }

  @Test
  void keys_are_lower_case_names() {
    assertThat(Category.DETRACTOR.key()).isEqualTo("detractor");
    assertThat(Category.PASSIVE.key()).isEqualTo("passive");
    assertThat(Category.PROMOTER.key()).isEqualTo("promoter");
  }
}
