package dev.followthrough.outreach.web;

import dev.followthrough.outreach.Messages;
import dev.followthrough.outreach.Messages.MessageView;
import dev.followthrough.outreach.SlackChannels;
import dev.followthrough.outreach.Templates;
import dev.followthrough.outreach.WebhookSubscriptions;
import dev.followthrough.platform.InvalidField;
import dev.followthrough.platform.Problems;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Outreach over the API: the delivery log ({@code /messages}), retrying dead letters, Slack channels
 * per team, outbound webhook subscriptions and the message templates. Configuration needs a manager.
 */
@RestController
@RequestMapping("/api/v1")
class OutreachApiController {

  private static final Set<String> STATUSES = Set.of("pending", "sending", "sent", "suppressed", "skipped", "dead");

  private final Messages messages;
  private final SlackChannels slack;
  private final WebhookSubscriptions webhooks;
  private final Templates templates;

  OutreachApiController(Messages messages, SlackChannels slack, WebhookSubscriptions webhooks, Templates templates) {
    this.messages = messages;
    this.slack = slack;
    this.webhooks = webhooks;
    this.templates = templates;
  }

  // ---- delivery log -----------------------------------------------------------------------------

  @GetMapping("/messages")
  Map<String, Object> list(@RequestParam(required = false) String caseId, @RequestParam(required = false) String contactId,
                           @RequestParam(required = false) String status, @RequestParam(defaultValue = "200") int limit) {
    if (status != null && !STATUSES.contains(status)) throw new InvalidField("status", "must be one of " + String.join(", ", STATUSES));
    if (limit < 1 || limit > 1000) throw new InvalidField("limit", "must be 1..1000");
    List<MessageView> items = messages.list(uuid(caseId, "caseId"), uuid(contactId, "contactId"), status, limit);
    return Map.of("items", items, "total", items.size());
  }

  @GetMapping("/messages/{id}")
  ResponseEntity<?> one(@PathVariable String id) {
    return messages.find(uuid(id, "id")).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", "no message " + id)));
  }

  @PostMapping("/messages/{id}/retry")
  ResponseEntity<?> retry(@PathVariable String id) {
    UUID m = uuid(id, "id");
    var found = messages.find(m);
    if (found.isEmpty()) return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", "no message " + id));
    if (!messages.retry(m)) {
      return Problems.response(Problems.withField(HttpStatus.CONFLICT, "Not a dead letter", "status",
          "only a dead message can be retried; this one is " + found.get().message().status()));
    }
    return ResponseEntity.accepted().body(messages.find(m).orElseThrow().message());
  }

  // ---- Slack ------------------------------------------------------------------------------------

  @GetMapping("/slack-channels")
  Map<String, Object> slackChannels() {
    return Map.of("channels", slack.list().stream()
        .map(c -> Map.of("team", c.team(), "webhookUrl", c.masked(), "updatedAt", c.updatedAt())).toList());
  }

