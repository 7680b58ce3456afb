package dev.followthrough.web;

import dev.followthrough.platform.Role;
import java.util.List;

/**
 * What every console page shows around its content: who is signed in, where they can go, the CSRF
 * token for forms, and whether demo data is mixed into the numbers.
 */
public record Shell(String displayName, String email, Role role, boolean demo, String csrfParameter,
                    String csrfToken, List<Navigation.Section> navigation) {

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
