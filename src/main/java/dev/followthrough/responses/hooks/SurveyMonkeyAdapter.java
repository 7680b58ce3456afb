package dev.followthrough.responses.hooks;

import static dev.followthrough.responses.hooks.Fields.*;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * SurveyMonkey API v3 webhooks are thin: {@code {event_type, object_id, resources{survey_id,…}}}
 * without answers. They are verified and logged, and answered 200 "ignored" with the response id:
 * reading the answers needs a call back to the SurveyMonkey API, which is not built yet. Signed:
 * {@code Sm-Signature: base64(HMAC-SHA1(api_key + "&" + api_secret, body))}; the source's secret is
 * that key, pasted as {@code <api key>&<api secret>}.
 */
final class SurveyMonkeyAdapter implements VendorAdapter {

  @Override
  public Verification verify(HookRequest r, String secret, Instant now) {
    String given = r.header("sm-signature");
    if (given == null) return new Verification.Unauthorized("missing Sm-Signature header");
    String expected = Signatures.base64(Signatures.hmac("HmacSHA1", Signatures.utf8(secret), r.body()));
    return Signatures.same(expected, given) ? new Verification.Verified(null)
        : new Verification.Unauthorized("Sm-Signature does not match");
  }

  @Override
  public Parsed parse(HookRequest r, HookSource source) {
    return Fields.parse(r, root -> {
      if (!root.isObject()) throw new Bad("body", "must be a JSON object");
      String type = text(root, "event_type", "event_type");
      if (type == null) throw new Bad("event_type", "is required");
      if (!type.startsWith("response_")) return new Parsed.Ignored("event " + type + " is not about a response");
      String id = text(root, "object_id", "object_id");
      if (id == null) throw new Bad("object_id", "is required");
      JsonNode res = root.get("resources");
      if (!absent(res) && !res.isObject()) throw new Bad("resources", "must be an object");
      return new Parsed.Ignored("SurveyMonkey sends only ids (" + type + " for response " + id + " of survey "
          + text(res, "survey_id", "resources.survey_id") + "); fetching the answers from SurveyMonkey's API is not built yet");
    });
  }
}
