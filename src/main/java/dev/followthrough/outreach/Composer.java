package dev.followthrough.outreach;

import dev.followthrough.followup.CaseQueries.CaseView;
import dev.followthrough.followup.CaseQueries;
import dev.followthrough.outreach.Recipients.Resolved;
import dev.followthrough.outreach.domain.DefaultTemplates;
import dev.followthrough.platform.CustomerLanguages;
import dev.followthrough.responses.ContactPreferences;
import dev.followthrough.responses.ResponseQueries.ResponseView;
import dev.followthrough.responses.ResponseQueries.ScorePoint;
import dev.followthrough.responses.ResponseQueries;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what happened to a case into messages: who gets what, in which words and language, when
 * (quiet hours), and under which idempotency key. Everything it decides not to send is recorded
 * with the reason, so the delivery log explains silence too.
 */
@Component
class Composer {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  record CaseContext(CaseView c, ResponseView r, List<ScorePoint> scores) {
    ResponseQueries.ContactRef contact() {
      return r == null ? null : r.contact();
    }
  }

  private final CaseQueries cases;
  private final ResponseQueries responses;
  private final ContactPreferences preferences;
  private final Templates templates;
  private final Links links;
  private final Recipients recipients;
  private final SlackChannels slack;
  private final WebhookSubscriptions webhooks;
  private final Outbox outbox;
  private final OutreachSettings settings;
  private final CustomerLanguages languages;
  private final Clock clock;

  Composer(CaseQueries cases, ResponseQueries responses, ContactPreferences preferences, Templates templates, Links links,
           Recipients recipients, SlackChannels slack, WebhookSubscriptions webhooks, Outbox outbox,
           OutreachSettings settings, Clock clock, CustomerLanguages languages) {
    this.languages = languages;
    this.cases = cases;
    this.responses = responses;
    this.preferences = preferences;
    this.templates = templates;
    this.links = links;
    this.recipients = recipients;
    this.slack = slack;
    this.webhooks = webhooks;
    this.outbox = outbox;
    this.settings = settings;
    this.clock = clock;
  }

  Optional<CaseContext> context(UUID caseId) {
    return cases.find(caseId).map(c -> {
      ResponseView r = responses.find(c.responseId()).orElse(null);
      List<ScorePoint> scores = c.contactId() == null ? List.of() : responses.contactScores(c.contactId(), 10);
      return new CaseContext(c, r, scores);
    });
  }

  // ---- customer emails --------------------------------------------------------------------------

  /** The interview invitation of a case on the interview channel: one per case and cycle, ever. */
  void invitation(UUID caseId, int cycle) {
    context(caseId).ifPresent(ctx -> {
      if (!"interview".equals(ctx.c().channel())) return;
      String play = ctx.c().play() == null ? "recover" : ctx.c().play();
      customerEmail(ctx, "invitation", "invitation:" + caseId + ":" + cycle, "invitation." + play,
          links.interviewLink(caseId, ctx.c().contactId()), ctx.c().dueAt());
    });
  }

  /** The re-survey of a resolved case. */
  void resurvey(UUID caseId, Instant at) {
    context(caseId).ifPresent(ctx -> customerEmail(ctx, "resurvey", "resurvey:" + caseId + ":" + at.getEpochSecond(),
        "resurvey", links.surveyLink(caseId, ctx.c().contactId()), null));
  }

  private void customerEmail(CaseContext ctx, String kind, String key, String templateKey, String link, Instant deadline) {
    CaseView c = ctx.c();
    var contact = ctx.contact();
    String language = language(ctx.r());
    String email = contact == null ? null : contact.email();
    Map<String, String> vars = vars(ctx);
    vars.put("firstName", DefaultTemplates.firstName(contact == null ? null : contact.name(), language));
    vars.put("link", link);
    vars.put("expires", Templates.day(links.expiryFromNow().atZone(zone(ctx.r())), language));
    var t = templates.find(templateKey, language).orElseThrow();
    var rendered = Templates.render(t.subject(), t.body(), vars);
    Instant now = clock.instant();
    Instant at = settings.quiet().sendAt(now, zone(ctx.r()), deadline);
    Draft d = Draft.email(key, kind, true, c.id(), c.contactId(), c.responseId(), email, language,
        new Draft.Rendered(rendered.subject(), rendered.text(), rendered.html()),
        c.contactId() == null ? null : links.unsubscribeLink(c.contactId()), at);
    deliverToCustomer(d, email, contact != null && contact.optedOut(), c.contactId());
  }