  /** {@code {"channels": [{"team", "webhookUrl"}]}} replaces the set. */
  @PutMapping("/slack-channels")
  @PreAuthorize("hasRole('MANAGER')")
  Map<String, Object> saveSlack(@RequestBody JsonNode body) {
    JsonNode arr = body == null ? null : body.get("channels");
    if (arr == null || !arr.isArray()) throw new InvalidField("channels", "must be an array of {team, webhookUrl}");
    List<SlackChannels.SlackChannel> list = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonNode c = arr.get(i);
      String team = c.path("team").isString() ? c.get("team").asString().strip() : "";
      String url = c.path("webhookUrl").isString() ? c.get("webhookUrl").asString().strip() : null;
      if (team.isEmpty()) throw new InvalidField("channels[" + i + "].team", "is required");
      int at = i;
      SlackChannels.invalidUrl(url).ifPresent(r -> { throw new InvalidField("channels[" + at + "].webhookUrl", r); });
      list.add(new SlackChannels.SlackChannel(team, url, null));
    }
    slack.replace(list);
    return slackChannels();
  }

  // ---- webhooks ---------------------------------------------------------------------------------

  @GetMapping("/webhooks")
  Map<String, Object> webhooks() {
    return Map.of("subscriptions", webhooks.list(), "eventTypes", WebhookSubscriptions.EVENT_TYPES);
  }

  /** {@code {"url", "eventTypes": [...], "description"}} → 201 with the signing secret (shown once). */
  @PostMapping("/webhooks")
  @PreAuthorize("hasRole('MANAGER')")
  ResponseEntity<?> subscribe(@RequestBody JsonNode body) {
    if (body == null || !body.isObject()) throw new InvalidField("body", "must be a JSON object");
    String url = body.path("url").isString() ? body.get("url").asString() : null;
    SlackChannels.invalidUrl(url).ifPresent(r -> { throw new InvalidField("url", r); });
    List<String> types = new ArrayList<>();
    JsonNode t = body.get("eventTypes");
    if (t != null && t.isArray()) for (JsonNode n : t) types.add(n.asString());
    WebhookSubscriptions.invalidTypes(types).ifPresent(r -> { throw new InvalidField("eventTypes", r); });
    String description = body.path("description").isString() ? body.get("description").asString() : null;
    var s = webhooks.create(url, types, description);
    return ResponseEntity.created(URI.create("/api/v1/webhooks/" + s.id())).body(s);
  }

  @DeleteMapping("/webhooks/{id}")
  @PreAuthorize("hasRole('MANAGER')")
  ResponseEntity<?> unsubscribe(@PathVariable String id) {
    return webhooks.delete(uuid(id, "id")) ? ResponseEntity.noContent().build()
        : Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", "no webhook subscription " + id));
  }

  // ---- templates --------------------------------------------------------------------------------

  @GetMapping("/templates")
  Map<String, Object> templates() {
    return Map.of("templates", templates.list(), "variables", Templates.VARIABLES);
  }

  @GetMapping("/templates/{key}/{language}")
  ResponseEntity<?> template(@PathVariable String key, @PathVariable String language) {
    return templates.find(key, language).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", "no template " + key)));
  }

  /** {@code {"subject", "body"}}; an empty body goes back to the shipped default. */
  @PutMapping("/templates/{key}/{language}")
  @PreAuthorize("hasRole('MANAGER')")
  ResponseEntity<?> saveTemplate(@PathVariable String key, @PathVariable String language, @RequestBody JsonNode body,
                                 Principal principal) {
    if (templates.find(key, language).isEmpty()) {
      return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", "no template " + key));
    }
    if (!language.matches("[a-z]{2,3}")) throw new InvalidField("language", "must be a language code like en");
    String subject = body.path("subject").isString() ? body.get("subject").asString() : "";
    String text = body.path("body").isString() ? body.get("body").asString() : "";
    if (subject.isBlank() && text.isBlank()) {
      templates.reset(key, language);
      return ResponseEntity.ok(templates.find(key, language).orElseThrow());
    }
    if (subject.isBlank()) throw new InvalidField("subject", "is required");
    if (text.isBlank()) throw new InvalidField("body", "is required");
    if (subject.length() > 500) throw new InvalidField("subject", "is longer than 500 characters");
    if (text.length() > 20_000) throw new InvalidField("body", "is longer than 20000 characters");
    return ResponseEntity.ok(templates.save(key, language, subject, text, principal == null ? null : principal.getName()));
  }

  /** {@code {"subject", "body", "comment"?}} rendered with example values. */
  @PostMapping("/templates/preview")
  Templates.Preview preview(@RequestBody JsonNode body) {
    String subject = body.path("subject").isString() ? body.get("subject").asString() : "";
    String text = body.path("body").isString() ? body.get("body").asString() : "";
    String comment = body.path("comment").isString() ? body.get("comment").asString() : null;
    return Templates.render(subject, text, Templates.sample(comment));
  }

  private static UUID uuid(String s, String field) {
    if (s == null || s.isBlank()) return null;
    try {
      return UUID.fromString(s.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidField(field, "must be a UUID");
    }
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
