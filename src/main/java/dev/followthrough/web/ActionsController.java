package dev.followthrough.web;

import dev.followthrough.actions.Interventions;
import dev.followthrough.actions.Interventions.Fields;
import dev.followthrough.actions.Interventions.InterventionView;
import dev.followthrough.actions.Interventions.Result;
import dev.followthrough.platform.Role;
import dev.followthrough.reporting.ReportingSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
 * Console pages of the actions module (section "Act"): the interventions list (filters: status, team, late),
 * an intervention's page (evidence, trail, customers told, recovery; edit and move forms for managers),
 * creating one from a mechanism, the 30-day sprint view and the routing editor.
 */
@Controller
class ActionsController {

  private final Interventions interventions;
  private final ZoneId zone;

  ActionsController(Interventions interventions, ReportingSettings settings) {
    this.interventions = interventions;
    this.zone = settings.timeZone();
  }

  @GetMapping("/actions")
  String list(@RequestParam(required = false) String status, @RequestParam(required = false) String team,
              @RequestParam(defaultValue = "false") boolean late, @RequestParam(required = false) String mechanism,
              Model model, Principal p, HttpServletRequest req,
              HttpServletResponse res) {
    String s = status == null || status.isBlank() || !Interventions.STATUSES.contains(status) ? null : status;
    String t = team == null || team.isBlank() ? null : team.strip();
    model.addAttribute("page", new ActionsView.ListPage(interventions.list(s, t, late, mechanism), s, t, late, Interventions.STATUSES,
        interventions.teams(), ConsoleRoles.atLeast(p, Role.MANAGER)));
    return Htmx.partial(req, res) ? "actions/results" : "actions/list";
  }

  @GetMapping("/actions/new")
  String newForm(@RequestParam(required = false) String mechanism, Model model, Principal p) {
    ConsoleRoles.require(p, Role.MANAGER);
    return newPage(model, mechanism, null, null, null);
  }

  private String newPage(Model model, String mechanism, String error, String title, String outcome) {
    var options = interventions.mechanisms();
    String m = options.stream().anyMatch(o -> o.key().equals(mechanism)) ? mechanism : null;
    model.addAttribute("page", new ActionsView.NewPage(options, m, m == null ? null : interventions.route(m), error, title, outcome));
    return "actions/new";
  }

  @PostMapping("/actions")
  String create(@RequestParam(required = false) String title, @RequestParam(required = false) List<String> mechanisms,
                @RequestParam(required = false) String team, @RequestParam(required = false) String outcome,
                @RequestParam(required = false) String dueOn, @RequestParam(required = false) String resurveyDays,
                @RequestParam(required = false) String notes, Principal p, Model model, HttpServletResponse res) {
    ConsoleRoles.require(p, Role.MANAGER);
    Result r;
    try {
      r = interventions.create(new Fields(title, blank(team), blank(outcome), date(dueOn), blank(notes), days(resurveyDays),
          mechanisms == null ? List.of() : mechanisms), p.getName());
    } catch (IllegalArgumentException e) {
      r = refused(e);
    }
    if (r instanceof Result.Done d) return "redirect:/actions/" + d.intervention().id();
    res.setStatus(422);
    return newPage(model, mechanisms == null || mechanisms.isEmpty() ? null : mechanisms.getFirst(), message(r), title, outcome);
  }

  @GetMapping("/actions/{id}")
  String detail(@PathVariable String id, Model model, Principal p) {
    return detailPage(model, p, uuid(id), (String) model.getAttribute("notice"), (String) model.getAttribute("error"));
  }

  private String detailPage(Model model, Principal p, UUID id, String notice, String error) {
    InterventionView i = interventions.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such intervention"));
    model.addAttribute("page", new ActionsView.DetailPage(i, interventions.evidence(id).orElseThrow(), interventions.trail(id),
        interventions.notices(id), interventions.recovery(id).orElseThrow(), interventions.mechanisms(),
        ConsoleRoles.atLeast(p, Role.MANAGER), notice, error, zone));
    return "actions/detail";
  }

