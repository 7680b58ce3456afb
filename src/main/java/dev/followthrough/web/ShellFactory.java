package dev.followthrough.web;

import dev.followthrough.outreach.CaughtMail;
import dev.followthrough.platform.Role;
import dev.followthrough.platform.Users;
import dev.followthrough.responses.DemoStatus;
import dev.followthrough.responses.ResponseQueries;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/** Builds the {@link Shell} of a request; see {@link JteViewResolver}. */
@Component
class ShellFactory {

  private final Users users;
  private final ResponseQueries responses;
  private final CaughtMail caughtMail;
  private final DemoStatus demoStatus;

  ShellFactory(Users users, ResponseQueries responses, CaughtMail caughtMail, DemoStatus demoStatus) {
    this.users = users;
    this.responses = responses;
    this.caughtMail = caughtMail;
    this.demoStatus = demoStatus;
  }

  Shell shell(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String csrfParameter = csrf == null ? "_csrf" : csrf.getParameterName();
    String csrfToken = csrf == null ? null : csrf.getToken();
    DemoStatus.Progress load = demoStatus.progress();
    boolean demo = load.loading() || responses.hasDemoData();
    // On an error page the request URI is /error; the menu should still mark where the user was.
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = original instanceof String s ? s : request.getRequestURI();
    if (request.getUserPrincipal() instanceof Authentication auth && auth.isAuthenticated()) {
      Role role = role(auth);
      String email = auth.getName();
      String name = users.byEmail(email).map(Users.ConsoleUser::displayName).filter(n -> n != null && !n.isBlank())
          .orElse(email);
      return new Shell(name, email, role, demo, csrfParameter, csrfToken, Navigation.sections(role, path),
          caughtMail.catching(), load.state() == DemoStatus.State.OFF ? null : load);
    }
    return new Shell(null, null, null, demo, csrfParameter, csrfToken, List.of(), false,
        load.state() == DemoStatus.State.OFF ? null : load);
  }

  static Role role(Authentication auth) {
    Role best = null;
    for (GrantedAuthority a : auth.getAuthorities()) {
      String name = a.getAuthority();
      if (name == null || !name.startsWith("ROLE_")) continue;
      try {
        Role r = Role.valueOf(name.substring(5));
        if (best == null || r.ordinal() < best.ordinal()) best = r;
      } catch (IllegalArgumentException ignored) {
        // not one of ours
      }
    }
    return best == null ? Role.VIEWER : best;
  }
}
