package dev.followthrough.web;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.outreach.CaughtMail;
import dev.followthrough.outreach.Messages;
import dev.followthrough.outreach.SlackChannels;
import dev.followthrough.outreach.Templates;
import dev.followthrough.outreach.WebhookSubscriptions;
import dev.followthrough.platform.Role;
import dev.followthrough.reporting.ReportingSettings;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outreach in the console: the delivery log with the dead-letter list ("retry" needs an agent),
 * Slack channels and webhook subscriptions (managers), and the template editor with a live preview.
 */
@Controller
class OutreachController {

  private final Messages messages;
  private final SlackChannels slack;
  private final WebhookSubscriptions webhooks;
  private final Templates templates;
  private final CaseQueries cases;
  private final ReportingSettings reporting;
  private final CaughtMail caught;

  OutreachController(Messages messages, SlackChannels slack, WebhookSubscriptions webhooks, Templates templates,
                     CaseQueries cases, ReportingSettings reporting, CaughtMail caught) {
    this.caught = caught;
    this.messages = messages;
    this.slack = slack;
    this.webhooks = webhooks;
    this.templates = templates;
    this.cases = cases;
    this.reporting = reporting;
  }

  @GetMapping("/outreach")
  String page(Model model, Principal principal) {
    String notice = (String) model.getAttribute("notice");
    var created = (WebhookSubscriptions.Subscription) model.getAttribute("created");
    model.addAttribute("view", new OutreachView(messages.deadLetters(100), messages.list(null, null, null, 50),
        slack.list(), webhooks.list(), cases.teams().stream().map(CaseQueries.TeamView::name).toList(),
        WebhookSubscriptions.EVENT_TYPES, ConsoleRoles.atLeast(principal, Role.AGENT),
        ConsoleRoles.atLeast(principal, Role.MANAGER), notice, created, reporting.timeZone()));
    return "outreach/page";
  }

  @PostMapping("/outreach/messages/{id}/retry")
  String retry(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
    ConsoleRoles.require(principal, Role.AGENT);
    UUID m = uuid(id);
    redirect.addFlashAttribute("notice", messages.retry(m) ? "Sending it again now." : "That message is not on the dead-letter list.");
    return "redirect:/outreach";
  }

  @PostMapping("/outreach/slack")
  String saveSlack(@RequestParam String team, @RequestParam(defaultValue = "") String webhookUrl, Principal principal,
                   RedirectAttributes redirect) {
    ConsoleRoles.require(principal, Role.MANAGER);
    if (team.isBlank()) {
      redirect.addFlashAttribute("notice", "Choose a team.");
    } else if (!webhookUrl.isBlank() && SlackChannels.invalidUrl(webhookUrl).isPresent()) {
      redirect.addFlashAttribute("notice", "Webhook URL " + SlackChannels.invalidUrl(webhookUrl).get() + ".");
    } else {
      slack.save(team, webhookUrl);
      redirect.addFlashAttribute("notice", webhookUrl.isBlank() ? "Slack removed for " + team + "." : "Slack channel saved for " + team + ".");
    }
    return "redirect:/outreach";
  }

  @PostMapping("/outreach/webhooks")
  String subscribe(@RequestParam(defaultValue = "") String url, @RequestParam(name = "eventTypes", required = false) List<String> types,
                   @RequestParam(defaultValue = "") String description, Principal principal, RedirectAttributes redirect) {
    ConsoleRoles.require(principal, Role.MANAGER);
    var badUrl = SlackChannels.invalidUrl(url);
    var badTypes = WebhookSubscriptions.invalidTypes(types == null ? List.of() : types);
    if (badUrl.isPresent()) redirect.addFlashAttribute("notice", "URL " + badUrl.get() + ".");
    else if (badTypes.isPresent()) redirect.addFlashAttribute("notice", "Event types: " + badTypes.get() + ".");
    else redirect.addFlashAttribute("created", webhooks.create(url, types, description.isBlank() ? null : description));
    return "redirect:/outreach";
  }

  @PostMapping("/outreach/webhooks/{id}/delete")
  String deleteWebhook(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
    ConsoleRoles.require(principal, Role.MANAGER);
    redirect.addFlashAttribute("notice", webhooks.delete(uuid(id)) ? "Subscription deleted." : "No such subscription.");
    return "redirect:/outreach";
  }

  // ---- outbox viewer (mail catcher) ------------------------------------------------------------------

  /**
   * The emails kept because no SMTP server is configured. Their links are live customer links
   * (interview, survey, unsubscribe), so only agents and up may open them.
   */
  @GetMapping("/outreach/preview")
  String outbox(Model model, Principal principal) {
    ConsoleRoles.require(principal, Role.AGENT);
    model.addAttribute("view", new OutboxView(caught.catching(), caught.count(), caught.list(200), null,
        reporting.timeZone()));
    return "outreach/outbox";
  }

  @GetMapping("/outreach/preview/{id}")
  String caughtEmail(@PathVariable String id, Model model, Principal principal) {
    ConsoleRoles.require(principal, Role.AGENT);
    var email = caught.find(uuid(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("view", new OutboxView(caught.catching(), caught.count(), caught.list(200), email,
        reporting.timeZone()));
    return "outreach/outbox";
  }

  // ---- templates ----------------------------------------------------------------------------------

  @GetMapping("/outreach/templates")
  String templates() {
    return "redirect:/outreach/templates/invitation.recover/en";
  }

  @GetMapping("/outreach/templates/{key}/{language}")
  String edit(@PathVariable String key, @PathVariable String language, Model model, Principal principal) {
    var t = templates.find(key, language).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String comment = null;
    model.addAttribute("view", new OutreachTemplateView(templates.list(), t, t.subject(), t.body(), comment,
        Templates.render(t.subject(), t.body(), Templates.sample(comment)), Templates.VARIABLES,
        ConsoleRoles.atLeast(principal, Role.MANAGER), (String) model.getAttribute("notice"), null));
    return "outreach/template";
  }

  @PostMapping("/outreach/templates/{key}/{language}")
  String save(@PathVariable String key, @PathVariable String language, @RequestParam(defaultValue = "") String subject,
              @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "save") String action,
              Model model, Principal principal, RedirectAttributes redirect) {
    ConsoleRoles.require(principal, Role.MANAGER);
    var t = templates.find(key, language).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (action.equals("reset")) {
      templates.reset(key, language);
      redirect.addFlashAttribute("notice", "Back to the shipped default.");
      return "redirect:/outreach/templates/" + key + "/" + language;
    }
    if (subject.isBlank() || body.isBlank() || subject.length() > 500 || body.length() > 20_000) {
      model.addAttribute("view", new OutreachTemplateView(templates.list(), t, subject, body, null,
          Templates.render(subject, body, Templates.sample(null)), Templates.VARIABLES, true, null,
          "Subject and body are both required (subject ≤ 500, body ≤ 20,000 characters)."));
      return "outreach/template";
    }
    templates.save(key, language, subject, body, principal.getName());
    redirect.addFlashAttribute("notice", "Template saved. New messages use it from now on.");
    return "redirect:/outreach/templates/" + key + "/" + language;
  }

  /** htmx: the live preview of what is in the editor (customer text escaped in the HTML part). */
  @PostMapping("/outreach/templates/preview")
  String preview(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
                 @RequestParam(required = false) String comment, Model model) {
    model.addAttribute("preview", Templates.render(subject, body, Templates.sample(comment)));
    return "outreach/preview";
  }

  private static UUID uuid(String s) {
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }
}