  /** What became of a customer email: {@code queued}, or {@code skipped} / {@code suppressed} with the reason. */
  record CustomerDelivery(String status, String reason) {}

  /**
   * Queues a customer email, or records in the delivery log why it is not sent: no address, opted out, or an
   * address that bounced. Every customer email passes here.
   */
  CustomerDelivery deliverToCustomer(Draft d, String email, boolean optedOut, UUID contactId) {
    CustomerDelivery result;
    if (email == null || email.isBlank()) {
      result = new CustomerDelivery("skipped", "the contact has no email address");
    } else if (optedOut) {
      result = new CustomerDelivery("suppressed", "contact opted out");
    } else {
      result = preferences.undeliverable(contactId).map(b -> new CustomerDelivery("suppressed", "address undeliverable: " + b))
          .orElse(new CustomerDelivery("queued", null));
    }
    if (result.status().equals("queued")) outbox.enqueue(d);
    else outbox.record(d, result.status(), result.reason());
    return result;
  }

  // ---- staff emails -----------------------------------------------------------------------------

  /** A new case for a person to work (call / email channel): the owner gets the customer's context. */
  void ownerAlert(UUID caseId) {
    context(caseId).ifPresent(ctx -> {
      CaseView c = ctx.c();
      if (!"call".equals(c.channel()) && !"email".equals(c.channel())) return;
      String who = c.owner();
      staffEmail(ctx, "owner_alert", "owner_alert:" + caseId + ":" + c.cycle() + ":" + norm(who), "owner_alert", who,
          c.queued() && who == null ? "queued: no owner yet" : null, Map.of());
    });
  }

  void reminder(UUID caseId, String owner, Instant dueAt) {
    context(caseId).ifPresent(ctx -> staffEmail(ctx, "reminder", "reminder:" + caseId + ":" + dueAt.getEpochSecond(),
        "reminder", owner, null, Map.of()));
  }

  void escalation(UUID caseId, int level, String to, Instant dueAt) {
    context(caseId).ifPresent(ctx -> staffEmail(ctx, "escalation",
        "escalation:" + caseId + ":" + level + ":" + dueAt.getEpochSecond(), "escalation", to, null,
        Map.of("level", Integer.toString(level))));
  }

  private void staffEmail(CaseContext ctx, String kind, String key, String templateKey, String who, String skipReason,
                          Map<String, String> extra) {
    CaseView c = ctx.c();
    Map<String, String> vars = vars(ctx);
    vars.putAll(extra);
    var t = templates.find(templateKey, settings.defaultLanguage()).orElseThrow();
    var rendered = Templates.render(t.subject(), t.body(), vars);
    Resolved to = skipReason != null ? new Resolved.Nobody(skipReason) : recipients.resolve(who);
    String address = to instanceof Resolved.To(String email) ? email : who;
    Draft d = Draft.email(key, kind, false, c.id(), c.contactId(), null, address, settings.defaultLanguage(),
        new Draft.Rendered(rendered.subject(), rendered.text(), rendered.html()), null, clock.instant());
    switch (to) {
      case Resolved.To x -> outbox.enqueue(d);
      case Resolved.Nobody n -> outbox.record(d, "skipped", n.reason());
    }
  }

  // ---- Slack ------------------------------------------------------------------------------------

  void slackNewDetractor(UUID caseId) {
    context(caseId).ifPresent(ctx -> {
      CaseView c = ctx.c();
      if (!"detractor".equals(c.category()) || c.team() == null || slack.webhookUrl(c.team()).isEmpty()) return;
      if (!"call".equals(c.channel()) && !"email".equals(c.channel())) return;
      Map<String, String> v = vars(ctx);
      String title = "New detractor: " + v.get("contactName") + " at " + v.get("account") + " scored " + c.score();
      outbox.enqueue(slackDraft("slack.new_detractor", "slack.new_detractor:" + caseId, c, title, v,
          "Owner: " + (c.owner() == null ? "unassigned (queued)" : c.owner()) + " · due " + v.get("dueAt")));
    });
  }

