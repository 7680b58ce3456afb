package dev.followthrough.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

  static final LanguageDetection detection = new LanguageDetection();

  @Test
  void each_customer_language_is_recognised_in_a_one_sentence_comment() {
    assertThat(detection.detect("Le support met 8 jours à répondre, c'est beaucoup trop long.")).isEqualTo("fr");
    assertThat(detection.detect("Der Support braucht acht Tage für eine Antwort, das ist viel zu lang.")).isEqualTo("de");
    assertThat(detection.detect("El soporte tarda ocho días en responder, es demasiado tiempo.")).isEqualTo("es");
    assertThat(detection.detect("O suporte demora oito dias para responder, é tempo demais.")).isEqualTo("pt");
    assertThat(detection.detect("De klantenservice doet er acht dagen over om te antwoorden, veel te lang.")).isEqualTo("nl");
    assertThat(detection.detect("L'assistenza impiega otto giorni per rispondere, è troppo tempo.")).isEqualTo("it");
    assertThat(detection.detect("Support takes eight days to answer, which is far too long.")).isEqualTo("en");
    assertThat(detection.detect("الدعم يستغرق ثمانية أيام للرد، وهذا وقت طويل جدا")).isEqualTo("ar");
    assertThat(detection.detect("התמיכה לוקחת שמונה ימים לענות, זה יותר מדי זמן")).isEqualTo("he");
  }

  @Test
  void too_little_text_is_undetermined_rather_than_guessed() {
    assertThat(detection.detect("Super")).isEqualTo("und");
    assertThat(detection.detect("RAS")).isEqualTo("und");
    assertThat(detection.detect("10/10 !!! https://example.com/x")).isEqualTo("und");
    assertThat(detection.detect(null)).isEqualTo("und");
    assertThat(detection.detect("   ")).isEqualTo("und");
  }

  @Test
  void shouted_text_is_read_in_lower_case() {
    assertThat(detection.detect("ACCUEIL TRES SYMPATHIQUE ET PERSONNEL TRES COMPETENT")).isEqualTo("fr");
  }

  @Test
  void the_expected_language_decides_a_short_ambiguous_text_but_not_a_clear_one() {
    assertThat(detection.detect("Trop cher pour ce que c'est", "fr")).isEqualTo("fr");
    assertThat(detection.detect("Far too expensive compared to other shops, where are the limits?", "fr")).isEqualTo("en");
  }

  @Test
  void tags_become_two_letter_codes() {
    assertThat(LanguageDetection.code("fr-CA")).isEqualTo("fr");
    assertThat(LanguageDetection.code("pt_BR")).isEqualTo("pt");
    assertThat(LanguageDetection.code(" DE ")).isEqualTo("de");
    assertThat(LanguageDetection.code(null)).isEmpty();
  }
}
