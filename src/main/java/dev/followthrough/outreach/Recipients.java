package dev.followthrough.outreach;

import dev.followthrough.platform.Users;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Owners and leads are free text on a case. Something that looks like an email is used as it is;
 * otherwise a console user with that display name (or email); otherwise nobody, and the delivery
 * log says why.
 */
@Component
class Recipients {

  sealed interface Resolved {
    record To(String email) implements Resolved {}

    record Nobody(String reason) implements Resolved {}
  }

  private final Users users;

  Recipients(Users users) {
    this.users = users;
  }

  Resolved resolve(String who) {
    if (who == null || who.isBlank()) return new Resolved.Nobody("no owner");
    String w = who.strip();
    if (w.matches("[^\\s@<>]+@[^\\s@<>]+\\.[^\\s@<>]+")) return new Resolved.To(w);
    Optional<Users.ConsoleUser> user = users.list().stream()
        .filter(u -> !u.disabled() && (w.equalsIgnoreCase(u.displayName()) || w.equalsIgnoreCase(u.email())))
        .findFirst();
    return user.<Resolved>map(u -> new Resolved.To(u.email()))
        .orElseGet(() -> new Resolved.Nobody("'" + w + "' is neither an email address nor a console user's name"));
  }
}
