package dev.followthrough.web;

import dev.followthrough.platform.Audit;
import dev.followthrough.reporting.ReportingSettings;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for admins ({@code /settings/**} is admin-only): newest first, filtered by action or actor. */
@Controller
class AuditPageController {

  private final Audit audit;
  private final ZoneId zone;

  AuditPageController(Audit audit, ReportingSettings settings) {
    this.audit = audit;
    this.zone = settings.timeZone();
  }

  @GetMapping("/settings/audit")
  String page(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String actor,
              @RequestParam(required = false) Long before, Model model) {
    var entries = audit.list(action.isBlank() ? null : action.strip(), actor.isBlank() ? null : actor.strip(), null, before, 100);
    model.addAttribute("view", new AuditView(entries, action, actor, entries.size() == 100 ? entries.getLast().id() : null, zone));
    return "settings/audit";
  }
}
