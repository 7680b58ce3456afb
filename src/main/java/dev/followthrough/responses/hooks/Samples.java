package dev.followthrough.responses.hooks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A signed sample delivery per vendor, for the console's "send test": posted through the real
 * endpoint, so it proves the URL, the secret and the adapter together. Its response id is fixed
 * ({@link #TEST_ID}) and it carries no answer time: sending it again is a duplicate, never a second response.
 */
public final class Samples {

  public static final String TEST_ID = "followthrough-test";

  public record Delivery(String url, Map<String, String> headers, byte[] body) {}

  private Samples() {}

  public static Delivery signed(HookSource s, String endpoint, Instant now) {
    String secret = s.secret();
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    String url = endpoint;
    String body;
    switch (s.vendor()) {
      case DELIGHTED -> {
        body = """
            {"event_type":"survey_response.created","event_id":"%s","event_data":{"id":"%s","person":{"id":"1",\
            "email":"test@example.com","name":"Test Person"},"score":9,"comment":"Test delivery from Followthrough",\
            "person_properties":null}}""".formatted(UUID.randomUUID(), TEST_ID);
        h.put("X-Delighted-Webhook-Signature", "sha256=" + DelightedAdapter.hex(secret, utf8(body)));
      }
      case WOOTRIC -> {
        body = """
            {"response":{"id":"%s","email":"test@example.com","score":"9","text":"Test delivery from Followthrough"},\
            "event_name":"created","survey_mode":"NPS"}""".formatted(TEST_ID);
        h.put("X-Wootric-Signature", "sha1=" + Signatures.hex(Signatures.hmac("HmacSHA1", utf8(secret), utf8(body))));
      }
      case TYPEFORM -> {
        body = """
            {"event_id":"%s","event_type":"form_response","form_response":{"form_id":"test","token":"%s",\
            "hidden":{"user_id":"test-user"},"answers":[{"type":"number","number":9,\
            "field":{"id":"nps1","type":"nps","ref":"nps"}},{"type":"text","text":"Test delivery from Followthrough",\
            "field":{"id":"c1","type":"long_text","ref":"comment"}}]}}""".formatted(UUID.randomUUID(), TEST_ID);
        h.put("Typeform-Signature", "sha256=" + Signatures.base64(Signatures.hmac("HmacSHA256", utf8(secret), utf8(body))));
      }
      case SURVEYMONKEY -> {
        body = """
            {"name":"Followthrough test","filter_type":"survey","filter_id":"1","event_type":"response_completed",\
            "event_id":"%s","object_type":"response","object_id":"%s","event_datetime":"%s",\
            "resources":{"collector_id":"1","survey_id":"1","user_id":"1"}}""".formatted(UUID.randomUUID(), TEST_ID, now);
        h.put("Sm-Signature", Signatures.base64(Signatures.hmac("HmacSHA1", utf8(secret), utf8(body))));
      }
      case FORMBRICKS -> {
        String q = s.mapped("score") != null ? s.mapped("score") : "nps";
        body = """
            [{"event":"responseFinished","webhookId":"test","data":{"id":"%s","surveyId":"test","finished":true,\
            "contactAttributes":{"email":"test@example.com"},"data":{"%s":9}}}]"""
            .formatted(TEST_ID, q);
        standardWebhooks(h, secret, body, now);
      }
      case ZENDESK -> {
        body = """
            {"ticket_id":"%s","score":"9","comment":"Test delivery from Followthrough","requester_email":"test@example.com"}"""
            .formatted(TEST_ID);
        String ts = now.toString();
        h.put("X-Zendesk-Webhook-Signature-Timestamp", ts);
        h.put("X-Zendesk-Webhook-Invocation-Id", UUID.randomUUID().toString());
        h.put("X-Zendesk-Webhook-Signature", Signatures.base64(Signatures.hmac("HmacSHA256", utf8(secret), utf8(ts), utf8(body))));
      }
      case HUBSPOT -> {
        body = """
            [{"id":"%s","properties":{"hs_survey_type":"NPS","hs_response_value":"9",\
            "hs_content":"Test delivery from Followthrough","email":"test@example.com"}}]""".formatted(TEST_ID);
        String ts = String.valueOf(now.toEpochMilli());
        h.put("X-HubSpot-Request-Timestamp", ts);
        h.put("X-HubSpot-Signature-Version", "v3");
        h.put("X-HubSpot-Signature-v3", Signatures.base64(Signatures.hmac("HmacSHA256", utf8(secret),
            utf8("POST" + HubSpotAdapter.decode(url)), utf8(body), utf8(ts))));
      }
      case RETENTLY -> {
        body = """
            {"id":"%s","email":"test@example.com","score":9,"comment":"Test delivery from Followthrough",\
            "metricsType":"NPS"}""".formatted(TEST_ID);
        url = withToken(url, secret);
      }
      case QUALTRICS -> {
        h.put("Content-Type", "application/x-www-form-urlencoded");
        body = "Topic=surveyengine.completedResponse.SV_test&Status=Complete&SurveyID=SV_test&ResponseID=" + TEST_ID
            + "&Score=9&Comment=" + enc("Test delivery from Followthrough") + "&Email=" + enc("test@example.com");
        url = withToken(url, secret);
      }
      case GENERIC -> {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, pointer(s, "score"), 9);
        put(m, pointer(s, "sourceId"), TEST_ID);
        put(m, pointer(s, "comment"), "Test delivery from Followthrough");
        put(m, pointer(s, "email"), "test@example.com");
        body = Fields.JSON.writeValueAsString(m);
        h.put("Authorization", "Bearer " + secret);
      }
      default -> throw new IllegalStateException("no sample for " + s.vendor());
    }
    return new Delivery(url, h, utf8(body));
  }

  /** Standard Webhooks headers for a body. */
  public static void standardWebhooks(Map<String, String> h, String secret, String body, Instant now) {
    String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
    String ts = String.valueOf(now.getEpochSecond());
    h.put("webhook-id", id);
    h.put("webhook-timestamp", ts);
    h.put("webhook-signature", "v1," + Signatures.base64(Signatures.hmac("HmacSHA256", Signatures.standardKey(secret),
        utf8(id + "." + ts + "."), utf8(body))));
  }

  public static String withToken(String url, String secret) {
    return url + (url.contains("?") ? "&" : "?") + "token=" + enc(secret);
  }

  private static String pointer(HookSource s, String field) {
    String p = s.mapped(field);
    return p != null ? p : GenericAdapter.DEFAULTS.get(field);
  }

  /** Places a value at a simple JSON pointer (/a/b) in nested maps. */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String pointer, Object value) {
    String[] parts = pointer.substring(1).split("/");
    Map<String, Object> at = root;
    for (int i = 0; i < parts.length - 1; i++) {
      String k = parts[i].replace("~1", "/").replace("~0", "~");
      Object next = at.get(k);
      if (!(next instanceof Map)) {
        next = new LinkedHashMap<String, Object>();
        at.put(k, next);
      }
      at = (Map<String, Object>) next;
    }
    at.put(parts[parts.length - 1].replace("~1", "/").replace("~0", "~"), value);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
