package dev.followthrough.responses.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.responses.domain.ResponseCommand;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The adapters without a server: payload shapes modelled on the vendors' documented and captured deliveries. */
class VendorAdaptersTest {

  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final String SECRET = "s3cret-for-tests";

  static HookSource source(Vendor v, Map<String, String> mapping) {
    return new HookSource(UUID.randomUUID(), v.key(), v, SECRET, true, "Relational", null, "onboarding", mapping, NOW);
  }

  static HookRequest json(String body, Map<String, String> headers) {
    Map<String, String> h = new java.util.HashMap<>(headers);
    h.putIfAbsent("Content-Type", "application/json");
    return new HookRequest("POST", List.of("https://nps.example.com/hooks/x"), h, Map.of(), body.getBytes(StandardCharsets.UTF_8));
  }

  static String hmac(String alg, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(alg);
      mac.init(new SecretKeySpec(key, alg));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  static ResponseCommand only(VendorAdapter.Parsed p) {
    assertThat(p).isInstanceOf(VendorAdapter.Parsed.Commands.class);
    List<ResponseCommand> c = ((VendorAdapter.Parsed.Commands) p).commands();
    assertThat(c).hasSize(1);
    return c.get(0);
  }

  @Test
  void wootric_takes_a_string_score_and_its_spaced_timestamps() {
    String body = """
        {"timestamp":"2018-03-28 15:12:06 -0700","response":{"updated_at":"2018-03-28 15:11:55 -0700","text":null,
        "survey_id":"42","score":"10","id":"15181514","external_id":null,"excluded_from_calculations":"false",
        "end_user_properties":null,"end_user_id":"62707387","email":"ray@example.com","created_at":"2018-03-28 15:11:55 -0700"},
        "event_name":"created"}""";
    ResponseCommand c = only(new WootricAdapter().parse(json(body, Map.of()), source(Vendor.WOOTRIC, Map.of())));
    assertThat(c.score().value()).isEqualTo(10);
    assertThat(c.sourceId()).isEqualTo("15181514");
    assertThat(c.respondedAt()).isEqualTo(Instant.parse("2018-03-28T22:11:55Z"));
    assertThat(c.contact().email()).isEqualTo("ray@example.com");
    assertThat(c.program()).isEqualTo("Relational");
  }

  @Test
  void wootric_reads_url_encoded_bodies_with_bracketed_keys() {
    String body = "response[id]=1128&response[email]=nps%40example.com&response[external_id]=123abc&response[score]=7"
        + "&response[text]=&response[end_user_properties][pricing_plan]=Enterprise&response[survey_id]=1146"
        + "&response[created_at]=2016-08-04%2013%3A57%3A26%20-0700&event_name=created&survey_mode=NPS";
    HookRequest r = new HookRequest("POST", List.of("u"), Map.of("Content-Type", "application/x-www-form-urlencoded"), Map.of(),
        body.getBytes(StandardCharsets.UTF_8));
    ResponseCommand c = only(new WootricAdapter().parse(r, source(Vendor.WOOTRIC, Map.of())));
    assertThat(c.score().value()).isEqualTo(7);
    assertThat(c.comment()).isNull();
    assertThat(c.contact().externalId()).isEqualTo("123abc");
    assertThat(c.contact().attributes()).containsEntry("pricing_plan", "Enterprise");
  }

  @Test
  void wootrics_documented_decline_with_its_trailing_comma_is_ignored_not_refused() {
    String body = """
        {"decline":{"id":19,"email":"nps@example.com","survey_id":1147,"updated_at":"2016-08-04T13:58:21.122-07:00",},
         "event_name":"created","survey_mode":"NPS"}""";
    assertThat(new WootricAdapter().parse(json(body, Map.of()), source(Vendor.WOOTRIC, Map.of())))
        .isInstanceOf(VendorAdapter.Parsed.Ignored.class);
  }

  @Test
  void wootric_signature_is_hmac_sha1_hex_with_a_prefix() {
    String body = "{\"response\":{}}";
    String sig = "sha1=" + hmac("HmacSHA1", SECRET.getBytes(StandardCharsets.UTF_8), body);
    assertThat(new WootricAdapter().verify(json(body, Map.of("X-Wootric-Signature", sig)), SECRET, NOW))
        .isInstanceOf(VendorAdapter.Verification.Verified.class);
    assertThat(new WootricAdapter().verify(json(body + " ", Map.of("X-Wootric-Signature", sig)), SECRET, NOW))
        .isInstanceOf(VendorAdapter.Verification.Unauthorized.class);
  }

  @Test
  void a_word_for_a_score_is_refused_naming_the_vendors_field() {
    String body = """
        {"event_type":"survey_response.created","event_data":{"id":"1","score":"ten","person":{"email":"a@example.com"}}}""";
    var p = new DelightedAdapter().parse(json(body, Map.of()), source(Vendor.DELIGHTED, Map.of()));
    assertThat(p).isEqualTo(new VendorAdapter.Parsed.Invalid("event_data.score", "must be a whole number from 0 to 10, was \"ten\""));
  }

  @Test
  void typeform_uses_the_nps_field_and_a_form_without_one_is_ignored() {
    String withNps = """
        {"event_id":"e1","event_type":"form_response","form_response":{"form_id":"f","token":"tok1",
         "submitted_at":"2018-01-18T18:17:02Z","hidden":{"user_id":"abc123456"},
         "definition":{"fields":[]},
         "answers":[{"type":"number","number":5,"field":{"id":"Q7","type":"number"}},
                    {"type":"number","number":3,"field":{"id":"N1","type":"nps","ref":"nps"}},
                    {"type":"text","text":"Too slow","field":{"id":"L1","type":"long_text"}},
                    {"type":"email","email":"laura@example.com","field":{"id":"E1","type":"email"}}]}}""";
    ResponseCommand c = only(new TypeformAdapter().parse(json(withNps, Map.of()), source(Vendor.TYPEFORM, Map.of())));
    assertThat(c.score().value()).isEqualTo(3);
    assertThat(c.comment()).isEqualTo("Too slow");
    assertThat(c.contact().externalId()).isEqualTo("abc123456");
    assertThat(c.contact().email()).isEqualTo("laura@example.com");
    assertThat(c.sourceId()).isEqualTo("tok1");

    String opinionOnly = withNps.replace("\"type\":\"nps\",\"ref\":\"nps\"", "\"type\":\"opinion_scale\",\"ref\":\"weather\"");
    assertThat(new TypeformAdapter().parse(json(opinionOnly, Map.of()), source(Vendor.TYPEFORM, Map.of())))
        .isInstanceOf(VendorAdapter.Parsed.Ignored.class);
    // … unless the mapping names that field as the score
    assertThat(only(new TypeformAdapter().parse(json(opinionOnly, Map.of()), source(Vendor.TYPEFORM, Map.of("score", "weather"))))
        .score().value()).isEqualTo(3);
  }

  @Test
  void typeform_signature_is_base64_hmac_sha256() {
    String body = "{\"event_type\":\"form_response\"}";
    String sig = "sha256=" + b64(hmac("HmacSHA256", SECRET.getBytes(StandardCharsets.UTF_8), body));
    assertThat(new TypeformAdapter().verify(json(body, Map.of("Typeform-Signature", sig)), SECRET, NOW))
        .isInstanceOf(VendorAdapter.Verification.Verified.class);
    assertThat(new TypeformAdapter().verify(json(body, Map.of()), SECRET, NOW))
        .isInstanceOf(VendorAdapter.Verification.Unauthorized.class);
  }

  @Test
  void formbricks_finds_the_only_whole_number_answer_and_skips_partial_responses() {
    String created = """
        [{"data":{"contact":null,"contactAttributes":null,"createdAt":"2025-07-24T07:47:29.507Z","data":{"q1":"clicked"},
          "id":"responseId","language":"en","surveyId":"surveyId"},"event":"responseCreated","webhookId":"w"}]""";
    assertThat(new FormbricksAdapter().parse(json(created, Map.of()), source(Vendor.FORMBRICKS, Map.of())))
        .isInstanceOf(VendorAdapter.Parsed.Ignored.class);
    String finished = created.replace("{\"q1\":\"clicked\"}", "{\"q1\":\"clicked\",\"nps\":6,\"why\":\"Pricing\"}")
        .replace("\"contactAttributes\":null", "\"contactAttributes\":{\"email\":\"kim@example.com\",\"userId\":\"u-9\"}");
    ResponseCommand c = only(new FormbricksAdapter().parse(json(finished, Map.of()),
        source(Vendor.FORMBRICKS, Map.of("comment", "why"))));
    assertThat(c.score().value()).isEqualTo(6);
    assertThat(c.comment()).isEqualTo("Pricing");
    assertThat(c.contact().externalId()).isEqualTo("u-9");
    assertThat(c.language()).isEqualTo("en");
  }

  @Test
  void standard_webhooks_signature_over_id_timestamp_and_body_within_five_minutes() {
    byte[] key = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    String body = "[]";
    long ts = NOW.getEpochSecond();
    String sig = "v1," + b64(hmac("HmacSHA256", key, "msg_1." + ts + "." + body));
    var ok = new FormbricksAdapter().verify(json(body, Map.of("webhook-id", "msg_1", "webhook-timestamp", String.valueOf(ts),
        "webhook-signature", "v1,bm90IGl0 " + sig)), secret, NOW);
    assertThat(ok).isEqualTo(new VendorAdapter.Verification.Verified("wh:msg_1"));
    var stale = new FormbricksAdapter().verify(json(body, Map.of("webhook-id", "msg_1", "webhook-timestamp", String.valueOf(ts),
        "webhook-signature", sig)), secret, NOW.plusSeconds(301));
    assertThat(stale).isInstanceOf(VendorAdapter.Verification.Unauthorized.class);
  }

  @Test
  void zendesk_csat_good_is_ignored_and_a_numeric_placeholder_is_a_score() {
    var zd = new ZendeskAdapter();
    assertThat(zd.parse(json("{\"satisfaction_rating\":{\"id\":35436,\"score\":\"good\",\"ticket_id\":208}}", Map.of()),
        source(Vendor.ZENDESK, Map.of()))).isInstanceOf(VendorAdapter.Parsed.Ignored.class);
    ResponseCommand c = only(zd.parse(json("""
        {"ticket_id":"208","score":"4","comment":"Slow","requester_email":"x@example.com","organization_id":"org-1"}""",
        Map.of()), source(Vendor.ZENDESK, Map.of())));
    assertThat(c.score().value()).isEqualTo(4);
    assertThat(c.sourceId()).isEqualTo("ticket-208");
    assertThat(c.account().externalId()).isEqualTo("org-1");
  }

  @Test
  void hubspot_thin_events_are_ignored_and_records_with_properties_are_responses() {
    var hs = new HubSpotAdapter();
    assertThat(hs.parse(json("""
        [{"eventId":567890123,"subscriptionId":234567,"portalId":12345678,"occurredAt":1708986598741,
          "subscriptionType":"contact.creation","objectId":65059681032,"changeFlag":"CREATED"}]""", Map.of()),
        source(Vendor.HUBSPOT, Map.of()))).isInstanceOf(VendorAdapter.Parsed.Ignored.class);
    ResponseCommand c = only(hs.parse(json("""
        {"id":"901","properties":{"hs_survey_type":"NPS","hs_response_value":"8","hs_content":"ok",
         "hs_submission_timestamp":"2026-11-20T10:00:00Z"},"associations":{"contacts":{"results":[{"id":"51"}]}}}""",
        Map.of()), source(Vendor.HUBSPOT, Map.of())));
    assertThat(c.score().value()).isEqualTo(8);
    assertThat(c.contact().externalId()).isEqualTo("51");
  }

  @Test
  void hubspot_v3_signs_method_url_body_and_timestamp() {
    String body = "[{\"id\":\"1\"}]";
    String ts = String.valueOf(NOW.toEpochMilli());
    String sig = b64(hmac("HmacSHA256", SECRET.getBytes(StandardCharsets.UTF_8),
        "POST" + "https://nps.example.com/hooks/x" + body + ts));
    assertThat(new HubSpotAdapter().verify(json(body, Map.of("X-HubSpot-Signature-v3", sig, "X-HubSpot-Request-Timestamp", ts)),
        SECRET, NOW)).isInstanceOf(VendorAdapter.Verification.Verified.class);
    assertThat(new HubSpotAdapter().verify(json(body, Map.of("X-HubSpot-Signature-v3", sig, "X-HubSpot-Request-Timestamp", ts)),
        SECRET, NOW.plusSeconds(600))).isInstanceOf(VendorAdapter.Verification.Unauthorized.class);
  }

  @Test
  void generic_json_pointers_pick_nested_fields() {
    var mapping = Map.of("score", "/answers/nps", "sourceId", "/meta/id", "email", "/who/mail", "comment", "/answers/why",
        "accountId", "/who/company/id");
    ResponseCommand c = only(new GenericAdapter().parse(json("""
        {"meta":{"id":"g-1"},"answers":{"nps":"9","why":"Great"},"who":{"mail":"a@example.com","company":{"id":"acme"}}}""",
        Map.of()), source(Vendor.GENERIC, mapping)));
    assertThat(c.score().value()).isEqualTo(9);
    assertThat(c.sourceId()).isEqualTo("g-1");
    assertThat(c.comment()).isEqualTo("Great");
    assertThat(c.account().externalId()).isEqualTo("acme");
    assertThat(new GenericAdapter().parse(json("{\"answers\":{\"nps\":true}}", Map.of()), source(Vendor.GENERIC, mapping)))
        .isInstanceOf(VendorAdapter.Parsed.Invalid.class);
  }

  @Test
  void qualtrics_form_without_a_score_is_a_thin_event() {
    HookRequest r = new HookRequest("POST", List.of("u"), Map.of("Content-Type", "application/x-www-form-urlencoded"), Map.of(),
        "Topic=surveyengine.completedResponse&ResponseID=R_123&SurveyID=SV_456&BrandID=brand123".getBytes(StandardCharsets.UTF_8));
    assertThat(new QualtricsAdapter().parse(r, source(Vendor.QUALTRICS, Map.of()))).isInstanceOf(VendorAdapter.Parsed.Ignored.class);
  }

  @Test
  void every_vendor_accepts_its_own_test_sample() {
    for (Vendor v : Vendor.values()) {
      HookSource s = source(v, Map.of());
      Samples.Delivery d = Samples.signed(s, "http://127.0.0.1:8080/hooks/" + v.key(), NOW);
      Map<String, String> query = d.url().contains("?token=")
          ? Map.of("token", java.net.URLDecoder.decode(d.url().substring(d.url().indexOf("?token=") + 7), StandardCharsets.UTF_8))
          : Map.of();
      HookRequest r = new HookRequest("POST", List.of(d.url().replaceAll("\\?.*", "")), d.headers(), query, d.body());
      assertThat(v.adapter().verify(r, SECRET, NOW)).as(v.key()).isInstanceOf(VendorAdapter.Verification.Verified.class);
      var parsed = v.adapter().parse(r, s);
      if (v == Vendor.SURVEYMONKEY) assertThat(parsed).as(v.key()).isInstanceOf(VendorAdapter.Parsed.Ignored.class);
      else assertThat(only(parsed).score().value()).as(v.key()).isEqualTo(9);
    }
  }
}
