package dev.followthrough.web;

import dev.followthrough.interviews.InterviewGuides;
import dev.followthrough.interviews.Interviews;
import dev.followthrough.platform.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /interviews}: the funnel per guide (invited → opened → started → completed, depth, duration) and
 * the guides, each editable as JSON by a manager; a save is a new version.
 */
@Controller
class InterviewsController {

  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Interviews interviews;
  private final InterviewGuides guides;
  private final Clock clock;

  InterviewsController(Interviews interviews, InterviewGuides guides, Clock clock) {
    this.interviews = interviews;
    this.guides = guides;
    this.clock = clock;
  }

  @GetMapping("/interviews")
  String page(@RequestParam(defaultValue = "90") int days, @RequestParam(required = false) String guide, Model model,
              Principal p) {
    return render(model, p, guide, null, null, (String) model.getAttribute("notice"), days);
  }

  @PostMapping("/interviews/guides/{key}")
  String save(@PathVariable String key, @RequestParam(defaultValue = "") String body, Principal p, Model model,
              RedirectAttributes redirect, HttpServletResponse res) {
    ConsoleRoles.require(p, Role.MANAGER);
    return switch (guides.save(key, body, p.getName())) {
      case InterviewGuides.Saved.Created c -> {
        redirect.addFlashAttribute("notice", "Saved " + key + " as version " + c.guide().version() + ".");
        yield "redirect:/interviews?guide=" + key;
      }
      case InterviewGuides.Saved.Unchanged u -> {
        redirect.addFlashAttribute("notice", "No change: " + key + " stays at version " + u.guide().version() + ".");
        yield "redirect:/interviews?guide=" + key;
      }
      case InterviewGuides.Saved.Invalid x -> {
        res.setStatus(422);
        yield render(model, p, key, body, x.field() + ": " + x.reason(), null, 90);
      }
    };
  }

  private String render(Model model, Principal p, String key, String typed, String error, String notice, int days) {
    if (days < 1 || days > 3650) throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "days must be from 1 to 3650");
    Instant to = clock.instant().plusSeconds(1);
    String edit = null;
    if (key != null) {
      Map<String, Object> json = guides.json(key, null)
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such guide"));
      edit = typed != null ? typed : PRETTY.writeValueAsString(json);
    }
    model.addAttribute("view", new InterviewsView(interviews.funnel(to.minus(Duration.ofDays(days)), to), guides.list(), days,
        key, edit, key == null ? java.util.List.of() : guides.versions(key), error, notice,
        ConsoleRoles.atLeast(p, Role.MANAGER)));
    return "interviews/page";
  }
}
