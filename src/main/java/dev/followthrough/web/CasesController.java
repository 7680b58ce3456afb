package dev.followthrough.web;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.followup.CaseQueries.CaseFilter;
import dev.followthrough.followup.CaseQueries.CaseView;
import dev.followthrough.followup.CaseQueries.TeamView;
import dev.followthrough.followup.CaseQueries.View;
import dev.followthrough.followup.CaseResult;
import dev.followthrough.followup.FollowUps;
import dev.followthrough.platform.Role;
import dev.followthrough.platform.Users;
import dev.followthrough.reporting.ReportingSettings;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.triggers.TriggerDecisions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * The follow-up inbox and the case page. Reading needs a viewer; every command needs an agent and
 * is recorded with the signed-in user's email as its actor. A command that succeeds redirects back
 * to the case (POST-redirect-GET); a refused one shows the page again with the reason beside the field.
 */
@Controller
class CasesController {

  static final int PAGE_SIZE = 50;

  private final CaseQueries cases;
  private final FollowUps followUps;
  private final ResponseQueries responses;
  private final TriggerDecisions decisions;
  private final Users users;
  private final Clock clock;
  private final ZoneId zone;
  private final dev.followthrough.outreach.Messages messages;
  private final dev.followthrough.interviews.Interviews interviews;
  private final dev.followthrough.interviews.CallGuides callGuides;

  CasesController(CaseQueries cases, FollowUps followUps, ResponseQueries responses, TriggerDecisions decisions,
                  Users users, Clock clock, ReportingSettings settings, dev.followthrough.outreach.Messages messages,
                  dev.followthrough.interviews.Interviews interviews, dev.followthrough.interviews.CallGuides callGuides) {
    this.messages = messages;
    this.interviews = interviews;
    this.callGuides = callGuides;
    this.cases = cases;
    this.followUps = followUps;
    this.responses = responses;
    this.decisions = decisions;
    this.users = users;
    this.clock = clock;
    this.zone = settings.timeZone();
  }

  // ---- inbox -------------------------------------------------------------------------------------

  @GetMapping("/cases")
  String inbox(@RequestParam Map<String, String> params, Model model, Principal principal, HttpServletRequest request,
               HttpServletResponse response) {
    Instant now = clock.instant();
    List<String> me = me(principal);
    var counts = cases.counts(me, now);
    // open on the view that has work: my cases if I have any, else the unassigned ones
    String defaultTab = counts.mine() > 0 || counts.unassigned() == 0 ? "mine" : "unassigned";
    InboxView.InboxQuery q = InboxView.InboxQuery.of(params, defaultTab);
    View view = switch (q.tab()) {
      case "team" -> View.TEAM;
      case "unassigned" -> View.UNASSIGNED;
      case "overdue" -> View.OVERDUE;
      case "escalated" -> View.ESCALATED;
      case "closed" -> View.CLOSED;
      case "open" -> View.ALL;
      default -> View.MINE;
    };
    String status = q.status() != null ? q.status() : q.tab().equals("open") ? "open" : null;
    CaseFilter filter = new CaseFilter(view, me, status, q.owner(), q.team(), q.channel(), q.category(), null, null,
        null, q.sort());
    var page = cases.list(filter, q.page() - 1, PAGE_SIZE);
    @SuppressWarnings("unchecked")
    List<String> notices = (List<String>) model.getAttribute("notices");
    // one lookup per row, by primary key: 50 rows at most
    Map<UUID, ResponseQueries.ResponseView> shown =
        responses.findAll(page.items().stream().map(CaseQueries.CaseView::responseId).toList()).stream()
            .collect(java.util.stream.Collectors.toMap(ResponseQueries.ResponseView::id, v -> v));
    model.addAttribute("view", new InboxView(q, counts, page, shown, teamNames(), owners(), now, zone,
        ConsoleRoles.atLeast(principal, Role.AGENT), myName(principal), notices == null ? List.of() : notices));
    return Htmx.partial(request, response) ? "cases/results" : "cases/inbox";
  }

