package dev.followthrough.reporting.web;

import dev.followthrough.platform.InvalidField;
import dev.followthrough.platform.Role;
import dev.followthrough.reporting.domain.ReportPeriod;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Reads a report period from a request (API body or console form) and decides who may generate one. */
final class ReportRequests {

  private ReportRequests() {}

  /**
   * {@code kind} week, month or quarter: {@code from} is any day in it (default: the last complete one);
   * custom: {@code from} and {@code to} are the first and last day.
   */
  static ReportPeriod period(String kind, String from, String to, LocalDate today) {
    if (kind == null || kind.isBlank()) throw new InvalidField("kind", "is required: week, month, quarter or custom");
    ReportPeriod.Kind k;
    try {
      k = ReportPeriod.Kind.parse(kind);
    } catch (IllegalArgumentException e) {
      throw new InvalidField("kind", e.getMessage());
    }
    LocalDate f = date("from", from);
    LocalDate t = date("to", to);
    ReportPeriod p;
    if (k == ReportPeriod.Kind.CUSTOM) {
      if (f == null) throw new InvalidField("from", "is required for a custom period (the first day, like 2026-03-01)");
      if (t == null) throw new InvalidField("to", "is required for a custom period (the last day, like 2026-03-31)");
      if (t.isBefore(f)) throw new InvalidField("to", "must not be before from");
      try {
        p = new ReportPeriod(k, f, t.plusDays(1));
      } catch (IllegalArgumentException e) {
        throw new InvalidField("to", e.getMessage());
      }
    } else {
      p = f == null ? ReportPeriod.lastComplete(k, today) : ReportPeriod.containing(k, f);
    }
    if (p.start().isAfter(today)) throw new InvalidField(f == null ? "to" : "from", "the period has not started yet");
    return p;
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) return null;
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, "must be a date like 2026-03-01");
    }
  }

  private static final Set<String> MAY_GENERATE = Set.of(Role.ADMIN.authority(), Role.MANAGER.authority());

  /** Managers and admins generate reports; everyone signed in reads them. */
  static boolean mayGenerate(Principal principal) {
    if (!(principal instanceof Authentication auth) || !auth.isAuthenticated()) return false;
    for (GrantedAuthority a : auth.getAuthorities()) if (MAY_GENERATE.contains(a.getAuthority())) return true;
    return false;
  }

  static String who(Principal principal) {
    return principal == null ? "unknown" : principal.getName();
  }
}
