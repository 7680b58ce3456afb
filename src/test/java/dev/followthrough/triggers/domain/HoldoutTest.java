package dev.followthrough.triggers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldoutTest {

  private static List<UUID> contacts(int n, long seed) {
    Random random = new Random(seed);
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> new UUID(random.nextLong(), random.nextLong())).toList();
  }

  @Test
  void a_contact_stays_in_its_arm_for_every_response_and_every_new_instance() {
    Holdout a = Holdout.of(0.1, List.of("enterprise"), "salt-1");
    Holdout b = Holdout.of(0.1, List.of("enterprise"), "salt-1");
    for (UUID c : contacts(2_000, 7)) {
      assertThat(a.holdOut(c, "smb")).isEqualTo(a.holdOut(c, "smb")).isEqualTo(b.holdOut(c, "mid"));
    }
  }

  @Test
  void the_share_held_out_of_ten_thousand_contacts_is_close_to_the_setting() {
    Holdout h = Holdout.of(0.05, List.of("enterprise"), "followthrough-holdout");
    long held = contacts(10_000, 42).stream().filter(c -> h.holdOut(c, "smb").isPresent()).count();
    // binomial(10,000, 0.05): sd ≈ 21.8, so ±4 sd is 413..587
    assertThat(held).isBetween(413L, 587L);
  }

  @Test
  void a_larger_share_keeps_everyone_the_smaller_share_held_out() {
    Holdout small = Holdout.of(0.05, List.of(), "s");
    Holdout large = Holdout.of(0.2, List.of(), "s");
    for (UUID c : contacts(5_000, 3)) {
      if (small.holdOut(c, null).isPresent()) assertThat(large.holdOut(c, null)).isPresent();
    }
  }

  @Test
  void another_salt_draws_other_arms() {
    Holdout one = Holdout.of(0.1, List.of(), "one");
    Holdout two = Holdout.of(0.1, List.of(), "two");
    long same = contacts(10_000, 5).stream()
        .filter(c -> one.holdOut(c, null).isPresent() && two.holdOut(c, null).isPresent()).count();
    // independent arms overlap in about 1% (100 of 10,000), not in 10%
    assertThat(same).isBetween(50L, 160L);
  }

  @Test
  void exempt_tiers_are_never_held_out_and_zero_is_off() {
    Holdout h = Holdout.of(0.5, List.of("Enterprise"), "s");
    List<UUID> all = contacts(1_000, 11);
    assertThat(all.stream().filter(c -> h.holdOut(c, "enterprise").isPresent())).isEmpty();
    assertThat(all.stream().filter(c -> h.holdOut(c, "smb").isPresent()).count()).isBetween(400L, 600L);
    Holdout off = Holdout.of(0, List.of(), "s");
    assertThat(all.stream().filter(c -> off.holdOut(c, "smb").isPresent())).isEmpty();
  }

  @Test
  void the_reason_says_it_was_on_purpose_and_shares_above_half_are_refused() {
    Holdout h = Holdout.of(0.5, List.of(), "s");
    UUID inArm = contacts(100, 1).stream().filter(c -> Holdout.position("s", c) < 0.5).findFirst().orElseThrow();
    assertThat(h.holdOut(inArm, null).orElseThrow()).startsWith("holdout:").contains("50% holdout arm");
    assertThatIllegalArgumentException().isThrownBy(() -> Holdout.of(0.6, List.of(), "s"));
  }
}
