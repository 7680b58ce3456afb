package dev.followthrough.outreach;

import dev.followthrough.outreach.domain.DefaultTemplates;
import dev.followthrough.outreach.domain.TemplateText;
import dev.followthrough.platform.CustomerLanguages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Survey-program emails for the surveys module: the NPS question with the 0–10 scale inside the
 * email (one link per score, each opening the survey page with that score), queued once per
 * idempotency key through the outbox like every customer email.
 */
@Service
public class SurveyMail {

  /** {@code link}: the send's personal survey page; the scale links add {@code ?score=N}. */
  public record SurveyEmail(String key, String kind, UUID contactId, String to, String name, String language,
                            String template, String link, ZoneId zone, Instant notBefore) {}

  static final String SCALE_MARK = "[[ft-scale]]";
  private final CustomerLanguages languages;

  private final Templates templates;
  private final Links links;
  private final Outbox outbox;
  private final OutreachSettings settings;
  private final Clock clock;

  SurveyMail(Templates templates, Links links, Outbox outbox, OutreachSettings settings, Clock clock,
             CustomerLanguages languages) {
    this.languages = languages;
    this.templates = templates;
    this.links = links;
    this.outbox = outbox;
    this.settings = settings;
    this.clock = clock;
  }

  /** Queues the email; false when one with this key was queued before (nothing is sent twice). */
  public boolean send(SurveyEmail e) {
    String language = languages.forEmail(e.language()); // the contact's, else its account's, else the default
    Map<String, String> vars = new LinkedHashMap<>();
    String name = e.name();
    vars.put("firstName", DefaultTemplates.firstName(name, language));
    vars.put("contactName", name == null || name.isBlank() ? e.to() : name);
    vars.put("contactEmail", e.to());
    vars.put("link", e.link());
    vars.put("expires", Templates.day(links.expiryFromNow().atZone(e.zone() == null ? settings.defaultTimeZone() : e.zone()), language));
    vars.put("sender", settings.senderName());
    vars.put("product", settings.productName());
    vars.put("scale", SCALE_MARK);
    var t = templates.find(e.template(), language).orElseThrow(() -> new IllegalArgumentException("no template " + e.template()));
    var r = Templates.render(t.subject(), t.body(), vars);
    Draft d = Draft.email(e.key(), e.kind(), true, null, e.contactId(), null, e.to(), language,
        new Draft.Rendered(r.subject(), r.text().replace(SCALE_MARK, scaleText(e.link())), scaleHtml(r.html(), e.link())),
        links.unsubscribeLink(e.contactId()), e.notBefore() == null ? clock.instant() : e.notBefore());
    return outbox.enqueue(d).isPresent();
  }

  static String scaleText(String link) {
    StringBuilder b = new StringBuilder();
    for (int s = 0; s <= 10; s++) b.append(s).append(": ").append(link).append("?score=").append(s).append('\n');
    return b.toString().strip();
  }

  /** The scale as a row of buttons; the paragraph that held the mark becomes the table. */
  static String scaleHtml(String html, String link) {
    StringBuilder t = new StringBuilder("<table role=\"presentation\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin:0 0 1em\"><tr>");
    for (int s = 0; s <= 10; s++) {
      String color = s <= 6 ? "#d1242f" : s <= 8 ? "#9a6700" : "#1a7f37";
      t.append("<td style=\"padding:2px\"><a data-score=\"").append(s).append("\" href=\"")
          .append(link.replace("&", "&amp;").replace("\"", "&quot;")).append("?score=").append(s)
          .append("\" style=\"display:inline-block;min-width:28px;padding:8px 4px;text-align:center;border:1px solid ")
          .append(color).append(";border-radius:4px;color:").append(color)
          .append(";text-decoration:none;font-weight:600\">").append(s).append("</a></td>");
    }
    t.append("</tr></table>");
    String para = "<p style=\"margin:0 0 1em\">" + TemplateText.escape(SCALE_MARK) + "</p>";
    return html.contains(para) ? html.replace(para, t.toString()) : html.replace(TemplateText.escape(SCALE_MARK), t.toString());
  }
}
