package dev.followthrough.responses.hooks;

import static dev.followthrough.responses.hooks.Fields.*;

import dev.followthrough.responses.domain.ResponseCommand;
import dev.followthrough.responses.domain.Score;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Formbricks: a JSON array of {@code {event, webhookId, data}}; {@code responseCreated},
 * {@code responseUpdated} and {@code responseFinished} share {@code data.id}, so a comment answered
 * after the score merges as a revision. Answers are keyed by question id in {@code data.data}: the
 * score is the question the mapping names ({@code score}), else the only whole-number answer 0–10.
 * A partial response without the score yet is ignored. Signed with Standard Webhooks.
 */
final class FormbricksAdapter implements VendorAdapter {

  @Override
  public Verification verify(HookRequest r, String secret, Instant now) {
    return Signatures.standardWebhooks(r, secret, now);
  }

  @Override
  public Parsed parse(HookRequest r, HookSource source) {
    return Fields.parse(r, root -> {
      List<JsonNode> events = new ArrayList<>();
      if (root.isArray()) root.forEach(events::add);
      else if (root.isObject()) events.add(root);
      else throw new Bad("body", "must be an array of events");
      List<ResponseCommand> out = new ArrayList<>();
      String why = "no events";
      for (int i = 0; i < events.size(); i++) {
        String at = root.isArray() ? "[" + i + "]." : "";
        JsonNode e = events.get(i);
        if (!e.isObject()) throw new Bad(at.isEmpty() ? "body" : "[" + i + "]", "must be an object");
        String event = text(e, "event", at + "event");
        if (event != null && !event.startsWith("response")) { why = "event " + event + " is not about a response"; continue; }
        JsonNode d = object(e, "data", at + "data");
        String id = text(d, "id", at + "data.id");
        if (id == null) throw new Bad(at + "data.id", "is required");
        JsonNode answers = d.get("data");
        if (!absent(answers) && !answers.isObject()) throw new Bad(at + "data.data", "must be an object of answers");
        String question = source.mapped("score");
        Score score = null;
        if (question != null) {
          if (!absent(answers) && !absent(answers.get(question)))
            score = score(answers.get(question), at + "data.data." + question, false);
        } else if (!absent(answers)) {
          List<String> candidates = new ArrayList<>();
          for (var a : answers.properties())
            if (a.getValue().isNumber() && a.getValue().decimalValue().compareTo(BigDecimal.TEN) <= 0
                && a.getValue().decimalValue().signum() >= 0 && a.getValue().decimalValue().stripTrailingZeros().scale() <= 0)
              candidates.add(a.getKey());
          if (candidates.size() == 1) score = score(answers.get(candidates.get(0)), at + "data.data." + candidates.get(0), false);
        }
        if (score == null) {
          why = "response " + id + " has no NPS answer yet" + (question == null
              ? " (name the NPS question's id in the source's mapping 'score')" : " (question " + question + ")");
          continue;
        }
        String comment = source.mapped("comment") == null || absent(answers) ? null
            : text(answers, source.mapped("comment"), at + "data.data." + source.mapped("comment"));
        JsonNode attrs = d.get("contactAttributes");
        JsonNode contact = d.get("contact");
        String externalId = text(attrs, "userId", at + "data.contactAttributes.userId");
        if (externalId == null && !absent(contact) && contact.isObject())
          externalId = text(contact, "userId", at + "data.contact.userId");
        Map<String, Object> attributes = new LinkedHashMap<>();
        String survey = text(d, "surveyId", at + "data.surveyId");
        if (survey != null) attributes.put("formbricks_survey_id", survey);
        out.add(source.command(id, score, comment, instant(d.get("createdAt"), at + "data.createdAt"),
            text(d, "language", at + "data.language"), attributes,
            HookSource.contact(externalId, text(attrs, "email", at + "data.contactAttributes.email"), null, simple(attrs)),
            null));
      }
      return out.isEmpty() ? new Parsed.Ignored(why) : new Parsed.Commands(out);
    });
  }
}
