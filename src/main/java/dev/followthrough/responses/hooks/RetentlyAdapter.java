package dev.followthrough.responses.hooks;

import static dev.followthrough.responses.hooks.Fields.*;

import dev.followthrough.responses.domain.ResponseCommand;
import dev.followthrough.responses.domain.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Retently: the feedback record ({@code id, customerId, email, firstName, lastName, companyName,
 * score, comment, createdDate, campaignName, metricsType}) alone, in an array or under
 * {@code data}. Retently documents no signature, so the source's secret token authenticates it.
 * Non-NPS metrics (CSAT, CES) are ignored. The company name becomes the account (id and name).
 */
final class RetentlyAdapter implements VendorAdapter {

  @Override
  public Verification verify(HookRequest r, String secret, Instant now) {
    return Signatures.token(r, secret);
  }

  @Override
  public Parsed parse(HookRequest r, HookSource source) {
    return Fields.parse(r, root -> {
      JsonNode list = root.isObject() && root.has("data") ? root.get("data") : root;
      String prefix = list == root ? "" : "data";
      List<JsonNode> items = new ArrayList<>();
      if (list.isArray()) list.forEach(items::add);
      else if (list.isObject()) items.add(list);
      else throw new Bad(prefix.isEmpty() ? "body" : prefix, "must be a feedback object or an array of them");
      List<ResponseCommand> out = new ArrayList<>();
      String why = "no feedback";
      for (int i = 0; i < items.size(); i++) {
        String at = (list.isArray() ? prefix + "[" + i + "]" : prefix);
        at = at.isEmpty() ? "" : at + ".";
        JsonNode f = items.get(i);
        if (!f.isObject()) throw new Bad(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "must be an object");
        String metric = text(f, "metricsType", at + "metricsType");
        if (metric != null && !metric.equalsIgnoreCase("NPS")) { why = "metric " + metric + " is not NPS"; continue; }
        String id = text(f, "id", at + "id");
        if (id == null) throw new Bad(at + "id", "is required");
        Score score = score(f.get("score"), at + "score", false);
        String name = String.join(" ", java.util.stream.Stream.of(text(f, "firstName", at + "firstName"),
            text(f, "lastName", at + "lastName")).filter(java.util.Objects::nonNull).toList());
        Map<String, Object> attributes = new LinkedHashMap<>();
        String campaign = text(f, "campaignName", at + "campaignName");
        if (campaign != null) attributes.put("retently_campaign", campaign);
        String company = text(f, "companyName", at + "companyName");
        out.add(source.command(id, score, text(f, "comment", at + "comment"), instant(f.get("createdDate"), at + "createdDate"),
            null, attributes,
            HookSource.contact(text(f, "customerId", at + "customerId"), text(f, "email", at + "email"), name, Map.of()),
            HookSource.account(company, company)));
      }
      return out.isEmpty() ? new Parsed.Ignored(why) : new Parsed.Commands(out);
    });
  }
}
