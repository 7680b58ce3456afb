package dev.followthrough.responses.hooks;

import static dev.followthrough.responses.hooks.Fields.*;

import dev.followthrough.responses.domain.Score;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Qualtrics event subscription {@code surveyengine.completedResponse.{SurveyID}}: a form-encoded
 * body ({@code Topic, Status, SurveyID, ResponseID, CompletedDate, BrandID}). The event itself has
 * no answers; add them as extra form fields with piped text in a workflow web-service task
 * ({@code Score=${q://QID1/ChoiceNumericEntryValue}}, {@code Comment}, {@code Email},
 * {@code ExternalReference}, {@code Name}, {@code AccountID}, {@code AccountName}). Without a score
 * the delivery is ignored. Qualtrics does not sign plain subscriptions, so the source's token
 * authenticates it ({@code ?token=} in the subscription URL).
 */
final class QualtricsAdapter implements VendorAdapter {

  @Override
  public Verification verify(HookRequest r, String secret, Instant now) {
    return Signatures.token(r, secret);
  }

  @Override
  public Parsed parse(HookRequest r, HookSource source) {
    if (!r.formEncoded()) return Fields.parse(r, root -> read(root, source));
    try {
      return Fields.read(form(r.text()), root -> read(root, source));
    } catch (Bad b) {
      return new Parsed.Malformed(b.getMessage());
    }
  }

  private Parsed read(JsonNode f, HookSource source) {
    if (!f.isObject()) throw new Bad("body", "must be form fields or a JSON object");
    String topic = any(f, "Topic", "topic");
    if (topic != null && !topic.contains("completedResponse")) return new Parsed.Ignored("topic " + topic + " is not a completed response");
    String id = any(f, "ResponseID", "ResponseId", "responseId");
    if (id == null) throw new Bad("ResponseID", "is required");
    String scoreField = f.has("Score") ? "Score" : f.has("NPS") ? "NPS" : f.has("score") ? "score" : null;
    if (scoreField == null || absent(f.get(scoreField)) || text(f, scoreField, scoreField) == null)
      return new Parsed.Ignored("completed response " + id + " carries no Score field: Qualtrics sends only ids; add "
          + "Score=${q://QIDn/ChoiceNumericEntryValue} to the web-service task");
    Score score = score(f.get(scoreField), scoreField, true);
    Map<String, Object> attributes = new LinkedHashMap<>();
    String survey = any(f, "SurveyID", "SurveyId", "surveyId");
    if (survey != null) attributes.put("qualtrics_survey_id", survey);
    String name = any(f, "Name", "RecipientName");
    return new Parsed.Commands(List.of(source.command(id, score, any(f, "Comment", "comment"),
        instant(f.get("CompletedDate"), "CompletedDate"), any(f, "Language", "Q_Language"), attributes,
        HookSource.contact(any(f, "ExternalReference", "ExternalDataReference", "RecipientID"),
            any(f, "Email", "RecipientEmail"), name, Map.of()),
        HookSource.account(any(f, "AccountID", "AccountId"), any(f, "AccountName")))));
  }

  private static String any(JsonNode f, String... names) {
    for (String n : names) {
      String v = text(f, n, n);
      if (v != null) return v;
    }
    return null;
  }
}