  /** Bulk assignment from the inbox: each case is assigned on its own, and the page says how each went. */
  @PostMapping("/cases/assign")
  String assignMany(@RequestParam(name = "ids", required = false) List<String> ids,
                    @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String team,
                    @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String back,
                    Principal principal, RedirectAttributes redirect) {
    ConsoleRoles.require(principal, Role.AGENT);
    List<String> notices = new ArrayList<>();
    if (ids == null || ids.isEmpty()) {
      notices.add("Select the cases to assign first.");
    } else {
      String who = owner.isBlank() ? null : owner.strip();
      int done = 0;
      for (String raw : new LinkedHashSet<>(ids).stream().limit(500).toList()) {
        UUID id = uuid(raw);
        CaseResult r = id == null ? new CaseResult.Missing()
            : followUps.assign(id, who, blank(team), reason.isBlank() ? "bulk assignment" : reason.strip(),
                principal.getName());
        switch (r) {
          case CaseResult.Done d -> done++;
          case CaseResult.Missing m -> notices.add("Case " + Fmt.shortId(raw) + ": no such case.");
          case CaseResult.Refused x -> notices.add("Case " + Fmt.shortId(raw) + ": " + x.reason() + ".");
        }
      }
      notices.add(0, done + (done == 1 ? " case" : " cases") + (who == null ? " put back in the queue" : " assigned to " + who)
          + (notices.isEmpty() ? "." : "; " + notices.size() + " not:"));
    }
    redirect.addFlashAttribute("notices", notices);
    return "redirect:" + (back.startsWith("/cases") && !back.startsWith("//") ? back : "/cases");
  }

  // ---- one case ----------------------------------------------------------------------------------

  @GetMapping("/cases/{id}")
  String detail(@PathVariable String id, Model model, Principal principal) {
    CaseView c = find(id);
    String notice = (String) model.getAttribute("notice");
    model.addAttribute("view", view(c, principal, Map.of(), Map.of(), notice));
    return "cases/detail";
  }

  @PostMapping("/cases/{id}/take")
  String take(@PathVariable String id, Principal p, Model model, RedirectAttributes redirect, HttpServletResponse res) {
    CaseView c = command(id, p);
    return answer(c, "assign", followUps.assign(c.id(), myName(p), null, "taken from the inbox", p.getName()), p, model,
        redirect, res, Map.of(), "You own this case now.");
  }

  @PostMapping("/cases/{id}/assign")
  String assign(@PathVariable String id, @RequestParam Map<String, String> form, Principal p, Model model,
                RedirectAttributes redirect, HttpServletResponse res) {
    CaseView c = command(id, p);
    String owner = form.getOrDefault("owner", "");
    return answer(c, "assign", followUps.assign(c.id(), blank(owner), blank(form.get("team")), blank(form.get("reason")),
        p.getName()), p, model, redirect, res, form, owner.isBlank() ? "The case is back in the queue." : "Assigned to " + owner.strip() + ".");
  }

  @PostMapping("/cases/{id}/status")
  String status(@PathVariable String id, @RequestParam(defaultValue = "") String to, Principal p, Model model,
                RedirectAttributes redirect, HttpServletResponse res) {
    CaseView c = command(id, p);
    return answer(c, "status", dev.followthrough.followup.CaseStatus.parse(to)
        .map(status -> followUps.move(c.id(), status, p.getName()))
        .orElse(new CaseResult.Refused("to", "choose one of contacted, in conversation, awaiting action", false)), p, model, redirect, res,
        Map.of("to", to), "Marked as " + CaseText.label(to).toLowerCase(Locale.ROOT) + ".");
  }

  @PostMapping("/cases/{id}/attempt")
  String attempt(@PathVariable String id, @RequestParam Map<String, String> form, Principal p, Model model,
                 RedirectAttributes redirect, HttpServletResponse res) {
    CaseView c = command(id, p);
    return answer(c, "attempt", followUps.attempt(c.id(), blank(form.get("channel")), blank(form.get("result")),
        blank(form.get("note")), p.getName()), p, model, redirect, res, form, "Attempt logged.");
  }

  @PostMapping("/cases/{id}/note")
  String note(@PathVariable String id, @RequestParam Map<String, String> form, Principal p, Model model,
              RedirectAttributes redirect, HttpServletResponse res) {
    CaseView c = command(id, p);
    return answer(c, "note", followUps.note(c.id(), blank(form.get("text")), p.getName()), p, model, redirect, res, form,
        "Note added.");
  }

