package dev.followthrough.outreach;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.outreach.Recipients.Resolved;
import dev.followthrough.outreach.domain.DefaultTemplates;
import dev.followthrough.responses.ResponseQueries.ResponseView;
import dev.followthrough.responses.ResponseQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Messages about interventions (the actions module): a personal note to a customer whose feedback led to a
 * change ("you said, we did"), its re-survey with a contact-only survey link, and notices to the team that
 * owns an intervention (its Slack channel and its lead's email, the lead taken from the follow-up team of
 * the same name). Every message has the caller's idempotency key: asking twice sends once.
 */
@Service
public class ActionMessages {

  /** What became of a customer note: {@code queued}, {@code suppressed} (opted out, undeliverable) or {@code skipped}. */
  public record Outcome(String status, String reason) {}

  private final ResponseQueries responses;
  private final CaseQueries cases;
  private final Composer composer;
  private final Templates templates;
  private final Links links;
  private final Recipients recipients;
  private final Outbox outbox;
  private final OutreachSettings settings;
  private final Clock clock;

  ActionMessages(ResponseQueries responses, CaseQueries cases, Composer composer,
                 Templates templates, Links links, Recipients recipients, Outbox outbox, OutreachSettings settings,
                 Clock clock) {
    this.responses = responses;
    this.cases = cases;
    this.composer = composer;
    this.templates = templates;
    this.links = links;
    this.recipients = recipients;
    this.outbox = outbox;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A customer email from template {@code templateKey}, to the contact of {@code responseId}, with the extra
   * variables given ({@code quote}, {@code title}, {@code outcome}, …). With {@code surveyLink}, {@code {{link}}}
   * is a personal survey link for the contact alone (no case). Opt-outs and undeliverable addresses are
   * honoured and recorded in the delivery log.
   */
  public Outcome customerNote(String key, String kind, String templateKey, UUID responseId, Map<String, String> extra,
                              boolean surveyLink) {
    Optional<ResponseView> found = responseId == null ? Optional.empty() : responses.find(responseId);
    var contact = found.map(ResponseView::contact).orElse(null);
    ResponseView r = found.orElse(null);
    String language = composer.language(r);
    Map<String, String> vars = new LinkedHashMap<>();
    String name = contact == null ? null : contact.name();
    vars.put("firstName", DefaultTemplates.firstName(name, language));
    vars.put("contactName", name == null || name.isBlank() ? (contact == null || contact.email() == null ? "" : contact.email()) : name);
    vars.put("sender", settings.senderName());
    vars.put("product", settings.productName());
    vars.putAll(extra);
    UUID contactId = contact == null ? null : contact.id();
    if (surveyLink && contactId != null) vars.put("link", links.surveyLink(null, contactId));
    var t = templates.find(templateKey, language).orElseThrow();
    var rendered = Templates.render(t.subject(), t.body(), vars);
    Instant now = clock.instant();
    Draft d = Draft.email(key, kind, true, null, contactId, responseId, contact == null ? null : contact.email(), language,
        new Draft.Rendered(rendered.subject(), rendered.text(), rendered.html()),
        contactId == null ? null : links.unsubscribeLink(contactId), settings.quiet().sendAt(now, composer.zone(r), null));
    var delivery = composer.deliverToCustomer(d, contact == null ? null : contact.email(), contact != null && contact.optedOut(),
        contactId);
    return new Outcome(delivery.status(), delivery.reason());
  }

  /**
   * A notice to a team: its Slack channel (if it has one) and an email to its lead (the follow-up team of that
   * name), or a delivery-log entry saying why nobody got the email.
   */
  public void teamNotice(String key, String team, String subject, List<String> lines, String consolePath) {
    String link = links.baseUrl() + consolePath;
    composer.slackText("slack.actions", "slack." + key, team, subject, lines);
    // and the signed webhook, for teams whose work lives in a tracker (Jira, Linear…) rather than in Slack or email
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("notice", key.substring(key.indexOf('.') + 1, key.indexOf(':') < 0 ? key.length() : key.indexOf(':')));
    data.put("key", key);
    data.put("team", team);
    data.put("subject", subject);
    data.put("lines", lines);
    data.put("link", link);
    composer.webhook("intervention.notice", data, clock.instant(), null, null);
    String lead = cases.teams().stream().filter(tv -> tv.name().equalsIgnoreCase(team)).map(CaseQueries.TeamView::lead)
        .filter(l -> l != null && !l.isBlank()).findFirst().orElse(null);
    var t = templates.find("actions.team", settings.defaultLanguage()).orElseThrow();
    var rendered = Templates.render(t.subject(), t.body(), Map.of("subject", subject, "lines", String.join("\n", lines),
        "link", link));
    Resolved to = lead == null ? new Resolved.Nobody("team '" + team + "' has no lead to email") : recipients.resolve(lead);
    Draft d = Draft.email(key, "actions.team", false, null, null, null, to instanceof Resolved.To(String m) ? m : lead,
        settings.defaultLanguage(), new Draft.Rendered(rendered.subject(), rendered.text(), rendered.html()), null,
        clock.instant());
    switch (to) {
      case Resolved.To x -> outbox.enqueue(d);
      case Resolved.Nobody n -> outbox.record(d, "skipped", n.reason());
    }
  }
}
