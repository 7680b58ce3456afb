package dev.followthrough.responses.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import dev.followthrough.support.TestClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each vendor end to end over real HTTP into the real database. Every signature here is computed
 * from the vendor's documented recipe with javax.crypto directly, not with the code under test.
 */
class WebhookApiTest extends IntegrationTest {

  static final String SECRET = "vendor-secret-0123456789";

  // ---- helpers ---------------------------------------------------------------------------------

  private String source(String vendor, Map<String, String> mapping) {
    return source(vendor, SECRET, mapping);
  }

  private String source(String vendor, String secret, Map<String, String> mapping) {
    String key = unique(vendor);
    Reply r = post("/api/v1/sources", JSON.writeValueAsString(Map.of("key", key, "vendor", vendor, "secret", secret,
        "program", "Relational 2026", "kind", "relational", "mapping", mapping)));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return key;
  }

  private Reply hook(String key, String body, String contentType, Map<String, String> headers) {
    return hookAt("/hooks/" + key, body, contentType, headers);
  }

  private Reply hookAt(String path, String body, String contentType, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return send(b);
  }

  static byte[] hmac(String alg, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(alg);
      mac.init(new SecretKeySpec(key, alg));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  static Instant now() {
    return TestClock.INSTANCE.instant();
  }

  private long responses(String key) {
    return jdbc.sql("SELECT count(*) FROM responses_response WHERE source = :s").param("s", key).query(Long.class).single();
  }

  private Map<String, Object> response(String key, String sourceId) {
    return jdbc.sql("""
        SELECT r.score, r.comment, r.revision, r.program, c.email, c.external_id AS contact_id, a.external_id AS account_id
        FROM responses_response r LEFT JOIN responses_contact c ON c.id = r.contact_id
        LEFT JOIN responses_account a ON a.id = r.account_id WHERE r.source = :s AND r.source_id = :id""")
        .param("s", key).param("id", sourceId).query().singleRow();
  }

  private Map<String, Object> lastDelivery(String key) {
    return jdbc.sql("SELECT outcome, http_status, reason, body FROM responses_hook_delivery WHERE source_key = :k "
        + "ORDER BY received_at DESC, id DESC LIMIT 1").param("k", key).query().singleRow();
  }

  // ---- Delighted: sha256=hex(HMAC-SHA256(secret, body)) ------------------------------------------

  private String delighted(String type, String id, String score, String comment, String email) {
    return """
        {"event_type":"%s","event_id":"b8d057c5","event_data":{"id":"%s","person":{"id":"5975","email":"%s",
        "name":"Paul Gravis","created_at":1482589349},"score":%s,"comment":%s,"permalink":"https://delighted.com/r/x",
        "created_at":1482589409,"updated_at":1482590009,"person_properties":{"account_id":"%s-acct","Company":"Gravis Ltd"},
        "notes":[],"tags":[]}}""".formatted(type, id, email, score, comment == null ? "null" : "\"" + comment + "\"", id);
  }

  private Map<String, String> delightedSig(String body, String secret) {
    return Map.of("X-Delighted-Webhook-Signature", "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", utf8(secret), body)));
  }

  @Test
  void delighted_delivery_is_recorded_once_and_its_update_becomes_revision_two() {
    String key = source("delighted", Map.of());
    String id = unique("d");
    String email = unique("paul") + "@example.com";
    String created = delighted("survey_response.created", id, "5", null, email);
    Reply first = hook(key, created, "application/json", delightedSig(created, SECRET));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().get("status").asString()).isEqualTo("recorded");
    Map<String, Object> row = response(key, id);
    assertThat(((Number) row.get("score")).intValue()).isEqualTo(5);
    assertThat(row.get("email")).isEqualTo(email);
    assertThat(row.get("account_id")).isEqualTo(id + "-acct");
    assertThat(row.get("program")).isEqualTo("Relational 2026");

    Reply again = hook(key, created, "application/json", delightedSig(created, SECRET));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asString()).isEqualTo("duplicate");
    assertThat(responses(key)).isEqualTo(1);
    assertThat(lastDelivery(key).get("outcome")).isEqualTo("duplicate");

    String updated = delighted("survey_response.updated", id, "6", "Your service is slow", email);
    Reply upd = hook(key, updated, "application/json", delightedSig(updated, SECRET));
    assertThat(upd.status()).as(upd.toString()).isEqualTo(200);
    assertThat(upd.json().get("status").asString()).isEqualTo("updated");
    assertThat(upd.json().get("revision").asInt()).isEqualTo(2);
    row = response(key, id);
    assertThat(row.get("comment")).isEqualTo("Your service is slow");
    assertThat(((Number) row.get("revision")).intValue()).isEqualTo(2);
    assertThat(responses(key)).isEqualTo(1);
  }

  @Test
  void a_wrong_or_missing_signature_is_401_and_stores_nothing_but_the_log_line() {
    String key = source("delighted", Map.of());
    String body = delighted("survey_response.created", unique("d"), "9", "Great", "x@example.com");
    Reply wrong = hook(key, body, "application/json", delightedSig(body, "not-the-secret"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    Reply missing = hook(key, body, "application/json", Map.of());
    assertThat(missing.status()).isEqualTo(401);
    Reply tampered = hook(key, body.replace("\"score\":9", "\"score\":0"), "application/json", delightedSig(body, SECRET));
    assertThat(tampered.status()).isEqualTo(401);
    assertThat(responses(key)).isZero();
    Map<String, Object> log = lastDelivery(key);
    assertThat(log.get("outcome")).isEqualTo("unauthorized");
    assertThat(log.get("body")).as("an unauthenticated body is not kept").isNull();
    assertThat((String) log.get("reason")).contains("does not match");
  }

  @Test
  void broken_json_is_400_wrong_types_are_422_naming_the_field_and_huge_bodies_are_413() {
    String key = source("delighted", Map.of());
    String broken = "{\"event_type\": \"survey_response.created\", ";
    Reply b = hook(key, broken, "application/json", delightedSig(broken, SECRET));
    assertThat(b.status()).as(b.toString()).isEqualTo(400);
    assertThat(b.json().get("field").asString()).isEqualTo("body");

    String ten = delighted("survey_response.created", unique("d"), "\"ten\"", null, "x@example.com");
    Reply t = hook(key, ten, "application/json", delightedSig(ten, SECRET));
    assertThat(t.status()).as(t.toString()).isEqualTo(422);
    assertThat(t.json().get("field").asString()).isEqualTo("event_data.score");

    String huge = delighted("survey_response.created", unique("d"), "9", "x".repeat(300_000), "x@example.com");
    Reply h = hook(key, huge, "application/json", delightedSig(huge, SECRET));
    assertThat(h.status()).isEqualTo(413);
    assertThat(responses(key)).isZero();
  }

  // ---- Wootric: sha1=hex(HMAC-SHA1(secret, body)); string scores; URL-encoded ---------------------

  private Map<String, String> wootricSig(String body) {
    return Map.of("X-Wootric-Signature", "sha1=" + HexFormat.of().formatHex(hmac("HmacSHA1", utf8(SECRET), body)));
  }

  @Test
  void wootric_string_score_then_comment_update_and_url_encoded_bodies() {
    String key = source("wootric", Map.of());
    String id = unique("w");
    String created = """
        {"timestamp":"2018-03-28 15:12:06 -0700","response":{"updated_at":"2018-03-28 15:11:55 -0700","text":null,
        "survey_id":"XXXXXXXXXX","score":"10","id":"%s","external_id":null,"excluded_from_calculations":"false",
        "end_user_properties":null,"end_user_id":"62707387","email":"ray@example.com","created_at":"2018-03-28 15:11:55 -0700"},
        "event_name":"created"}""".formatted(id);
    Reply c = hook(key, created, "application/json", wootricSig(created));
    assertThat(c.status()).as(c.toString()).isEqualTo(201);
    assertThat(((Number) response(key, id).get("score")).intValue()).isEqualTo(10);
    String updated = created.replace("\"text\":null", "\"text\":\"updated event?\"").replace("\"created\"}", "\"updated\"}");
    Reply u = hook(key, updated, "application/json", wootricSig(updated));
    assertThat(u.json().get("status").asString()).as(u.toString()).isEqualTo("updated");
    assertThat(response(key, id).get("comment")).isEqualTo("updated event?");

    String formId = unique("wf");
    String form = "response[id]=" + formId + "&response[email]=nps%40example.com&response[external_id]=" + formId
        + "&response[score]=7&response[text]=&response[end_user_properties][pricing_plan]=Enterprise"
        + "&response[created_at]=2016-08-04%2013%3A57%3A26%20-0700&event_name=created&timestamp=2016-08-04%2013%3A57%3A31%20-0700"
        + "&account_token=NPS-xxxxxxxx&survey_mode=NPS";
    Reply f = hook(key, form, "application/x-www-form-urlencoded", wootricSig(form));
    assertThat(f.status()).as(f.toString()).isEqualTo(201);
    assertThat(response(key, formId).get("contact_id")).isEqualTo(formId);

    Reply bad = hook(key, form, "application/x-www-form-urlencoded", Map.of("X-Wootric-Signature", "sha1=00"));
    assertThat(bad.status()).isEqualTo(401);
  }

  // ---- Typeform: sha256=base64(HMAC-SHA256(secret, body)) ----------------------------------------

  private String typeform(String token, String fieldType, int number) {
    return """
        {"event_id":"LtWXD3crgy","event_type":"form_response","form_response":{"form_id":"lT4Z3j","token":"%s",
        "submitted_at":"2018-01-18T18:17:02Z","landed_at":"2018-01-18T18:07:02Z","calculated":{"score":9},
        "hidden":{"user_id":"%s-user"},"definition":{"id":"lT4Z3j","title":"NPS","fields":[]},
        "answers":[{"type":"number","number":%d,"field":{"id":"NRsxU591jIW9","type":"%s","ref":"nps"}},
        {"type":"text","text":"It's cold right now!","field":{"id":"DlXFaesGBpoF","type":"long_text"}},
        {"type":"email","email":"laura@example.com","field":{"id":"SMEUb7VJz92Q","type":"email"}}]}}"""
        .formatted(token, token, number, fieldType);
  }

  @Test
  void typeform_nps_form_is_recorded_and_a_form_without_nps_is_ignored() {
    String key = source("typeform", Map.of());
    String token = unique("tf");
    String body = typeform(token, "nps", 2);
    Map<String, String> sig = Map.of("Typeform-Signature", "sha256=" + b64(hmac("HmacSHA256", utf8(SECRET), body)));
    Reply r = hook(key, body, "application/json", sig);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    Map<String, Object> row = response(key, token);
    assertThat(((Number) row.get("score")).intValue()).isEqualTo(2);
    assertThat(row.get("comment")).isEqualTo("It's cold right now!");
    assertThat(row.get("contact_id")).isEqualTo(token + "-user");
    assertThat(hook(key, body, "application/json", sig).json().get("status").asString()).isEqualTo("duplicate");

    String other = typeform(unique("tf"), "opinion_scale", 4);
    Reply ignored = hook(key, other, "application/json",
        Map.of("Typeform-Signature", "sha256=" + b64(hmac("HmacSHA256", utf8(SECRET), other))));
    assertThat(ignored.status()).isEqualTo(200);
    assertThat(ignored.json().get("status").asString()).isEqualTo("ignored");
    assertThat(lastDelivery(key).get("outcome")).isEqualTo("ignored");
    assertThat(hook(key, body, "application/json", Map.of("Typeform-Signature", "sha256=AAAA")).status()).isEqualTo(401);
    assertThat(responses(key)).isEqualTo(1);
  }

  // ---- SurveyMonkey: base64(HMAC-SHA1(api_key&api_secret, body)); thin ---------------------------

  @Test
  void surveymonkey_thin_event_is_verified_and_ignored() {
    String secret = "apikey123&apisecret456";
    String key = source("surveymonkey", secret, Map.of());
    String body = """
        {"name":"My Webhook","filter_type":"collector","filter_id":"123456789","event_type":"response_completed",
        "event_id":"123456789","object_type":"response","object_id":"123456","event_datetime":"2016-01-01T21:56:31.182613+00:00",
        "resources":{"respondent_id":"123456789","recipient_id":"123456789","collector_id":"123456789","survey_id":"123456789",
        "user_id":"123456789"}}""";
    Reply ok = hook(key, body, "application/json", Map.of("Sm-Signature", b64(hmac("HmacSHA1", utf8(secret), body))));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().get("status").asString()).isEqualTo("ignored");
    assertThat(ok.json().get("reason").asString()).contains("123456");
    Reply bad = hook(key, body, "application/json", Map.of("Sm-Signature", b64(hmac("HmacSHA1", utf8("apikey123&wrong"), body))));
    assertThat(bad.status()).isEqualTo(401);
  }

  // ---- Formbricks: Standard Webhooks --------------------------------------------------------------

  private Map<String, String> standard(String secret, String msgId, long ts, String body) {
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    return Map.of("webhook-id", msgId, "webhook-timestamp", String.valueOf(ts),
        "webhook-signature", "v1," + b64(hmac("HmacSHA256", key, msgId + "." + ts + "." + body)));
  }

  @Test
  void formbricks_partial_then_finished_response_and_stale_or_replayed_deliveries_are_401() {
    String secret = "whsec_" + b64("formbricks-test-key-32-bytes!!!!".getBytes(StandardCharsets.UTF_8));
    String key = source("formbricks", secret, Map.of("score", "nps", "comment", "why"));
    String id = unique("fb");
    String created = """
        [{"data":{"contact":null,"contactAttributes":{"email":"kim@example.com","userId":"%s-u"},
        "createdAt":"2025-07-24T07:47:29.507Z","data":{"q1":"clicked"},"id":"%s","language":"en","surveyId":"surveyId",
        "finished":false},"event":"responseCreated","webhookId":"webhookId"}]""".formatted(id, id);
    long ts = now().getEpochSecond();
    Reply partial = hook(key, created, "application/json", standard(secret, "msg_" + id + "_1", ts, created));
    assertThat(partial.json().get("status").asString()).as(partial.toString()).isEqualTo("ignored");

    String finished = created.replace("{\"q1\":\"clicked\"}", "{\"q1\":\"clicked\",\"nps\":3,\"why\":\"Onboarding was confusing\"}")
        .replace("responseCreated", "responseFinished");
    Map<String, String> headers = standard(secret, "msg_" + id + "_2", ts, finished);
    Reply done = hook(key, finished, "application/json", headers);
    assertThat(done.status()).as(done.toString()).isEqualTo(201);
    assertThat(response(key, id).get("comment")).isEqualTo("Onboarding was confusing");

    Reply replay = hook(key, finished, "application/json", headers);
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.json().get("reason").asString()).contains("replayed");

    long old = now().minusSeconds(6 * 60).getEpochSecond();
    Reply stale = hook(key, finished, "application/json", standard(secret, "msg_" + id + "_3", old, finished));
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.json().get("reason").asString()).contains("stale");
    assertThat(responses(key)).isEqualTo(1);
  }

  // ---- Zendesk: base64(HMAC-SHA256(secret, timestamp + body)) ------------------------------------

  private Map<String, String> zendesk(String body, Instant at, String invocation) {
    String ts = at.toString();
    return Map.of("X-Zendesk-Webhook-Signature-Timestamp", ts, "X-Zendesk-Webhook-Invocation-Id", invocation,
        "X-Zendesk-Webhook-Signature", b64(hmac("HmacSHA256", utf8(SECRET), ts + body)));
  }

  @Test
  void zendesk_score_is_recorded_csat_is_ignored_and_stale_or_replayed_is_401() {
    String key = source("zendesk", Map.of());
    String ticket = unique("t");
    String body = """
        {"ticket_id":"%s","score":"3","comment":"Nobody answered for days","requester_id":"%s-req",
         "requester_email":"req@example.com","organization_id":"%s-org","organization_name":"Org"}""".formatted(ticket, ticket, ticket);
    Map<String, String> headers = zendesk(body, now(), unique("inv"));
    Reply ok = hook(key, body, "application/json", headers);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    Map<String, Object> row = response(key, "ticket-" + ticket);
    assertThat(((Number) row.get("score")).intValue()).isEqualTo(3);
    assertThat(row.get("account_id")).isEqualTo(ticket + "-org");

    assertThat(hook(key, body, "application/json", headers).status()).as("replay").isEqualTo(401);
    assertThat(hook(key, body, "application/json", zendesk(body, now().minusSeconds(400), unique("inv"))).status())
        .as("stale").isEqualTo(401);

    String csat = """
        {"satisfaction_rating":{"assignee_id":135,"comment":"Awesome support!","created_at":"2011-07-20T22:55:29Z",
         "group_id":44,"id":35436,"requester_id":7881,"score":"good","ticket_id":208}}""";
    Reply ignored = hook(key, csat, "application/json", zendesk(csat, now(), unique("inv")));
    assertThat(ignored.status()).isEqualTo(200);
    assertThat(ignored.json().get("status").asString()).isEqualTo("ignored");
    assertThat(responses(key)).isEqualTo(1);
  }

  // ---- HubSpot v3: base64(HMAC-SHA256(secret, method + uri + body + timestamp)) --------------------

  @Test
  void hubspot_feedback_submission_signed_over_the_url_it_called() {
    String key = source("hubspot", Map.of());
    String id = unique("hs");
    String body = """
        [{"id":"%s","properties":{"hs_survey_type":"NPS","hs_response_value":"10","hs_content":"Love it",
          "hs_submission_timestamp":"2026-11-20T10:00:00Z","email":"%s@example.com"}}]""".formatted(id, id);
    String ts = String.valueOf(now().toEpochMilli());
    String uri = url("/hooks/" + key);
    Map<String, String> h = Map.of("X-HubSpot-Request-Timestamp", ts, "X-HubSpot-Signature-Version", "v3",
        "X-HubSpot-Signature-v3", b64(hmac("HmacSHA256", utf8(SECRET), "POST" + uri + body + ts)));
    Reply ok = hook(key, body, "application/json", h);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    assertThat(((Number) response(key, id).get("score")).intValue()).isEqualTo(10);

    String oldTs = String.valueOf(now().minusSeconds(600).toEpochMilli());
    Reply stale = hook(key, body, "application/json", Map.of("X-HubSpot-Request-Timestamp", oldTs,
        "X-HubSpot-Signature-v3", b64(hmac("HmacSHA256", utf8(SECRET), "POST" + uri + body + oldTs))));
    assertThat(stale.status()).isEqualTo(401);
  }

  // ---- token sources: Retently, Qualtrics, generic -------------------------------------------------

  @Test
  void retently_needs_the_token_and_records_the_feedback() {
    String key = source("retently", Map.of());
    String id = unique("rt");
    String body = """
        {"id":"%s","customerId":"%s-c","email":"c@example.com","firstName":"Ada","lastName":"Byron","companyName":"%s-co",
         "campaignName":"Q4","createdDate":"2026-11-01T09:00:00Z","score":8,"comment":"Fine","metricsType":"NPS"}"""
        .formatted(id, id, id);
    assertThat(hook(key, body, "application/json", Map.of()).status()).isEqualTo(401);
    assertThat(hookAt("/hooks/" + key + "?token=wrong", body, "application/json", Map.of()).status()).isEqualTo(401);
    Reply ok = hookAt("/hooks/" + key + "?token=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8), body,
        "application/json", Map.of());
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    assertThat(response(key, id).get("account_id")).isEqualTo(id + "-co");
    Reply bearer = hook(key, body, "application/json", Map.of("Authorization", "Bearer " + SECRET));
    assertThat(bearer.json().get("status").asString()).isEqualTo("duplicate");
  }

  @Test
  void qualtrics_form_encoded_completed_response() {
    String key = source("qualtrics", Map.of());
    String id = "R_" + unique("q");
    String path = "/hooks/" + key + "?token=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
    Reply thin = hookAt(path, "Topic=surveyengine.completedResponse.SV_456&ResponseID=" + id + "&SurveyID=SV_456&BrandID=brand123",
        "application/x-www-form-urlencoded", Map.of());
    assertThat(thin.json().get("status").asString()).as(thin.toString()).isEqualTo("ignored");
    Reply ok = hookAt(path, "Topic=surveyengine.completedResponse.SV_456&Status=Complete&ResponseID=" + id
        + "&SurveyID=SV_456&Score=6&Comment=Too+expensive&Email=q%40example.com&CompletedDate=2026-11-20T10%3A00%3A00Z",
        "application/x-www-form-urlencoded", Map.of());
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    assertThat(response(key, id).get("comment")).isEqualTo("Too expensive");
    Reply ten = hookAt(path, "ResponseID=" + id + "&Score=ten", "application/x-www-form-urlencoded", Map.of());
    assertThat(ten.status()).isEqualTo(422);
    assertThat(ten.json().get("field").asString()).isEqualTo("Score");
  }

  @Test
  void generic_json_pointer_mapping_with_token_or_standard_webhooks() {
    String secret = "whsec_" + b64("generic-test-key-of-32-bytes!!!!".getBytes(StandardCharsets.UTF_8));
    String key = source("generic", secret, Map.of("score", "/answers/nps", "sourceId", "/meta/id", "email", "/who/mail",
        "comment", "/answers/why", "accountId", "/who/company/id"));
    String id = unique("g");
    String body = """
        {"meta":{"id":"%s"},"answers":{"nps":4,"why":"Buggy"},"who":{"mail":"g@example.com","company":{"id":"%s-co"}}}"""
        .formatted(id, id);
    Reply ok = hook(key, body, "application/json", Map.of("Authorization", "Bearer " + secret));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    Map<String, Object> row = response(key, id);
    assertThat(row.get("comment")).isEqualTo("Buggy");
    assertThat(row.get("account_id")).isEqualTo(id + "-co");
    String changed = body.replace("\"nps\":4", "\"nps\":5");
    Reply upd = hook(key, changed, "application/json", standard(secret, "msg_" + id, now().getEpochSecond(), changed));
    assertThat(upd.json().get("status").asString()).as(upd.toString()).isEqualTo("updated");
    Reply wrongType = hook(key, body.replace("\"nps\":4", "\"nps\":\"ten\""), "application/json",
        Map.of("Authorization", "Bearer " + secret));
    assertThat(wrongType.status()).isEqualTo(422);
    assertThat(wrongType.json().get("field").asString()).isEqualTo("/answers/nps");
  }

  // ---- API ------------------------------------------------------------------------------------

  @Test
  void sources_api_lists_without_secrets_shows_deliveries_and_needs_a_manager() {
    String key = source("delighted", Map.of());
    String body = delighted("survey_response.created", unique("d"), "9", null, "x@example.com");
    hook(key, body, "application/json", delightedSig(body, SECRET));
    Reply list = get("/api/v1/sources");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains(key).doesNotContain(SECRET);
    JsonNode deliveries = get("/api/v1/sources/" + key + "/deliveries").json().get("items");
    assertThat(deliveries).hasSize(1);
    assertThat(deliveries.get(0).get("outcome").asString()).isEqualTo("accepted");

    Reply dup = post("/api/v1/sources", "{\"key\":\"" + key + "\",\"vendor\":\"delighted\"}");
    assertThat(dup.status()).isEqualTo(422);
    assertThat(post("/api/v1/sources", "{\"key\":\"Bad Key\",\"vendor\":\"delighted\"}").json().get("field").asString())
        .isEqualTo("key");
    assertThat(post("/api/v1/sources", "{\"key\":\"" + unique("x") + "\",\"vendor\":\"generic\",\"mapping\":{\"score\":\"nps\"}}")
        .json().get("field").asString()).isEqualTo("mapping.score");

    String agent = post("/api/v1/api-keys", "{\"name\":\"" + unique("agent") + "\",\"role\":\"agent\"}").json().get("token").asString();
    assertThat(postAs(agent, "/api/v1/sources", "{\"key\":\"" + unique("x") + "\",\"vendor\":\"delighted\"}").status()).isEqualTo(403);
    assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/v1/sources"))).header("Authorization", "Bearer " + agent).GET())
        .status()).isEqualTo(403);
  }

  @Test
  void an_unknown_source_is_404() {
    assertThat(hook("no-such-source", "{}", "application/json", Map.of()).status()).isEqualTo(404);
  }
}