  @PostMapping("/cases/{id}/outcome")
  String outcome(@PathVariable String id, @RequestParam Map<String, String> form, Principal p, Model model,
                 RedirectAttributes redirect, HttpServletResponse res) {
    CaseView c = command(id, p);
    Due due = Due.of(form);
    if (due.bad()) return answer(c, "outcome", Due.REFUSED, p, model, redirect, res, form, null);
    // an emptied field clears it; a field not sent keeps its value
    return answer(c, "outcome", followUps.record(c.id(), form.get("summary"), form.get("rootCause"), form.get("action"),
        form.get("commitment"), due.date(), p.getName()), p, model, redirect, res, form, "Outcome saved.");
  }

  /** Call notes: the same structured result as an AI interview (root cause, specifics, churn signals…). */
  @PostMapping("/cases/{id}/call-notes")
  String callNotes(@PathVariable String id, @RequestParam Map<String, String> form,
                   @RequestParam(name = "churnSignals", required = false) List<String> churn, Principal p, Model model,
                   RedirectAttributes redirect, HttpServletResponse res) {
    CaseView c = command(id, p);
    Map<String, String> notes = new LinkedHashMap<>(form);
    notes.remove("_csrf");
    if (churn != null) notes.put("churnSignals", String.join(",", churn));
    CaseResult r = switch (callGuides.record(c.id(), notes, p.getName())) {
      case dev.followthrough.interviews.CallGuides.Recorded.Done d -> new CaseResult.Done(c);
      case dev.followthrough.interviews.CallGuides.Recorded.Missing m -> new CaseResult.Missing();
      case dev.followthrough.interviews.CallGuides.Recorded.Invalid x -> new CaseResult.Refused(x.field(), x.reason(), false);
    };
    return answer(c, "notes", r, p, model, redirect, res, notes, "Call notes saved; the case and insights get them.");
  }

  /**
   * "Close case" on the case page's one outcome form: what was typed besides root cause and action
   * (what was learned, the commitment) is saved first, then the case is closed with root cause and action.
   */
  @PostMapping("/cases/{id}/close")
  String close(@PathVariable String id, @RequestParam Map<String, String> form, Principal p, Model model,
               RedirectAttributes redirect, HttpServletResponse res) {
    CaseView c = command(id, p);
    String outcome = form.getOrDefault("outcome", "");
    if (form.containsKey("summary") || form.containsKey("commitment") || form.containsKey("commitmentDue")) {
      Due due = Due.of(form);
      if (due.bad()) return answer(c, "outcome", Due.REFUSED, p, model, redirect, res, form, null);
      CaseResult saved = followUps.record(c.id(), form.get("summary"), null, null, form.get("commitment"), due.date(),
          p.getName());
      if (!(saved instanceof CaseResult.Done)) return answer(c, "outcome", saved, p, model, redirect, res, form, null);
    }
    return answer(c, "outcome", dev.followthrough.followup.CaseOutcome.parse(outcome)
        .map(o -> followUps.close(c.id(), o, blank(form.get("rootCause")), blank(form.get("action")), p.getName()))
        .orElse(new CaseResult.Refused("outcome", "choose how the case ended", false)), p, model, redirect, res, form,
        "Closed as " + CaseText.label(outcome).toLowerCase(Locale.ROOT) + ".");
  }

  @PostMapping("/cases/{id}/reopen")
  String reopen(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Principal p, Model model,
                RedirectAttributes redirect, HttpServletResponse res) {
    CaseView c = command(id, p);
    CaseResult r = reason.isBlank() ? new CaseResult.Refused("reason", "say why the case is reopened", false)
        : followUps.reopen(c.id(), reason.strip(), p.getName());
    return answer(c, "reopen", r, p, model, redirect, res, Map.of("reason", reason), "Reopened with a fresh SLA.");
  }

  @PostMapping("/cases/{id}/escalate")
  String escalate(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Principal p, Model model,
                  RedirectAttributes redirect, HttpServletResponse res) {
    CaseView c = command(id, p);
    CaseResult r = reason.isBlank() ? new CaseResult.Refused("reason", "say what help you need", false)
        : followUps.escalate(c.id(), reason.strip(), p.getName());
    return answer(c, "escalate", r, p, model, redirect, res, Map.of("reason", reason), "Escalated.");
  }

  // ---- helpers -----------------------------------------------------------------------------------

