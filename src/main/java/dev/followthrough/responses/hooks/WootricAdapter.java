package dev.followthrough.responses.hooks;

import static dev.followthrough.responses.hooks.Fields.*;

import dev.followthrough.responses.domain.Score;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wootric (InMoment): JSON or URL-encoded ({@code response[score]=7}), chosen in Wootric's webhook
 * settings. The score may be the string "10", timestamps may be "2018-03-28 15:06:23 -0700", and
 * the documented decline example has a trailing comma, so trailing commas are tolerated. Score and
 * comment often come as {@code created} then {@code updated} with the same {@code response.id}.
 * Signed: {@code X-Wootric-Signature: sha1=hex(HMAC-SHA1(secret, body))}.
 */
final class WootricAdapter implements VendorAdapter {

  private static final JsonMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

  @Override
  public Verification verify(HookRequest r, String secret, Instant now) {
    String given = r.header("x-wootric-signature");
    if (given == null) return new Verification.Unauthorized("missing X-Wootric-Signature header");
    String expected = "sha1=" + Signatures.hex(Signatures.hmac("HmacSHA1", Signatures.utf8(secret), r.body()));
    return Signatures.same(expected, given) ? new Verification.Verified(null)
        : new Verification.Unauthorized("X-Wootric-Signature does not match");
  }

  @Override
  public Parsed parse(HookRequest r, HookSource source) {
    String text = r.text().strip();
    JsonNode root;
    if (r.formEncoded() || (!text.startsWith("{") && text.contains("="))) {
      try {
        root = form(text);
      } catch (Bad b) {
        return new Parsed.Malformed(b.getMessage());
      }
    } else {
      try {
        root = LENIENT.readTree(text);
      } catch (JacksonException e) {
        return new Parsed.Malformed("not valid JSON: " + firstLine(e.getOriginalMessage()));
      }
    }
    return Fields.read(root, n -> read(n, source));
  }

  private Parsed read(JsonNode root, HookSource source) {
    if (root == null || !root.isObject()) throw new Bad("body", "must be a JSON object");
    if (!absent(root.get("decline"))) return new Parsed.Ignored("a decline: the user dismissed the survey without a score");
    String mode = text(root, "survey_mode", "survey_mode");
    if (mode != null && !mode.equalsIgnoreCase("NPS")) return new Parsed.Ignored("survey mode " + mode + " is not NPS");
    JsonNode resp = root.get("response");
    if (absent(resp)) return new Parsed.Ignored("no response in this event");
    if (!resp.isObject()) throw new Bad("response", "must be an object");
    String id = text(resp, "id", "response.id");
    if (id == null) throw new Bad("response.id", "is required");
    Score score = score(resp.get("score"), "response.score", true);
    Map<String, Object> attributes = new LinkedHashMap<>();
    String survey = text(resp, "survey_id", "response.survey_id");
    if (survey != null) attributes.put("wootric_survey_id", survey);
    return new Parsed.Commands(List.of(source.command(id, score, text(resp, "text", "response.text"),
        instant(resp.get("created_at"), "response.created_at"), null, attributes,
        HookSource.contact(text(resp, "external_id", "response.external_id"), text(resp, "email", "response.email"), null,
            simple(resp.get("end_user_properties"))),
        null)));
  }
}
