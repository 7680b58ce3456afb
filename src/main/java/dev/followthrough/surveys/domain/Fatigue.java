package dev.followthrough.surveys.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Survey fatigue protection, checked right before each send across all programs: opt-outs and dead
 * addresses, at most one survey per contact per cooldown, at most N contacts of one account per
 * calendar month (UTC). A program may tighten the workspace rules, never loosen them.
 */
public final class Fatigue {

  /** The workspace rules; {@code accountMonthlyBudget} 0 means no budget. */
  public record Rules(Duration contactCooldown, int accountMonthlyBudget) {
    public Rules tightenedBy(Integer cooldownDays, Integer accountBudget) {
      Duration c = cooldownDays != null && Duration.ofDays(cooldownDays).compareTo(contactCooldown) > 0
          ? Duration.ofDays(cooldownDays) : contactCooldown;
      int b = accountBudget == null ? accountMonthlyBudget
          : accountMonthlyBudget == 0 ? accountBudget : Math.min(accountBudget, accountMonthlyBudget);
      return new Rules(c, b);
    }
  }

  /**
   * What is known about the contact at send time. {@code lastSurveyedAt}: the last survey actually sent
   * to them by any program; {@code accountSentThisMonth}: contacts of their account surveyed this month.
   */
  public record Contact(boolean optedOut, boolean undeliverable, boolean hasEmail, Instant lastSurveyedAt,
                        boolean hasAccount, int accountSentThisMonth) {}

  private Fatigue() {}

  /** Why this send must be skipped, or empty to send. {@code needsEmail}: the survey goes out by email. */
  public static Optional<String> skipReason(Rules rules, Contact c, boolean needsEmail, Instant now) {
    if (c.optedOut()) return Optional.of("opted out");
    if (needsEmail && !c.hasEmail()) return Optional.of("no email address");
    if (needsEmail && c.undeliverable()) return Optional.of("address undeliverable");
    if (c.lastSurveyedAt() != null && c.lastSurveyedAt().plus(rules.contactCooldown()).isAfter(now))
      return Optional.of("contact cooldown: surveyed " + c.lastSurveyedAt().atOffset(ZoneOffset.UTC).toLocalDate()
          + ", at most one survey per " + rules.contactCooldown().toDays() + " days");
    if (c.hasAccount() && rules.accountMonthlyBudget() > 0 && c.accountSentThisMonth() >= rules.accountMonthlyBudget())
      return Optional.of("account budget: " + c.accountSentThisMonth() + " of " + rules.accountMonthlyBudget()
          + " contacts surveyed in " + YearMonth.from(now.atOffset(ZoneOffset.UTC)));
    return Optional.empty();
  }

  /** The first instant of {@code now}'s calendar month (UTC), for counting an account's budget. */
  public static Instant monthStart(Instant now) {
    return YearMonth.from(now.atOffset(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
