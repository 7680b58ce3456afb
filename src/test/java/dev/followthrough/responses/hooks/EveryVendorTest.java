package dev.followthrough.responses.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import dev.followthrough.support.TestClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same contract for every vendor, over real HTTP: a signed delivery is recorded, sent again it is
 * a duplicate, a changed score is revision 2; a wrong signature is 401, broken JSON 400, a word for a
 * score 422 naming the vendor's field, a huge body 413 — and none of those store anything. Each
 * signature is computed here from the vendor's documented recipe, independently of the code under test.
 */
class EveryVendorTest extends IntegrationTest {

  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("every-vendor-test-key-32-bytes!!".getBytes(StandardCharsets.UTF_8));
  static final AtomicLong TICK = new AtomicLong();

  /** The vendor's payload with the given response id and score (a JSON value). */
  static String payload(String vendor, String id, String score) {
    return switch (vendor) {
      case "delighted" -> """
          {"event_type":"survey_response.updated","event_id":"e","event_data":{"id":"%s","score":%s,
           "person":{"id":"1","email":"%s@example.com","name":"P"},"comment":null,"created_at":1482589409}}""".formatted(id, score, id);
      case "wootric" -> """
          {"response":{"id":"%s","score":%s,"email":"%s@example.com","text":null},"event_name":"created"}""".formatted(id, score, id);
      case "typeform" -> """
          {"event_id":"e","event_type":"form_response","form_response":{"form_id":"f","token":"%s",
           "answers":[{"type":"number","number":%s,"field":{"id":"n","type":"nps","ref":"nps"}}],"hidden":{"user_id":"%s"}}}"""
          .formatted(id, score, id);
      case "formbricks" -> """
          [{"event":"responseFinished","webhookId":"w","data":{"id":"%s","data":{"nps":%s},
            "contactAttributes":{"email":"%s@example.com"}}}]""".formatted(id, score, id);
      case "zendesk" -> """
          {"id":"%s","ticket_id":"208","score":%s,"requester_email":"%s@example.com"}""".formatted(id, score, id);
      case "hubspot" -> """
          {"id":"%s","properties":{"hs_survey_type":"NPS","hs_response_value":%s,"email":"%s@example.com"}}""".formatted(id, score, id);
      case "retently" -> """
          {"id":"%s","score":%s,"email":"%s@example.com","metricsType":"NPS"}""".formatted(id, score, id);
      case "qualtrics" -> """
          {"Topic":"surveyengine.completedResponse.SV_1","ResponseID":"%s","Score":%s,"Email":"%s@example.com"}""".formatted(id, score, id);
      case "generic" -> """
          {"id":"%s","score":%s,"email":"%s@example.com"}""".formatted(id, score, id);
      default -> throw new IllegalArgumentException(vendor);
    };
  }

  static String scoreField(String vendor) {
    return switch (vendor) {
      case "delighted" -> "event_data.score";
      case "wootric" -> "response.score";
      case "typeform" -> "form_response.answers[0].number";
      case "formbricks" -> "[0].data.data.nps";
      case "zendesk" -> "score";
      case "hubspot" -> "properties.hs_response_value";
      case "retently" -> "score";
      case "qualtrics" -> "Score";
      case "generic" -> "/score";
      default -> throw new IllegalArgumentException(vendor);
    };
  }

  /** The headers each vendor documents, for this body. */
  Map<String, String> sign(String vendor, String key, String body, String secret) {
    byte[] k = secret.getBytes(StandardCharsets.UTF_8);
    Map<String, String> h = new LinkedHashMap<>();
    switch (vendor) {
      case "delighted" -> h.put("X-Delighted-Webhook-Signature", "sha256=" + HexFormat.of().formatHex(mac("HmacSHA256", k, body)));
      case "wootric" -> h.put("X-Wootric-Signature", "sha1=" + HexFormat.of().formatHex(mac("HmacSHA1", k, body)));
      case "typeform" -> h.put("Typeform-Signature", "sha256=" + b64(mac("HmacSHA256", k, body)));
      case "surveymonkey" -> h.put("Sm-Signature", b64(mac("HmacSHA1", k, body)));
      case "formbricks", "generic" -> {
        String id = "msg_" + UUID.randomUUID();
        String ts = String.valueOf(TestClock.INSTANCE.instant().getEpochSecond());
        byte[] key2 = Base64.getDecoder().decode(secret.substring(6));
        h.put("webhook-id", id);
        h.put("webhook-timestamp", ts);
        h.put("webhook-signature", "v1," + b64(mac("HmacSHA256", key2, id + "." + ts + "." + body)));
      }
      case "zendesk" -> {
        String ts = TestClock.INSTANCE.instant().toString();
        h.put("X-Zendesk-Webhook-Signature-Timestamp", ts);
        h.put("X-Zendesk-Webhook-Invocation-Id", UUID.randomUUID().toString());
        h.put("X-Zendesk-Webhook-Signature", b64(mac("HmacSHA256", k, ts + body)));
      }
      case "hubspot" -> {
        String ts = String.valueOf(TestClock.INSTANCE.instant().toEpochMilli() + TICK.incrementAndGet());
        h.put("X-HubSpot-Request-Timestamp", ts);
        h.put("X-HubSpot-Signature-v3", b64(mac("HmacSHA256", k, "POST" + url("/hooks/" + key) + body + ts)));
      }
      case "retently", "qualtrics" -> h.put("Authorization", "Bearer " + secret);
      default -> throw new IllegalArgumentException(vendor);
    }
    return h;
  }

