package dev.followthrough.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  private final SecretBox box = new SecretBox("a-long-enough-secret-for-the-tests-0001", List.of());

  @Test
  void a_sealed_value_opens_to_the_clear_one_and_does_not_contain_it() {
    String sealed = box.seal("whsec_very-secret-value");
    assertThat(sealed).startsWith("ftenc:" + box.keyId() + ":").doesNotContain("very-secret");
    assertThat(box.open(sealed)).isEqualTo("whsec_very-secret-value");
    assertThat(box.isCurrent(sealed)).isTrue();
  }

  @Test
  void every_seal_uses_a_fresh_96_bit_nonce() {
    Set<String> seen = new HashSet<>();
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String sealed = box.seal("same");
      seen.add(sealed);
      byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
      assertThat(raw).hasSize(12 + 4 + 16); // nonce, 4 bytes of ciphertext, 128-bit tag
      nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, 12)));
    }
    assertThat(seen).hasSize(200);
    assertThat(nonces).hasSize(200);
  }

  @Test
  void a_tampered_or_truncated_value_is_refused() {
    String sealed = box.seal("https://hooks.slack.com/services/T000/B000/XXXX");
    char last = sealed.charAt(sealed.length() - 5);
    String flipped = sealed.substring(0, sealed.length() - 5) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 4);
    assertThatThrownBy(() -> box.open(flipped)).isInstanceOf(SecretBox.SealedValueException.class).hasMessageContaining("authenticate");
    assertThatThrownBy(() -> box.open(sealed.substring(0, sealed.lastIndexOf(':') + 10)))
        .isInstanceOf(SecretBox.SealedValueException.class);
    assertThatThrownBy(() -> box.open("ftenc:" + box.keyId() + ":!!!")).isInstanceOf(SecretBox.SealedValueException.class);
  }

  @Test
  void a_value_cannot_be_moved_under_another_key_id() {
    SecretBox other = new SecretBox("another-secret-entirely-0000000000000", List.of());
    String sealed = box.seal("v");
    String relabelled = "ftenc:" + other.keyId() + sealed.substring(sealed.lastIndexOf(':'));
    assertThatThrownBy(() -> other.open(relabelled)).isInstanceOf(SecretBox.SealedValueException.class);
  }

  @Test
  void after_a_rotation_old_values_open_while_the_old_secret_is_listed_and_new_ones_use_the_new_key() {
    String old = box.seal("source-secret");
    SecretBox rotated = new SecretBox("the-new-secret-after-rotation-00000000", List.of("a-long-enough-secret-for-the-tests-0001"));
    assertThat(rotated.keyId()).isNotEqualTo(box.keyId());
    assertThat(rotated.keyIds()).containsExactly(rotated.keyId(), box.keyId());
    assertThat(rotated.open(old)).isEqualTo("source-secret");
    assertThat(rotated.isCurrent(old)).isFalse();
    assertThat(rotated.isCurrent(rotated.seal("x"))).isTrue();

    SecretBox forgot = new SecretBox("the-new-secret-after-rotation-00000000", List.of());
    assertThatThrownBy(() -> forgot.open(old)).isInstanceOf(SecretBox.SealedValueException.class)
        .hasMessageContaining(box.keyId()).hasMessageContaining("followthrough.previous-secrets").hasMessageNotContaining("source-secret");
  }

  @Test
  void clear_values_written_before_sealing_pass_through_and_null_stays_null() {
    assertThat(box.open("legacy-clear")).isEqualTo("legacy-clear");
    assertThat(box.open(null)).isNull();
    assertThat(box.seal(null)).isNull();
    assertThat(box.isCurrent("legacy-clear")).isFalse();
  }

  @Test
  void unicode_survives() {
    assertThat(box.open(box.seal("ключ 🔑 ‮"))).isEqualTo("ключ 🔑 ‮");
  }
}