  /** The outcome form's "commitment due": empty is none, anything but an ISO date is refused. */
  private record Due(LocalDate date, boolean bad) {
    static final CaseResult.Refused REFUSED = new CaseResult.Refused("commitmentDue", "must be a date like 2026-09-30", false);

    static Due of(Map<String, String> form) {
      String text = form.getOrDefault("commitmentDue", "").strip();
      if (text.isEmpty()) return new Due(null, false);
      try {
        return new Due(LocalDate.parse(text), false);
      } catch (DateTimeParseException e) {
        return new Due(null, true);
      }
    }
  }

  private String answer(CaseView c, String formName, CaseResult result, Principal p, Model model,
                        RedirectAttributes redirect, HttpServletResponse res, Map<String, String> form, String done) {
    return switch (result) {
      case CaseResult.Done d -> {
        redirect.addFlashAttribute("notice", done);
        yield "redirect:/cases/" + c.id();
      }
      case CaseResult.Missing m -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case");
      case CaseResult.Refused x -> {
        res.setStatus(x.conflict() ? 409 : 422);
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((k, v) -> { if (!k.equals("_csrf")) typed.put(formName + "." + k, v); });
        CaseView fresh = cases.find(c.id()).orElse(c);
        model.addAttribute("view", view(fresh, p, Map.of(formName + "." + x.field(), Fmt.title(x.reason()) + "."), typed,
            null));
        yield "cases/detail";
      }
    };
  }

  private CaseDetailView view(CaseView c, Principal principal, Map<String, String> errors, Map<String, String> form,
                              String notice) {
    var response = responses.find(c.responseId()).orElse(null);
    var scores = c.contactId() == null ? List.<ResponseQueries.ScorePoint>of() : responses.contactScores(c.contactId(), 12);
    var previous = cases.history(c.contactId(), c.accountId(), 11).stream().filter(x -> !x.id().equals(c.id()))
        .limit(10).toList();
    var timeline = cases.timeline(c.id()).stream().map(CaseText::item).toList().reversed();
    var decision = decisions.forResponse(c.responseId()).stream().filter(d -> d.revision() == c.revision())
        .reduce((a, b) -> b).orElse(null);
    return new CaseDetailView(c, response, scores, previous, timeline, decision, teamNames(), owners(), clock.instant(),
        zone, ConsoleRoles.atLeast(principal, Role.AGENT), myName(principal), errors, form, notice,
        messages.list(c.id(), null, null, 50), interviews.forCase(c.id()).orElse(null),
        "call".equals(c.channel()) ? callGuides.forCase(c.id()).orElse(null) : null);
  }

  private CaseView find(String id) {
    UUID uuid = uuid(id);
    if (uuid == null) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case");
    return cases.find(uuid).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case"));
  }

  /** A command: the role first (a viewer gets 403 whatever the case), then the case. */
  private CaseView command(String id, Principal p) {
    ConsoleRoles.require(p, Role.AGENT);
    return find(id);
  }

  /** The names the user goes by, for "mine" and "my team": login email and display name. */
  private List<String> me(Principal principal) {
    if (principal == null) return List.of();
    List<String> names = new ArrayList<>(List.of(principal.getName()));
    users.byEmail(principal.getName()).map(Users.ConsoleUser::displayName).filter(n -> n != null && !n.isBlank())
        .ifPresent(names::add);
    return names;
  }

  /** What "take" writes as the owner: the display name people see in lists (the email when there is none). */
  private String myName(Principal principal) {
    if (principal == null) return null;
    return users.byEmail(principal.getName()).map(Users.ConsoleUser::displayName).filter(n -> n != null && !n.isBlank())
        .orElse(principal.getName());
  }

  private List<String> teamNames() {
    return cases.teams().stream().map(TeamView::name).toList();
  }

  /** Suggestions for the owner field: team members and leads, and console users. */
  private List<String> owners() {
    Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (TeamView t : cases.teams()) {
      names.addAll(t.members());
      if (t.lead() != null && !t.lead().isBlank()) names.add(t.lead());
    }
    users.list().stream().filter(u -> !u.disabled() && u.role() != Role.VIEWER)
        .forEach(u -> names.add(u.displayName() != null && !u.displayName().isBlank() ? u.displayName() : u.email()));
    return List.copyOf(names);
  }

  static UUID uuid(String s) {
    try {
      return s == null ? null : UUID.fromString(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