  @PostMapping("/actions/{id}")
  String edit(@PathVariable String id, @RequestParam(required = false) Integer version, @RequestParam(required = false) String title,
              @RequestParam(required = false) String team, @RequestParam(required = false) String outcome,
              @RequestParam(required = false) String dueOn, @RequestParam(required = false) String resurveyDays,
              @RequestParam(required = false) String notes, @RequestParam(required = false) List<String> mechanisms,
              Principal p, RedirectAttributes redirect) {
    ConsoleRoles.require(p, Role.MANAGER);
    UUID uuid = uuid(id);
    Result r;
    try {
      r = interventions.update(uuid, version, new Fields(title, blank(team), outcome, date(dueOn), notes, days(resurveyDays),
          mechanisms == null || mechanisms.isEmpty() ? null : mechanisms), p.getName());
    } catch (IllegalArgumentException e) {
      r = refused(e);
    }
    return after(uuid, r, "Saved.", redirect);
  }

  @PostMapping("/actions/{id}/status")
  String move(@PathVariable String id, @RequestParam(required = false) Integer version, @RequestParam String status,
              @RequestParam(required = false) String note, Principal p, RedirectAttributes redirect) {
    ConsoleRoles.require(p, Role.MANAGER);
    UUID uuid = uuid(id);
    return after(uuid, interventions.move(uuid, version, status, note, p.getName()), "Moved to " + status + ".", redirect);
  }

  private static String after(UUID id, Result r, String done, RedirectAttributes redirect) {
    if (r instanceof Result.Missing) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such intervention");
    if (r instanceof Result.Done) redirect.addFlashAttribute("notice", done);
    else redirect.addFlashAttribute("error", message(r));
    return "redirect:/actions/" + id;
  }

  // ---- sprint and routing -------------------------------------------------------------------------------------

  @GetMapping("/actions/sprint")
  String sprint(Model model) {
    model.addAttribute("sprint", interventions.sprint());
    model.addAttribute("zone", zone);
    return "actions/sprint";
  }

  @GetMapping("/actions/routing")
  String routing(Model model, Principal p) {
    model.addAttribute("page", new ActionsView.RoutingPage(interventions.rules(), interventions.routes(), interventions.mechanisms(),
        ConsoleRoles.atLeast(p, Role.MANAGER), (String) model.getAttribute("notice"), (String) model.getAttribute("error")));
    return "actions/routing";
  }

  @PostMapping("/actions/routing")
  String saveRule(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String key,
                  @RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "save") String action,
                  Principal p, RedirectAttributes redirect) {
    ConsoleRoles.require(p, Role.MANAGER);
    if (action.equals("delete")) {
      redirect.addFlashAttribute("notice", interventions.deleteRule(kind, key) ? "Rule for " + key + " deleted." : "No such rule.");
    } else {
      interventions.saveRule(kind, key, team, p.getName()).ifPresentOrElse(
          x -> redirect.addFlashAttribute("error", x.field() + ": " + x.reason()),
          () -> redirect.addFlashAttribute("notice", "Saved: " + key + " → " + team.strip() + "."));
    }
    return "redirect:/actions/routing";
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private static String message(Result r) {
    return r instanceof Result.Refused x ? x.field() + ": " + x.reason() : "not found";
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such intervention");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static LocalDate date(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("dueOn: must be a date like 2026-12-31");
    }
  }

  private static Integer days(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("resurveyDays: must be a whole number of days");
    }
  }

  /** A form value that could not be read: "field: reason". */
  private static Result refused(IllegalArgumentException e) {
    String[] parts = e.getMessage().split(": ", 2);
    return new Result.Refused(parts[0], parts.length > 1 ? parts[1] : "is invalid", false);
  }
}
