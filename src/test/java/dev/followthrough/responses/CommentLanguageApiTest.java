package dev.followthrough.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class CommentLanguageApiTest extends IntegrationTest {

  String record(String source, String comment, String declared) {
    String body = """
        {"source": "%s", "sourceId": "r1", "score": 3, "comment": %s, %s
         "respondedAt": "2026-12-01T10:00:00Z", "contact": {"externalId": "%s"}}"""
        .formatted(source, comment == null ? "null" : JSON.writeValueAsString(comment),
            declared == null ? "" : "\"language\": \"" + declared + "\",", unique("c"));
    var r = post("/api/v1/responses", body);
    assertThat(r.status()).as(r.body()).isIn(200, 201);
    return r.json().get("id").asString();
  }

  @Test
  void each_comment_is_stored_with_its_detected_language_and_the_list_filters_by_it() {
    String source = unique("lang");
    String french = record(source, "Le support met 8 jours à répondre, c'est beaucoup trop long.", "en");
    String german = record(source + "-b", "Der Support braucht acht Tage für eine Antwort.", null);
    String tiny = record(source + "-c", "Super", null);
    String none = record(source + "-d", null, null);

    assertThat(get("/api/v1/responses/" + french).json().get("commentLanguage").asString()).isEqualTo("fr");
    assertThat(get("/api/v1/responses/" + french).json().get("language").asString()).isEqualTo("en"); // declared stays
    assertThat(get("/api/v1/responses/" + german).json().get("commentLanguage").asString()).isEqualTo("de");
    assertThat(get("/api/v1/responses/" + tiny).json().get("commentLanguage").asString()).isEqualTo("und");
    assertThat(get("/api/v1/responses/" + none).json().has("commentLanguage")).isFalse();

    var fr = get("/api/v1/responses?source=" + source + "&language=fr").json();
    assertThat(fr.get("total").asInt()).isEqualTo(1);
    assertThat(fr.get("items").get(0).get("id").asString()).isEqualTo(french);
    assertThat(get("/api/v1/responses?source=" + source + "&language=de").json().get("total").asInt()).isZero();
  }

  @Test
  void a_changed_comment_is_detected_again() {
    String source = unique("lang-edit");
    String id = record(source, "Support takes eight days to answer, far too long.", null);
    assertThat(get("/api/v1/responses/" + id).json().get("commentLanguage").asString()).isEqualTo("en");
    record(source, "El soporte tarda ocho días en responder, demasiado tiempo.", null);
    assertThat(get("/api/v1/responses/" + id).json().get("commentLanguage").asString()).isEqualTo("es");
  }

  @Test
  void a_malformed_language_filter_is_a_problem_naming_the_field() {
    var r = get("/api/v1/responses?language=French!");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.body()).contains("language");
  }
}