  void slackEscalation(UUID caseId, int level, String to, Instant dueAt) {
    context(caseId).ifPresent(ctx -> {
      CaseView c = ctx.c();
      if (c.team() == null || slack.webhookUrl(c.team()).isEmpty()) return;
      Map<String, String> v = vars(ctx);
      String title = "Escalated (level " + level + "): " + v.get("contactName") + " at " + v.get("account");
      outbox.enqueue(slackDraft("slack.escalation", "slack.escalation:" + caseId + ":" + level + ":" + dueAt.getEpochSecond(),
          c, title, v, "Missed " + v.get("dueAt") + " · owner " + (c.owner() == null ? "unassigned" : c.owner())
              + " · now with " + (to == null ? "nobody" : to)));
    });
  }

  private Draft slackDraft(String kind, String key, CaseView c, String title, Map<String, String> v, String context) {
    List<Object> blocks = new ArrayList<>();
    blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(title, 150))));
    blocks.add(Map.of("type", "section", "fields", List.of(
        mrkdwn("*Score*\n" + c.score() + " (" + c.category() + ")"),
        mrkdwn("*Account*\n" + slackEscape(v.get("account"))),
        mrkdwn("*ARR*\n" + slackEscape(v.get("arr"))),
        mrkdwn("*Renewal*\n" + slackEscape(v.get("renewal"))))));
    String comment = v.get("comment");
    if (comment != null && !comment.isBlank()) {
      blocks.add(Map.of("type", "section", "text", mrkdwn(">" + slackEscape(cut(comment, 2500)).replace("\n", "\n>"))));
    }
    blocks.add(Map.of("type", "context", "elements", List.of(mrkdwn(slackEscape(context)))));
    blocks.add(Map.of("type", "actions", "elements", List.of(Map.of("type", "button", "text",
        Map.of("type", "plain_text", "text", "Open the case"), "url", v.get("caseLink")))));
    String payload = JSON.writeValueAsString(Map.of("text", title, "blocks", blocks));
    return new Draft(key, kind, "slack", false, c.id(), c.contactId(), null, c.team(), null, null, null, title, title,
        null, payload, null, clock.instant());
  }

  /** A Slack message that is not about one case (the team digest). */
  void slackText(String kind, String key, String team, String title, List<String> lines) {
    if (slack.webhookUrl(team).isEmpty()) return;
    List<Object> blocks = new ArrayList<>();
    blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(title, 150))));
    if (!lines.isEmpty()) {
      blocks.add(Map.of("type", "section", "text", mrkdwn(cut(lines.stream().map(Composer::slackEscape)
          .collect(Collectors.joining("\n")), 2900))));
    }
    String payload = JSON.writeValueAsString(Map.of("text", title, "blocks", blocks));
    outbox.enqueue(new Draft(key, kind, "slack", false, null, null, null, team, null, null, null, title, title, null,
        payload, null, clock.instant()));
  }

  private static Map<String, String> mrkdwn(String text) {
    return Map.of("type", "mrkdwn", "text", text);
  }

  static String slackEscape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ---- webhooks ---------------------------------------------------------------------------------

  /** One signed POST per subscriber of this event type; the event's own fields are the payload's {@code data}. */
  boolean hasWebhookSubscribers(String type) {
    return !webhooks.subscribersOf(type).isEmpty();
  }

  void webhook(String type, Object event, Instant at, UUID caseId, UUID contactId) {
    List<UUID> subscribers = webhooks.subscribersOf(type);
    if (subscribers.isEmpty()) return;
    ObjectNode root = JSON.createObjectNode();
    root.put("type", type);
    root.put("timestamp", (at == null ? clock.instant() : at).toString());
    root.set("data", JSON.valueToTree(event));
    String payload = JSON.writeValueAsString(root);
    String identity = sha256(type + "|" + event);
    for (UUID sub : subscribers) {
      outbox.enqueue(new Draft("webhook:" + sub + ":" + type + ":" + identity, "webhook", "webhook", false, caseId,
          contactId, null, webhooks.target(sub).map(t -> stripQuery(t.url())).orElse(null), sub, type, null, type,
          null, null, payload, null, clock.instant()));
    }
  }

  // ---- variables --------------------------------------------------------------------------------

  Map<String, String> vars(CaseContext ctx) {
    CaseView c = ctx.c();
    ResponseView r = ctx.r();
    Map<String, String> v = new LinkedHashMap<>();
    var contact = ctx.contact();
    String name = contact == null ? null : contact.name();
    String email = contact == null ? null : contact.email();
    v.put("firstName", name == null || name.isBlank() ? "there" : name.strip().split("\\s+")[0]);
    v.put("contactName", name != null && !name.isBlank() ? name : email != null ? email : "an anonymous customer");
    v.put("contactEmail", email == null ? "" : email);
    v.put("score", Integer.toString(c.score()));
    v.put("category", c.category());
    v.put("comment", r == null || r.comment() == null ? "" : r.comment());
    var account = r == null ? null : r.account();
    v.put("account", account == null ? "no account" : account.name() != null ? account.name() : account.externalId());
    v.put("tier", account == null || account.tier() == null ? "—" : account.tier());
    v.put("arr", account == null ? "—" : money(account.arr()));
    v.put("renewal", account == null || account.renewalDate() == null ? "—" : DAY.format(account.renewalDate()));
    v.put("history", ctx.scores().isEmpty() ? Integer.toString(c.score())
        : ctx.scores().stream().map(s -> Integer.toString(s.score())).collect(Collectors.joining(" → ")));
    v.put("priority", Integer.toString(c.priority()));
    v.put("channelLabel", c.channel());
    v.put("play", c.play() == null ? "" : c.play());
    v.put("owner", c.owner() == null ? "unassigned" : c.owner());
    v.put("team", c.team() == null ? "—" : c.team());
    v.put("dueAt", c.dueAt() == null ? "—" : WHEN.format(c.dueAt().atZone(settings.defaultTimeZone())));
    v.put("level", Integer.toString(c.escalationLevel()));
    v.put("caseLink", links.baseUrl() + "/cases/" + c.id());
    v.put("sender", settings.senderName());
    v.put("product", settings.productName());
    return v;
  }

  String when(Instant t) {
    return WHEN.format(t.atZone(settings.defaultTimeZone()));
  }

  ZoneId zone(ResponseView r) {
    for (Map<String, Object> attrs : r == null ? List.<Map<String, Object>>of()
        : java.util.Arrays.asList(r.contact() == null ? null : r.contact().attributes(),
            r.account() == null ? null : r.account().attributes())) {
      if (attrs == null) continue;
      Object tz = attrs.get("timezone");
      if (tz instanceof String s && !s.isBlank()) {
        try {
          return ZoneId.of(s.strip());
        } catch (DateTimeException ignored) {
          // an unknown zone name falls back to the next source
        }
      }
    }
    return settings.defaultTimeZone();
  }

  /**
   * A customer email's language: the contact's {@code language} attribute, else the account's, else the
   * language the response was given in, else the language its comment is written in, else
   * {@code followthrough.default-language} — the first one the customer emails are shipped in.
   */
  String language(ResponseView r) {
    if (r == null) return languages.forEmail();
    return languages.forEmail(attribute(r.contact() == null ? null : r.contact().attributes()),
        attribute(r.account() == null ? null : r.account().attributes()), r.language(),
        "und".equals(r.commentLanguage()) ? null : r.commentLanguage());
  }

  private static String attribute(Map<String, Object> attributes) {
    return attributes != null && attributes.get("language") instanceof String s ? s : null;
  }

  private static String money(BigDecimal arr) {
    if (arr == null) return "—";
    NumberFormat f = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    return f.format(arr);
  }

  private static String norm(String s) {
    return s == null ? "-" : s.strip().toLowerCase(Locale.ROOT);
  }

  private static String cut(String s, int n) {
    return s.length() > n ? s.substring(0, n - 1) + "…" : s;
  }

  private static String stripQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
