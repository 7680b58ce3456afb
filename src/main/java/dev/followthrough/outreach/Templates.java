package dev.followthrough.outreach;

import dev.followthrough.outreach.domain.DefaultTemplates;
import dev.followthrough.outreach.domain.TemplateText;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Message templates: the shipped defaults ({@link DefaultTemplates}) and the edits saved in the
 * console or API, per key and language. Lookup: the edit in the customer's language, the default in
 * that language, the edit in English, the English default.
 */
@Service
public class Templates {

  /** {@code edited}: a saved edit overrides the default. */
  public record Template(String key, String language, String label, boolean customer, String subject, String body,
                         boolean edited, Instant updatedAt, String updatedBy) {}

  /** A rendered message: subject, plain text, and the HTML part (customer text escaped). */
  public record Preview(String subject, String text, String html) {}

  /** The variables a template may use, with what they hold. */
  public static final Map<String, String> VARIABLES;

  static {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("firstName", "the contact's first name, else \"there\"");
    v.put("contactName", "the contact's name, else their email");
    v.put("contactEmail", "the contact's email");
    v.put("score", "the score 0–10");
    v.put("category", "detractor / passive / promoter");
    v.put("comment", "the customer's comment (escaped in HTML)");
    v.put("account", "the account's name");
    v.put("tier", "the account's tier");
    v.put("arr", "the account's ARR");
    v.put("renewal", "the account's renewal date");
    v.put("history", "the contact's recent scores, oldest first");
    v.put("priority", "the case's priority 0–100");
    v.put("channelLabel", "call / email / interview");
    v.put("play", "recover / improve / thank_and_refer");
    v.put("owner", "the case's owner");
    v.put("team", "the case's team");
    v.put("dueAt", "the SLA deadline");
    v.put("level", "the escalation level");
    v.put("caseLink", "the case in the console");
    v.put("link", "the customer's personal interview or survey link");
    v.put("expires", "when that link stops working");
    v.put("scale", "survey emails: the 0–10 scale, one link per score");
    v.put("sender", "followthrough.outreach.sender-name");
    v.put("product", "followthrough.outreach.product-name");
    v.put("openCount", "digest: open cases");
    v.put("overdueCount", "digest: overdue cases");
    v.put("dueTodayCount", "digest: cases due today");
    v.put("cases", "digest: one line per case");
    v.put("inboxLink", "digest: the console's inbox");
    v.put("quote", "you said, we did: the customer's own words, as coded");
    v.put("title", "you said, we did: the intervention's title");
    v.put("outcome", "you said, we did: the outcome it promises");
    v.put("subject", "team notice: the subject");
    v.put("lines", "team notice: one line per item");
    VARIABLES = Map.copyOf(v);
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  Templates(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Every message in English; the customer messages also in each language they are shipped in. */
  public List<Template> list() {
    return DefaultTemplates.KINDS.stream().flatMap(k -> DefaultTemplates.languages().stream()
        .filter(l -> DefaultTemplates.shipped(k.key(), l)).map(l -> find(k.key(), l).orElseThrow())).toList();
  }

  /** The date a link expires on, as the customer's language writes it ("7 Dec 2026", "7 déc. 2026"). */
  public static String day(java.time.ZonedDateTime at, String language) {
    if (language == null || language.equals("en")) return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH).format(at);
    return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
        .withLocale(java.util.Locale.forLanguageTag(language)).format(at);
  }

  public Optional<Template> find(String key, String language) {
    if (!DefaultTemplates.known(key)) return Optional.empty();
    String lang = language == null || language.isBlank() ? "en" : language;
    var kind = DefaultTemplates.KINDS.stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow();
    Optional<Template> edited = jdbc.sql("SELECT subject, body, updated_at, updated_by FROM outreach_template WHERE key = :k AND language = :l")
        .param("k", key).param("l", lang)
        .query((rs, i) -> new Template(key, lang, kind.label(), kind.customer(), rs.getString(1), rs.getString(2), true,
            rs.getTimestamp(3).toInstant(), rs.getString(4)))
        .optional();
    if (edited.isPresent()) return edited;
    var d = DefaultTemplates.find(key, lang).orElseThrow();
    if (!d.language().equals(lang) && !lang.equals("en")) {
      Optional<Template> english = find(key, "en");
      if (english.isPresent()) return english.map(t -> new Template(key, lang, t.label(), t.customer(), t.subject(), t.body(), t.edited(), t.updatedAt(), t.updatedBy()));
    }
    return Optional.of(new Template(key, lang, kind.label(), kind.customer(), d.subject(), d.body(), false, null, null));
  }

  public Template save(String key, String language, String subject, String body, String by) {
    if (!DefaultTemplates.known(key)) throw new IllegalArgumentException("unknown template " + key);
    jdbc.sql("""
        INSERT INTO outreach_template (key, language, subject, body, updated_at, updated_by) VALUES (:k, :l, :s, :b, :now, :by)
        ON CONFLICT (key, language) DO UPDATE SET subject = excluded.subject, body = excluded.body,
               updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
        .param("k", key).param("l", language).param("s", subject).param("b", body)
        .param("now", Timestamp.from(clock.instant())).param("by", by).update();
    return find(key, language).orElseThrow();
  }

  /** Back to the shipped default. */
  public void reset(String key, String language) {
    jdbc.sql("DELETE FROM outreach_template WHERE key = :k AND language = :l").param("k", key).param("l", language).update();
  }

  /** Renders a subject and body with these variables; the HTML part escapes every character of text. */
  public static Preview render(String subject, String body, Map<String, String> vars) {
    String s = TemplateText.render(subject, vars).strip().replaceAll("[\\r\\n]+", " ");
    String text = TemplateText.render(body, vars);
    return new Preview(s, text, TemplateText.html(text));
  }

  /** Example values for the live preview; {@code comment} is the one the editor lets you change. */
  public static Map<String, String> sample(String comment) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("firstName", "Dana");
    v.put("contactName", "Dana Ruiz");
    v.put("contactEmail", "dana@acme.example");
    v.put("score", "4");
    v.put("category", "detractor");
    v.put("comment", comment == null ? "Exports keep timing out on big projects." : comment);
    v.put("account", "Acme");
    v.put("tier", "enterprise");
    v.put("arr", "$120,000");
    v.put("renewal", "31 Jan 2027");
    v.put("history", "9 → 7 → 4");
    v.put("priority", "72");
    v.put("channelLabel", "call");
    v.put("play", "recover");
    v.put("owner", "sam@us.example");
    v.put("team", "cx-leads");
    v.put("dueAt", "25 Nov 2026, 14:00 UTC");
    v.put("level", "1");
    v.put("caseLink", "https://followthrough.example/cases/0190c0de-0000-7000-8000-000000000000");
    v.put("link", "https://followthrough.example/i/example-token");
    v.put("expires", "7 Dec 2026");
    v.put("scale", "0 1 2 3 4 5 6 7 8 9 10 (one link each)");
    v.put("sender", "The customer team");
    v.put("product", "our product");
    v.put("openCount", "3");
    v.put("overdueCount", "1");
    v.put("dueTodayCount", "1");
    v.put("cases", "- [overdue] Dana Ruiz at Acme, score 4 — https://followthrough.example/cases/…");
    v.put("inboxLink", "https://followthrough.example/cases");
    v.put("quote", "Exports keep timing out on big projects.");
    v.put("title", "Exports run in the background and arrive by email");
    v.put("outcome", "Exports of any size finish within two minutes");
    v.put("subject", "Late: Exports run in the background");
    v.put("lines", "- Exports run in the background (product), due 1 Dec 2026");
    return v;
  }
}