  static byte[] mac(String alg, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(alg);
      mac.init(new SecretKeySpec(key, alg));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private String source(String vendor) {
    String key = unique(vendor);
    Map<String, Object> body = new LinkedHashMap<>(Map.of("key", key, "vendor", vendor, "secret", SECRET));
    if (vendor.equals("formbricks")) body.put("mapping", Map.of("score", "nps"));
    Reply r = post("/api/v1/sources", JSON.writeValueAsString(body));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return key;
  }

  private Reply deliver(String key, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/hooks/" + key))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return send(b);
  }

  private long stored(String key) {
    return jdbc.sql("SELECT count(*) FROM responses_response WHERE source = :s").param("s", key).query(Long.class).single();
  }

  @ParameterizedTest
  @ValueSource(strings = {"delighted", "wootric", "typeform", "formbricks", "zendesk", "hubspot", "retently", "qualtrics", "generic"})
  void recorded_once_then_duplicate_then_revision_two(String vendor) {
    String key = source(vendor);
    String id = unique("v");
    String first = payload(vendor, id, "7");
    Reply a = deliver(key, first, sign(vendor, key, first, SECRET));
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    Reply b = deliver(key, first, sign(vendor, key, first, SECRET));
    assertThat(b.status()).as(b.toString()).isEqualTo(200);
    assertThat(b.json().get("status").asString()).isEqualTo("duplicate");
    String changed = payload(vendor, id, "2");
    Reply c = deliver(key, changed, sign(vendor, key, changed, SECRET));
    assertThat(c.json().get("status").asString()).as(c.toString()).isEqualTo("updated");
    assertThat(c.json().get("revision").asInt()).isEqualTo(2);
    assertThat(stored(key)).isEqualTo(1);
    Map<String, Object> row = jdbc.sql("""
        SELECT r.score, c.email FROM responses_response r JOIN responses_contact c ON c.id = r.contact_id
        WHERE r.source = :s AND r.source_id = :id""").param("s", key).param("id", id).query().singleRow();
    assertThat(((Number) row.get("score")).intValue()).isEqualTo(2);
    if (!vendor.equals("typeform")) assertThat(row.get("email")).isEqualTo(id + "@example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"delighted", "wootric", "typeform", "surveymonkey", "formbricks", "zendesk", "hubspot", "retently",
      "qualtrics", "generic"})
  void refused_deliveries_store_nothing(String vendor) {
    String key = source(vendor);
    String valid = vendor.equals("surveymonkey")
        ? "{\"event_type\":\"response_completed\",\"object_id\":\"1\",\"resources\":{\"survey_id\":\"2\"}}"
        : payload(vendor, unique("v"), "9");
    Reply forged = deliver(key, valid, sign(vendor, key, valid, "whsec_" + b64("someone-elses-secret-32-bytes!!!".getBytes(StandardCharsets.UTF_8))));
    assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
    assertThat(deliver(key, valid, Map.of()).status()).as("unsigned").isEqualTo(401);

    String broken = "{\"id\": ";
    Reply b = deliver(key, broken, sign(vendor, key, broken, SECRET));
    assertThat(b.status()).as(b.toString()).isEqualTo(400);

    String ten = vendor.equals("surveymonkey")
        ? "{\"event_type\":\"response_completed\",\"object_id\":{\"not\":\"an id\"}}" : payload(vendor, unique("v"), "\"ten\"");
    Reply t = deliver(key, ten, sign(vendor, key, ten, SECRET));
    assertThat(t.status()).as(t.toString()).isEqualTo(422);
    assertThat(t.json().get("field").asString()).isEqualTo(vendor.equals("surveymonkey") ? "object_id" : scoreField(vendor));

    String huge = "{\"pad\":\"" + "x".repeat(270_000) + "\"}";
    assertThat(deliver(key, huge, sign(vendor, key, huge, SECRET)).status()).isEqualTo(413);
    assertThat(stored(key)).isZero();
  }
}
