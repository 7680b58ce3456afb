package dev.followthrough.responses.hooks;

import static dev.followthrough.responses.hooks.Fields.*;

import dev.followthrough.responses.domain.Score;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Typeform {@code form_response}: answers joined to their field by id or ref. The score is the
 * answer to the field of type {@code nps}, or to the field whose ref or id the source's mapping
 * names ({@code score}); a form without one is ignored (200), not refused: it may be any other form
 * the webhook is attached to. Contact ids come from hidden fields. The response {@code token} is the
 * source id. Signed: {@code Typeform-Signature: sha256=base64(HMAC-SHA256(secret, body))}.
 */
final class TypeformAdapter implements VendorAdapter {

  @Override
  public Verification verify(HookRequest r, String secret, Instant now) {
    String given = r.header("typeform-signature");
    if (given == null) return new Verification.Unauthorized("missing Typeform-Signature header");
    String expected = "sha256=" + Signatures.base64(Signatures.hmac("HmacSHA256", Signatures.utf8(secret), r.body()));
    return Signatures.same(expected, given) ? new Verification.Verified(null)
        : new Verification.Unauthorized("Typeform-Signature does not match");
  }

  @Override
  public Parsed parse(HookRequest r, HookSource source) {
    return Fields.parse(r, root -> {
      if (!root.isObject()) throw new Bad("body", "must be a JSON object");
      String type = text(root, "event_type", "event_type");
      if (type != null && !type.equals("form_response")) return new Parsed.Ignored("event " + type + " is not a form response");
      JsonNode fr = object(root, "form_response", "form_response");
      String token = text(fr, "token", "form_response.token");
      if (token == null) throw new Bad("form_response.token", "is required");
      JsonNode answers = fr.get("answers");
      if (absent(answers)) answers = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      if (!answers.isArray()) throw new Bad("form_response.answers", "must be an array");
      String scoreRef = source.mapped("score");
      Score score = null;
      String comment = null;
      String email = null;
      for (int i = 0; i < answers.size(); i++) {
        JsonNode a = answers.get(i);
        JsonNode field = a.get("field");
        String fieldType = text(field, "type", "form_response.answers[" + i + "].field.type");
        boolean isScore = scoreRef != null ? matches(field, scoreRef) : "nps".equals(fieldType);
        if (isScore && score == null) {
          score = score(a.get("number"), "form_response.answers[" + i + "].number", false);
        } else if (source.mapped("comment") != null ? matches(field, source.mapped("comment"))
            : comment == null && "long_text".equals(fieldType)) {
          comment = text(a, "text", "form_response.answers[" + i + "].text");
        } else if (email == null && "email".equals(text(a, "type", "form_response.answers[" + i + "].type"))) {
          email = text(a, "email", "form_response.answers[" + i + "].email");
        }
      }
      if (score == null) return new Parsed.Ignored(scoreRef != null ? "no answer to the score field '" + scoreRef + "'"
          : "the form has no NPS question (a field of type nps); name the score field's ref in the source's mapping");
      JsonNode hidden = fr.get("hidden");
      String externalId = text(hidden, or(source.mapped("externalId"), "user_id"), "form_response.hidden");
      if (email == null) email = text(hidden, "email", "form_response.hidden.email");
      String accountId = text(hidden, or(source.mapped("accountId"), "account_id"), "form_response.hidden");
      String accountName = text(hidden, or(source.mapped("accountName"), "account_name"), "form_response.hidden");
      String form = text(fr, "form_id", "form_response.form_id");
      return new Parsed.Commands(List.of(source.command(token, score, comment,
          instant(fr.get("submitted_at"), "form_response.submitted_at"), null,
          form == null ? Map.of() : Map.of("typeform_form_id", form),
          HookSource.contact(externalId, email, text(hidden, "name", "form_response.hidden.name"), Map.of()),
          HookSource.account(accountId, accountName))));
    });
  }

  private static boolean matches(JsonNode field, String refOrId) {
    if (field == null) return false;
    JsonNode ref = field.get("ref");
    JsonNode id = field.get("id");
    return (ref != null && ref.isString() && refOrId.equals(ref.asString()))
        || (id != null && id.isString() && refOrId.equals(id.asString()));
  }

  static String or(String a, String b) {
    return a != null ? a : b;
  }
}
