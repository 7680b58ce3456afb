package dev.followthrough.web;

import dev.followthrough.platform.Role;
import dev.followthrough.responses.DemoStatus;
import java.util.List;

/**
 * What every console page shows around its content: who is signed in, where they can go, the CSRF
 * token for forms, whether demo data is mixed into the numbers, and whether email is being caught
 * on this machine because no SMTP server is configured ({@code mailCaught}: admins see a banner), and
 * how far a demo load running in the background has got ({@code demoLoad}, null when none runs).
 */
public record Shell(String displayName, String email, Role role, boolean demo, String csrfParameter,
                    String csrfToken, List<Navigation.Section> navigation, boolean mailCaught,
                    DemoStatus.Progress demoLoad) {

  public Shell(String displayName, String email, Role role, boolean demo, String csrfParameter, String csrfToken,
               List<Navigation.Section> navigation) {
    this(displayName, email, role, demo, csrfParameter, csrfToken, navigation, false, null);
  }

  /** The demo is loading right now (the banner shows its progress and polls for more). */
  public boolean demoLoading() {
    return demoLoad != null && demoLoad.loading();
  }

  public boolean signedIn() {
    return email != null;
  }

  public boolean admin() {
    return role == Role.ADMIN;
  }

  public String roleLabel() {
    return role == null ? "" : role.key();
  }

  public String initials() {
    String name = displayName != null && !displayName.isBlank() ? displayName : email;
    if (name == null || name.isBlank()) return "?";
    String[] parts = name.trim().split("[\\s@._-]+");
    String first = parts[0].isEmpty() ? "?" : parts[0].substring(0, 1);
    String second = parts.length > 1 && !parts[1].isEmpty() && displayName != null && displayName.contains(" ")
        ? parts[1].substring(0, 1) : "";
    return (first + second).toUpperCase(java.util.Locale.ROOT);
  }
}
