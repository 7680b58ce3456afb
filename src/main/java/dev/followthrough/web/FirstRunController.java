package dev.followthrough.web;

import dev.followthrough.nps.NpsCounts;
import dev.followthrough.outreach.CaughtMail;
import dev.followthrough.outreach.Messages;
import dev.followthrough.outreach.SlackChannels;
import dev.followthrough.platform.Role;
import dev.followthrough.platform.SetupSteps;
import dev.followthrough.platform.Users;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.hooks.HookSources;
import dev.followthrough.surveys.SurveyPrograms;
import dev.followthrough.triggers.TriggerRules;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Getting started ({@code /start}): the steps from an empty install to a working loop, each ticked
 * off by the state it produces — responses or a source, teammates, reviewed rules, SMTP, Slack, a
 * survey that reached a teammate's own address — never by a click that claims it. Only "I have
 * reviewed the rules" is said by a person, since reading them leaves no trace.
 */
@Controller
class FirstRunController {

  static final String RULES_REVIEWED = "rules-reviewed";

  private final ResponseQueries responses;
  private final HookSources sources;
  private final SurveyPrograms programs;
  private final Users users;
  private final TriggerRules rules;
  private final SetupSteps steps;
  private final CaughtMail caught;
  private final SlackChannels slack;
  private final Messages messages;

  FirstRunController(ResponseQueries responses, HookSources sources, SurveyPrograms programs, Users users,
                     TriggerRules rules, SetupSteps steps, CaughtMail caught, SlackChannels slack, Messages messages) {
    this.responses = responses;
    this.sources = sources;
    this.programs = programs;
    this.users = users;
    this.rules = rules;
    this.steps = steps;
    this.caught = caught;
    this.slack = slack;
    this.messages = messages;
  }

  @GetMapping("/start")
  String page(Model model, Principal principal) {
    model.addAttribute("view", view(ConsoleRoles.atLeast(principal, Role.MANAGER), (String) model.getAttribute("notice")));
    return "start/page";
  }

  @PostMapping("/start/rules-reviewed")
  String rulesReviewed(Principal principal, RedirectAttributes redirect) {
    ConsoleRoles.require(principal, Role.MANAGER);
    steps.mark(RULES_REVIEWED, principal.getName());
    redirect.addFlashAttribute("notice", "Rules marked as reviewed.");
    return "redirect:/start";
  }

  FirstRunView view(boolean canManage, String notice) {
    var filter = ResponseQueries.ResponseFilter.all();
    NpsCounts all = responses.counts(filter);
    NpsCounts demo = responses.counts(new ResponseQueries.ResponseFilter(null, null, null, null, null, null, null, null,
        "demo", null));
    boolean ownData = all.n() - demo.n() > 0 || !sources.list().isEmpty() || !programs.list().isEmpty();
    var people = users.list().stream().filter(u -> !u.disabled()).toList();
    boolean reviewed = steps.done().contains(RULES_REVIEWED) || rules.list().stream().anyMatch(r -> r.version() > 1);
    boolean testSurvey = messages.deliveredTo(people.stream().map(Users.ConsoleUser::email).toList(), "survey");
    List<FirstRunView.Step> list = List.of(
        new FirstRunView.Step("source", "Connect a survey source or import a CSV",
            "Scores from your survey tool's webhook, a survey program of your own, or a CSV of past responses.",
            ownData, "/settings/sources", "Connect a source"),
        new FirstRunView.Step("teammates", "Invite teammates",
            "Owners need a console user to be assigned cases and alerted.", people.size() > 1, "/settings/users",
            "Add users"),
        new FirstRunView.Step("rules", "Review the default rules",
            "Who gets a follow-up, how fast, on which channel. Edit one, or say you have read them.", reviewed,
            "/rules", "Open the rules"),
        new FirstRunView.Step("smtp", "Set up SMTP",
            "Until spring.mail.host is set, email is kept in the outbox viewer instead of being sent.",
            !caught.catching(), "/outreach/preview", "See what would have been sent"),
        new FirstRunView.Step("slack", "Connect Slack",
            "A team's incoming webhook gets new detractor cases and escalations.", !slack.list().isEmpty(),
            "/outreach", "Add a Slack channel"),
        new FirstRunView.Step("test-survey", "Send a test survey to yourself",
            "Put your own address in a program's audience (or one contact with it) and send: this ticks off once a "
                + "survey email reached a teammate's address.", testSurvey, "/surveys", "Open survey programs"));
    return new FirstRunView(list, responses.hasDemoData(), canManage, notice);
  }
}
