package dev.followthrough.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A survey program: relational (a recurring wave over an audience) or transactional (one survey per
 * event). Cooldown and account budget may only tighten the workspace-wide rules.
 */
public record Program(UUID id, String name, Kind kind, Channel channel, boolean active, Integer cadenceMonths,
                      int cohorts, LocalDate startsOn, Audience audience, String eventType, int delayMinutes,
                      Integer cooldownDays, Integer accountBudget, List<Reminder> reminders, Integer fallbackDays,
                      boolean allowAnonymous, String template, String touchpoint) {

  public static final List<Integer> CADENCES = List.of(3, 6, 12);
  public static final List<String> TEMPLATES = List.of("survey", "survey.reminder");
  public static final int MAX_REMINDERS = 3;

  public enum Kind {
    RELATIONAL, TRANSACTIONAL;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> parse(String s) {
      for (Kind k : values()) if (s != null && k.key().equalsIgnoreCase(s.strip())) return Optional.of(k);
      return Optional.empty();
    }
  }

  public enum Channel {
    EMAIL, IN_APP;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> parse(String s) {
      for (Channel c : values()) if (s != null && c.key().equalsIgnoreCase(s.strip())) return Optional.of(c);
      return Optional.empty();
    }
  }

  /** Who a relational program asks: everyone, one tier, and/or contacts whose attribute has a value. */
  public record Audience(String tier, String attribute, String value) {
    public static Audience everyone() {
      return new Audience(null, null, null);
    }

    public String describe() {
      String t = tier == null ? "all contacts" : "tier " + tier;
      return attribute == null ? t : t + " with " + attribute + " = " + value;
    }
  }

  /** A reminder to non-responders {@code afterDays} after the survey, in its own template. */
  public record Reminder(int afterDays, String template) {}

  public record Invalid(String field, String reason) {}

  public Program {
    reminders = reminders == null ? List.of() : List.copyOf(reminders);
    audience = audience == null ? Audience.everyone() : audience;
    template = template == null || template.isBlank() ? "survey" : template.strip();
  }

  /** The first broken rule, or empty when the program can run. */
  public Optional<Invalid> violation() {
    if (name == null || name.isBlank()) return bad("name", "is required");
    if (name.length() > 100) return bad("name", "must be at most 100 characters");
    if (kind == null) return bad("kind", "must be relational or transactional");
    if (channel == null) return bad("channel", "must be email or in_app");
    if (kind == Kind.RELATIONAL) {
      if (cadenceMonths == null || !CADENCES.contains(cadenceMonths)) return bad("cadenceMonths", "must be 3, 6 or 12");
      if (cohorts < 1 || cohorts > cadenceMonths * 4) return bad("cohorts", "must be from 1 to " + cadenceMonths * 4);
      if (startsOn == null) return bad("startsOn", "is required for a relational program");
      if ((audience.attribute() == null) != (audience.value() == null))
        return bad("audience", "an attribute filter needs both attribute and value");
    } else {
      if (eventType == null || eventType.isBlank()) return bad("eventType", "is required for a transactional program");
      if (eventType.length() > 100) return bad("eventType", "must be at most 100 characters");
    }
    if (delayMinutes < 0 || delayMinutes > 60 * 24 * 90) return bad("delayMinutes", "must be from 0 to 129600 (90 days)");
    if (cooldownDays != null && (cooldownDays < 1 || cooldownDays > 730)) return bad("cooldownDays", "must be from 1 to 730");
    if (accountBudget != null && (accountBudget < 1 || accountBudget > 100_000)) return bad("accountBudget", "must be from 1 to 100000");
    if (reminders.size() > MAX_REMINDERS) return bad("reminders", "at most " + MAX_REMINDERS);
    int last = 0;
    for (int i = 0; i < reminders.size(); i++) {
      Reminder r = reminders.get(i);
      if (r.afterDays() <= last || r.afterDays() > 60) return bad("reminders[" + i + "].afterDays", "must grow and be at most 60");
      if (!TEMPLATES.contains(r.template())) return bad("reminders[" + i + "].template", "must be one of " + TEMPLATES);
      last = r.afterDays();
    }
    if (!TEMPLATES.contains(template)) return bad("template", "must be one of " + TEMPLATES);
    if (fallbackDays != null && (channel != Channel.IN_APP || fallbackDays < 1 || fallbackDays > 60))
      return bad("fallbackDays", "is for in_app programs, from 1 to 60");
    return Optional.empty();
  }

  private static Optional<Invalid> bad(String field, String reason) {
    return Optional.of(new Invalid(field, reason));
  }
}
