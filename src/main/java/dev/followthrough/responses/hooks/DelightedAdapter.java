package dev.followthrough.responses.hooks;

import static dev.followthrough.responses.hooks.Fields.*;

import dev.followthrough.responses.domain.Score;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Delighted: {@code {event_type, event_id, event_data}}; {@code survey_response.created} and
 * {@code .updated} carry the same {@code event_data.id}, so a comment added later merges as a
 * revision. Signed: {@code X-Delighted-Webhook-Signature: sha256=hex(HMAC-SHA256(secret, body))}.
 */
final class DelightedAdapter implements VendorAdapter {

  @Override
  public Verification verify(HookRequest r, String secret, Instant now) {
    String given = r.header("x-delighted-webhook-signature");
    if (given == null) return new Verification.Unauthorized("missing X-Delighted-Webhook-Signature header");
    String expected = hex(secret, r.body());
    if (given.startsWith("sha256=")) given = given.substring(7);
    return Signatures.same(expected, given) ? new Verification.Verified(null)
        : new Verification.Unauthorized("X-Delighted-Webhook-Signature does not match");
  }

  static String hex(String secret, byte[] body) {
    return Signatures.hex(Signatures.hmac("HmacSHA256", Signatures.utf8(secret), body));
  }

  @Override
  public Parsed parse(HookRequest r, HookSource source) {
    return Fields.parse(r, root -> {
      if (!root.isObject()) throw new Bad("body", "must be a JSON object");
      String type = text(root, "event_type", "event_type");
      if (type == null) throw new Bad("event_type", "is required");
      if (!type.startsWith("survey_response.")) return new Parsed.Ignored("event " + type + " is not a survey response");
      JsonNode d = object(root, "event_data", "event_data");
      String id = text(d, "id", "event_data.id");
      if (id == null) throw new Bad("event_data.id", "is required");
      Score score = score(d.get("score"), "event_data.score", false);
      JsonNode person = d.get("person");
      if (!absent(person) && !person.isObject()) throw new Bad("event_data.person", "must be an object");
      Map<String, Object> props = simple(d.get("person_properties"));
      String accountId = first(props, "account_id", "Account ID", "company_id");
      String accountName = first(props, "company", "Company", "account_name");
      String externalId = first(props, "customer_id", "Customer ID", "external_id");
      return new Parsed.Commands(List.of(source.command(id, score, text(d, "comment", "event_data.comment"),
          instant(d.get("created_at"), "event_data.created_at"), first(props, "locale", "Locale"), Map.of(),
          HookSource.contact(externalId, text(person, "email", "event_data.person.email"),
              text(person, "name", "event_data.person.name"), props),
          HookSource.account(accountId, accountName))));
    });
  }

  static String first(Map<String, Object> m, String... keys) {
    for (String k : keys) if (m.get(k) != null) return String.valueOf(m.get(k));
    return null;
  }
}
