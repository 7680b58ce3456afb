package dev.followthrough.responses.hooks;

import static dev.followthrough.responses.hooks.Fields.*;

import dev.followthrough.responses.domain.ResponseCommand;
import dev.followthrough.responses.domain.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot feedback submissions (NPS surveys). A workflow's "Send a webhook" action posts the
 * record with its properties ({@code hs_response_value}, {@code hs_content},
 * {@code hs_survey_type}, …), alone or in an array; a subscription event that carries only an
 * {@code objectId} is thin and ignored with that reason. Non-NPS surveys (CSAT, CES) are ignored.
 * Signed (v3): {@code X-HubSpot-Signature-v3 = base64(HMAC-SHA256(client secret, method + URL +
 * body + timestamp))} with {@code X-HubSpot-Request-Timestamp} (ms) no older than 5 minutes; the
 * URL is the one HubSpot called, so both the public base URL and the request's own URL are tried.
 */
final class HubSpotAdapter implements VendorAdapter {

  @Override
  public Verification verify(HookRequest r, String secret, Instant now) {
    String given = r.header("x-hubspot-signature-v3");
    String ts = r.header("x-hubspot-request-timestamp");
    if (given == null || ts == null)
      return new Verification.Unauthorized("missing X-HubSpot-Signature-v3 or X-HubSpot-Request-Timestamp header");
    long ms;
    try {
      ms = Long.parseLong(ts.strip());
    } catch (NumberFormatException e) {
      return new Verification.Unauthorized("X-HubSpot-Request-Timestamp is not milliseconds");
    }
    if (!Signatures.fresh(Instant.ofEpochMilli(ms), now))
      return new Verification.Unauthorized("stale: X-HubSpot-Request-Timestamp is more than 5 minutes from now");
    for (String url : r.urls()) {
      String expected = Signatures.base64(Signatures.hmac("HmacSHA256", Signatures.utf8(secret),
          Signatures.utf8(r.method() + decode(url)), r.body(), Signatures.utf8(ts.strip())));
      if (Signatures.same(expected, given)) return new Verification.Verified("hs:" + given.strip());
    }
    return new Verification.Unauthorized("X-HubSpot-Signature-v3 does not match (is the public base URL the one HubSpot calls?)");
  }

  /** HubSpot signs the URI with these characters decoded. */
  static String decode(String url) {
    String[][] pairs = {{"%3A", ":"}, {"%2F", "/"}, {"%3F", "?"}, {"%40", "@"}, {"%21", "!"}, {"%24", "$"}, {"%27", "'"},
        {"%28", "("}, {"%29", ")"}, {"%2A", "*"}, {"%2C", ","}, {"%3B", ";"}};
    for (String[] p : pairs) url = url.replace(p[0], p[1]).replace(p[0].toLowerCase(java.util.Locale.ROOT), p[1]);
    return url;
  }

  @Override
  public Parsed parse(HookRequest r, HookSource source) {
    return Fields.parse(r, root -> {
      List<JsonNode> items = new ArrayList<>();
      if (root.isArray()) root.forEach(items::add);
      else if (root.isObject()) items.add(root);
      else throw new Bad("body", "must be an object or an array of objects");
      List<ResponseCommand> out = new ArrayList<>();
      String why = "no feedback submissions";
      for (int i = 0; i < items.size(); i++) {
        String at = root.isArray() ? "[" + i + "]." : "";
        JsonNode e = items.get(i);
        if (!e.isObject()) throw new Bad(at.isEmpty() ? "body" : "[" + i + "]", "must be an object");
        JsonNode p = e.get("properties");
        if (absent(p)) {
          why = "a thin event (" + text(e, "subscriptionType", at + "subscriptionType") + " for object "
              + text(e, "objectId", at + "objectId") + ") without properties: send the feedback submission's "
              + "properties from a workflow webhook";
          continue;
        }
        if (!p.isObject()) throw new Bad(at + "properties", "must be an object");
        String type = text(p, "hs_survey_type", at + "properties.hs_survey_type");
        if (type != null && !type.equalsIgnoreCase("NPS")) { why = "survey type " + type + " is not NPS"; continue; }
        Score score = score(p.get("hs_response_value"), at + "properties.hs_response_value", true);
        String id = text(e, "id", at + "id");
        if (id == null) id = text(e, "objectId", at + "objectId");
        if (id == null) id = text(p, "hs_object_id", at + "properties.hs_object_id");
        if (id == null) throw new Bad(at + "id", "is required (or properties.hs_object_id)");
        String contactId = text(e.path("associations").path("contacts").path("results").path(0), "id",
            at + "associations.contacts.results[0].id");
        if (contactId == null) contactId = text(p, "hs_contact_id", at + "properties.hs_contact_id");
        Instant at1 = instant(p.get("hs_submission_timestamp"), at + "properties.hs_submission_timestamp");
        if (at1 == null) at1 = instant(p.get("hs_createdate"), at + "properties.hs_createdate");
        String channel = text(p, "hs_survey_channel", at + "properties.hs_survey_channel");
        out.add(source.command(id, score, text(p, "hs_content", at + "properties.hs_content"), at1, null,
            channel == null ? Map.of() : Map.of("hubspot_survey_channel", channel),
            HookSource.contact(contactId, text(p, "email", at + "properties.email"), null, Map.of()),
            HookSource.account(text(p, "hs_company_id", at + "properties.hs_company_id"),
                text(p, "company", at + "properties.company"))));
      }
      return out.isEmpty() ? new Parsed.Ignored(why) : new Parsed.Commands(out);
    });
  }
}
