package dev.followthrough.web;

import dev.followthrough.outreach.Links;
import dev.followthrough.platform.Role;
import dev.followthrough.surveys.Program;
import dev.followthrough.surveys.SurveyPrograms;
import dev.followthrough.surveys.SurveyWidget;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code /surveys}: survey programs with their response rate, NPS and fatigue skips; one program's
 * audience preview, projected schedule and editor (managers); the widget secret (managers); and
 * {@code /surveys/contacts/{id}}: a contact's surveys and the next one scheduled.
 */
@Controller
class SurveysController {

  private final SurveyPrograms programs;
  private final SurveyWidget widget;
  private final Links links;

  SurveysController(SurveyPrograms programs, SurveyWidget widget, Links links) {
    this.programs = programs;
    this.widget = widget;
    this.links = links;
  }

  @GetMapping("/surveys")
  String list(Model model, Principal p) {
    boolean manager = ConsoleRoles.atLeast(p, Role.MANAGER);
    model.addAttribute("view", new SurveysView(programs.overviews(), null, null, List.of(), null, null,
        (String) model.getAttribute("notice"), manager, manager ? widget.secret() : null, links.baseUrl()));
    return "surveys/list";
  }

  @GetMapping("/surveys/new")
  String create(Model model, Principal p) {
    ConsoleRoles.require(p, Role.MANAGER);
    return detail(model, null, SurveysView.Form.empty(), null, null, true);
  }

  @GetMapping("/surveys/{id}")
  String show(@PathVariable UUID id, Model model, Principal p) {
    var o = programs.overview(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such program"));
    return detail(model, o, SurveysView.Form.of(o.program()), null, (String) model.getAttribute("notice"),
        ConsoleRoles.atLeast(p, Role.MANAGER));
  }

  @PostMapping({"/surveys", "/surveys/{id}"})
  String save(@PathVariable(required = false) UUID id, @RequestParam Map<String, String> f, Model model, Principal p,
              RedirectAttributes redirect, HttpServletResponse res) {
    ConsoleRoles.require(p, Role.MANAGER);
    SurveysView.Form form = form(id, f);
    SurveyPrograms.Saved saved;
    try {
      Program draft = program(form);
      saved = id == null ? programs.create(draft) : programs.update(id, draft);
    } catch (FieldError e) {
      saved = new SurveyPrograms.Saved.Invalid(e.field, e.reason);
    }
    return switch (saved) {
      case SurveyPrograms.Saved.Ok ok -> {
        redirect.addFlashAttribute("notice", "Saved “" + ok.program().name() + "”.");
        yield "redirect:/surveys/" + ok.program().id();
      }
      case SurveyPrograms.Saved.Invalid x -> {
        res.setStatus(422);
        yield detail(model, id == null ? null : programs.overview(id).orElse(null), form, x.field() + ": " + x.reason(), null, true);
      }
      case SurveyPrograms.Saved.NotFound n -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such program");
    };
  }

  @PostMapping("/surveys/widget/rotate")
  String rotate(Principal p, RedirectAttributes redirect) {
    ConsoleRoles.require(p, Role.MANAGER);
    widget.rotate();
    redirect.addFlashAttribute("notice", "New widget secret; the previous one keeps working until the next rotation.");
    return "redirect:/surveys";
  }

  @GetMapping("/surveys/contacts/{id}")
  String contact(@PathVariable UUID id, Model model) {
    model.addAttribute("contactId", id);
    model.addAttribute("history", programs.contactHistory(id));
    model.addAttribute("next", programs.nextScheduled(id).orElse(null));
    model.addAttribute("names", programs.list().stream().collect(java.util.stream.Collectors.toMap(Program::id, Program::name)));
    return "surveys/contact";
  }

  private String detail(Model model, SurveyPrograms.Overview o, SurveysView.Form form, String error, String notice,
                        boolean canEdit) {
    var projection = o == null ? null : programs.project(o.program());
    var sends = o == null ? List.<dev.followthrough.surveys.SurveySend>of() : programs.sends(o.program().id(), null, 25);
    model.addAttribute("view", new SurveysView(List.of(), o, projection, sends, form, error, notice, canEdit, null, links.baseUrl()));
    return "surveys/detail";
  }

  private static final class FieldError extends RuntimeException {
    final String field;
    final String reason;

    FieldError(String field, String reason) {
      super(field + ": " + reason, null, false, false);
      this.field = field;
      this.reason = reason;
    }
  }

  private static SurveysView.Form form(UUID id, Map<String, String> f) {
    return new SurveysView.Form(id == null ? null : id.toString(), v(f, "name"), v(f, "kind"), v(f, "channel"),
        f.containsKey("active"), v(f, "cadenceMonths"), v(f, "cohorts"), v(f, "startsOn"), v(f, "tier"), v(f, "attribute"),
        v(f, "value"), v(f, "eventType"), v(f, "delayMinutes"), v(f, "cooldownDays"), v(f, "accountBudget"),
        v(f, "reminder1Days"), v(f, "reminder1Template"), v(f, "reminder2Days"), v(f, "reminder2Template"),
        v(f, "fallbackDays"), f.containsKey("allowAnonymous"), v(f, "template"), v(f, "touchpoint"));
  }

  private static Program program(SurveysView.Form f) {
    Program.Kind kind = Program.Kind.parse(f.kind()).orElseThrow(() -> new FieldError("kind", "must be relational or transactional"));
    Program.Channel channel = Program.Channel.parse(f.channel()).orElseThrow(() -> new FieldError("channel", "must be email or in_app"));
    LocalDate starts = null;
    if (!f.startsOn().isEmpty()) {
      try {
        starts = LocalDate.parse(f.startsOn());
      } catch (DateTimeParseException e) {
        throw new FieldError("startsOn", "must be a date like 2027-01-01");
      }
    }
    List<Program.Reminder> reminders = new ArrayList<>();
    Integer r1 = num(f.reminder1Days(), "reminder1Days");
    if (r1 != null) reminders.add(new Program.Reminder(r1, f.reminder1Template()));
    Integer r2 = num(f.reminder2Days(), "reminder2Days");
    if (r2 != null) reminders.add(new Program.Reminder(r2, f.reminder2Template()));
    Integer cohorts = num(f.cohorts(), "cohorts");
    Integer delay = num(f.delayMinutes(), "delayMinutes");
    return new Program(null, f.name(), kind, channel, f.active(), num(f.cadenceMonths(), "cadenceMonths"),
        cohorts == null ? 1 : cohorts, starts, new Program.Audience(blank(f.tier()), blank(f.attribute()), blank(f.value())),
        blank(f.eventType()), delay == null ? 0 : delay, num(f.cooldownDays(), "cooldownDays"),
        num(f.accountBudget(), "accountBudget"), reminders, num(f.fallbackDays(), "fallbackDays"), f.allowAnonymous(),
        blank(f.template()), blank(f.touchpoint()));
  }

  private static Integer num(String s, String field) {
    if (s == null || s.isBlank()) return null;
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new FieldError(field, "must be a whole number");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String v(Map<String, String> f, String k) {
    String s = f.get(k);
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
  }
}
