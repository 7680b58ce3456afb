package dev.followthrough.web;

import dev.followthrough.platform.Role;
import dev.followthrough.platform.Users;
import java.util.List;

/** The users page; {@code me} is the signed-in admin's email. */
public record UsersView(List<Users.ConsoleUser> users, UserForm form, String error, String notice, String me) {

  public record UserForm(String email, String displayName, String role) {}

  public List<Role> roles() {
    return List.of(Role.values());
  }
}
