package dev.followthrough.web;

import dev.followthrough.platform.ApiKeys;
import dev.followthrough.platform.Role;
import dev.followthrough.platform.Users;
import dev.followthrough.reporting.ReportingSettings;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages. A new API key's token is shown exactly once: it travels to the next page as a flash
 * attribute (held in the session until that one request) and is never stored in the database.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SettingsController {

  private final ApiKeys keys;
  private final Users users;
  private final ZoneId zone;

  SettingsController(ApiKeys keys, Users users, ReportingSettings settings) {
    this.keys = keys;
    this.users = users;
    this.zone = settings.timeZone();
  }

  @GetMapping("/settings")
  String settings() {
    return "redirect:/settings/api-keys";
  }

  @GetMapping("/settings/api-keys")
  String apiKeys(Model model) {
    // flash attributes, set by createKey/revokeKey just before the redirect here
    String createdName = (String) model.getAttribute("createdName");
    String createdToken = (String) model.getAttribute("createdToken");
    String notice = (String) model.getAttribute("notice");
    model.addAttribute("view", new ApiKeysView(keys.list(), new ApiKeysView.KeyForm("", "agent"), null, createdName,
        createdToken, notice, zone));
    return "settings/api-keys";
  }

  @PostMapping("/settings/api-keys")
  String createKey(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
                   Principal me, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    String problem = name.isBlank() ? "Give the key a name, such as the system that will use it."
        : name.length() > 100 ? "The name must be at most 100 characters." : null;
    Role parsed = null;
    if (problem == null) {
      try {
        parsed = Role.parse(role);
      } catch (IllegalArgumentException e) {
        problem = "Choose a role for the key.";
      }
    }
    if (problem != null) {
      response.setStatus(422);
      model.addAttribute("view", new ApiKeysView(keys.list(), new ApiKeysView.KeyForm(name, role), problem, null, null, null,
          zone));
      return "settings/api-keys";
    }
    ApiKeys.CreatedKey created = keys.create(name.strip(), parsed, me.getName());
    // strings only: the flash map lives in the session, which must stay serializable
    redirect.addFlashAttribute("createdName", created.key().name());
    redirect.addFlashAttribute("createdToken", created.token());
    return "redirect:/settings/api-keys";
  }

  @PostMapping("/settings/api-keys/{id}/revoke")
  String revokeKey(@PathVariable UUID id, RedirectAttributes redirect) {
    redirect.addFlashAttribute("notice", keys.revoke(id) ? "The key is revoked; requests with it are refused from now on."
        : "That key was already revoked.");
    return "redirect:/settings/api-keys";
  }

  @GetMapping("/settings/users")
  String users(Model model, Principal me) {
    model.addAttribute("view", new UsersView(users.list(), new UsersView.UserForm("", "", "viewer"), null,
        (String) model.getAttribute("notice"), me.getName()));
    return "settings/users";
  }

  @PostMapping("/settings/users")
  String createUser(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String displayName,
                    @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String role,
                    Principal me, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    UsersView.UserForm form = new UsersView.UserForm(email, displayName, role);
    String problem = null;
    try {
      Role parsed = Role.parse(role);
      if (displayName.length() > 200) throw new IllegalArgumentException("name must be at most 200 characters");
      String name = displayName.isBlank() ? email.strip().split("@")[0] : displayName.strip();
      users.create(email.strip(), name, password, parsed);
    } catch (IllegalArgumentException e) {
      problem = Fmt.title(e.getMessage()) + ".";
    } catch (DuplicateKeyException e) {
      problem = "A user with this email already exists.";
    }
    if (problem != null) {
      response.setStatus(422);
      model.addAttribute("view", new UsersView(users.list(), form, problem, null, me.getName()));
      return "settings/users";
    }
    redirect.addFlashAttribute("notice", email.strip() + " can now sign in as " + role + ".");
    return "redirect:/settings/users";
  }
}
