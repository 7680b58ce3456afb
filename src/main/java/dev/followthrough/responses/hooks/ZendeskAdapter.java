package dev.followthrough.responses.hooks;

import static dev.followthrough.responses.hooks.Fields.*;

import dev.followthrough.responses.domain.Score;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk has no fixed survey body: a trigger ("Satisfaction changed", or a 0–10 survey) notifies a
 * webhook with JSON built from placeholders (see the README), or the {@code satisfaction_rating}
 * object as the API returns it. A 0–10 score (number or numeric string, as placeholders render)
 * is a response; CSAT {@code good}/{@code bad}/{@code offered} is not a 0–10 score and is ignored
 * (200) with that reason. Signed: {@code X-Zendesk-Webhook-Signature =
 * base64(HMAC-SHA256(secret, timestamp + body))} with {@code X-Zendesk-Webhook-Signature-Timestamp}
 * no older than 5 minutes; the invocation id (or the signature) is the replay key.
 */
final class ZendeskAdapter implements VendorAdapter {

  private static final Set<String> CSAT = Set.of("good", "bad", "offered", "unoffered");

  @Override
  public Verification verify(HookRequest r, String secret, Instant now) {
    String given = r.header("x-zendesk-webhook-signature");
    String ts = r.header("x-zendesk-webhook-signature-timestamp");
    if (given == null || ts == null)
      return new Verification.Unauthorized("missing X-Zendesk-Webhook-Signature or X-Zendesk-Webhook-Signature-Timestamp header");
    Instant signedAt;
    try {
      signedAt = instant(ts, "X-Zendesk-Webhook-Signature-Timestamp");
    } catch (Bad b) {
      return new Verification.Unauthorized("X-Zendesk-Webhook-Signature-Timestamp is not a timestamp");
    }
    if (!Signatures.fresh(signedAt, now))
      return new Verification.Unauthorized("stale: X-Zendesk-Webhook-Signature-Timestamp is more than 5 minutes from now");
    String expected = Signatures.base64(Signatures.hmac("HmacSHA256", Signatures.utf8(secret), Signatures.utf8(ts), r.body()));
    if (!Signatures.same(expected, given)) return new Verification.Unauthorized("X-Zendesk-Webhook-Signature does not match");
    String invocation = r.header("x-zendesk-webhook-invocation-id");
    return new Verification.Verified("zd:" + (invocation != null ? invocation : given.strip()));
  }

  @Override
  public Parsed parse(HookRequest r, HookSource source) {
    return Fields.parse(r, root -> {
      if (!root.isObject()) throw new Bad("body", "must be a JSON object");
      JsonNode rating = root.has("satisfaction_rating") ? object(root, "satisfaction_rating", "satisfaction_rating") : root;
      String at = rating == root ? "" : "satisfaction_rating.";
      String scoreName = rating.has("score") ? "score" : "rating";
      JsonNode raw = rating.get(scoreName);
      if (!absent(raw) && raw.isString() && CSAT.contains(raw.asString().strip().toLowerCase(java.util.Locale.ROOT)))
        return new Parsed.Ignored("CSAT rating '" + raw.asString().strip() + "' is not a 0–10 score");
      Score score = score(raw, at + scoreName, true);
      String id = text(rating, "id", at + "id");
      String ticket = text(rating, "ticket_id", at + "ticket_id");
      if (id == null && ticket == null) throw new Bad(at + "id", "is required (or ticket_id)");
      Map<String, Object> attributes = new LinkedHashMap<>();
      if (ticket != null) attributes.put("zendesk_ticket_id", ticket);
      String requesterId = text(rating, "requester_id", at + "requester_id");
      return new Parsed.Commands(List.of(source.command(id != null ? id : "ticket-" + ticket, score,
          text(rating, "comment", at + "comment"),
          instant(rating.get("created_at"), at + "created_at"), text(rating, "locale", at + "locale"), attributes,
          HookSource.contact(requesterId, text(rating, "requester_email", at + "requester_email"),
              text(rating, "requester_name", at + "requester_name"), Map.of()),
          HookSource.account(text(rating, "organization_id", at + "organization_id"),
              text(rating, "organization_name", at + "organization_name")))));
    });
  }
}
