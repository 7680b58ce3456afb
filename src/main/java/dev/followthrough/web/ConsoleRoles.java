package dev.followthrough.web;

import dev.followthrough.platform.Role;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

/** The console's check for writes: the security chain lets every signed-in user in, pages decide what they may change. */
final class ConsoleRoles {
  private ConsoleRoles() {}

  static boolean atLeast(Principal principal, Role least) {
    return principal instanceof Authentication auth && auth.isAuthenticated()
        && ShellFactory.role(auth).ordinal() <= least.ordinal();
  }

  static void require(Principal principal, Role least) {
    if (!atLeast(principal, least)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "needs the " + least.key() + " role");
    }
  }
}
