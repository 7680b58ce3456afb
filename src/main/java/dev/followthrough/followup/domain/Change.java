package dev.followthrough.followup.domain;

import java.util.List;

/** What a command did to a case: the audit entries it caused, or why it was refused (nothing changed). */
public sealed interface Change {

  record Applied(List<CaseEntry> entries) implements Change {
    public Applied {
      entries = List.copyOf(entries);
    }

    public boolean changed() {
      return !entries.isEmpty();
    }
  }

  /** {@code conflict}: the request was fine but the case's state does not allow it (HTTP 409, else 422). */
  record Refused(String field, String reason, boolean conflict) implements Change {}

  static Applied of(CaseEntry... entries) {
    return new Applied(List.of(entries));
  }

  static Refused invalid(String field, String reason) {
    return new Refused(field, reason, false);
  }

  static Refused conflict(String field, String reason) {
    return new Refused(field, reason, true);
  }
}
