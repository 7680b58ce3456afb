package dev.followthrough.triggers.domain;

import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.OwnerPolicy;
import dev.followthrough.triggers.Play;
import dev.followthrough.triggers.SlaCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a fresh installation starts with (the migration seeds the same six; tests keep them in
 * step): every detractor within 48 h, enterprise by a human, passives and promoters sampled.
 */
public final class DefaultRules {

  private DefaultRules() {}

  public static final UUID ENTERPRISE_DETRACTORS = UUID.fromString("7f1c0000-0000-4000-8000-000000000001");
  public static final UUID DETRACTORS = UUID.fromString("7f1c0000-0000-4000-8000-000000000002");
  public static final UUID ENTERPRISE_PASSIVES = UUID.fromString("7f1c0000-0000-4000-8000-000000000003");
  public static final UUID PASSIVES = UUID.fromString("7f1c0000-0000-4000-8000-000000000004");
  public static final UUID PROMOTERS = UUID.fromString("7f1c0000-0000-4000-8000-000000000005");
  public static final UUID EVERYONE_ELSE = UUID.fromString("7f1c0000-0000-4000-8000-000000000006");

  public static List<Rule> all() {
    Conditions none = Conditions.none();
    return List.of(
        new Rule(ENTERPRISE_DETRACTORS, "Enterprise detractors: CSM call within 24 h", 1, true,
            where(Set.of("detractor"), Set.of("enterprise")),
            new Outcome(true, Channel.CALL, Play.RECOVER, Duration.ofHours(24), SlaCalendar.CALENDAR, 10,
                OwnerPolicy.ACCOUNT_OWNER, null, null, Channel.EMAIL, 1.0, null, null),
            "Enterprise is always followed up by a human: the account's CSM calls.", 1),
        new Rule(DETRACTORS, "Detractors: follow up within 48 h", 2, true,
            where(Set.of("detractor"), null),
            new Outcome(true, Channel.EMAIL, Play.RECOVER, Duration.ofHours(48), SlaCalendar.CALENDAR, 0,
                OwnerPolicy.ACCOUNT_OWNER, null, null, Channel.INTERVIEW, 1.0, null, Duration.ofDays(90)),
            "Every detractor: a personal email from the owner; the AI interview when people are out of capacity.", 1),
        new Rule(ENTERPRISE_PASSIVES, "Enterprise passives: CSM email", 3, true,
            where(Set.of("passive"), Set.of("enterprise")),
            new Outcome(true, Channel.EMAIL, Play.IMPROVE, Duration.ofDays(5), SlaCalendar.CALENDAR, 0,
                OwnerPolicy.ACCOUNT_OWNER, null, null, Channel.INTERVIEW, 1.0, null, null),
            "Enterprise always by a human: what would make it better.", 1),
        new Rule(PASSIVES, "Passives: 30% rotating sample", 4, true,
            where(Set.of("passive"), null),
            new Outcome(true, Channel.INTERVIEW, Play.IMPROVE, Duration.ofDays(7), SlaCalendar.CALENDAR, 0,
                OwnerPolicy.UNASSIGNED, null, null, null, 0.3, null, null),
            "A fair rotating 30% of passives get the AI-moderated 'what would make it better' interview.", 1),
        new Rule(PROMOTERS, "Promoters: 20% thank-you and referral ask", 5, true,
            where(Set.of("promoter"), null),
            new Outcome(true, Channel.EMAIL, Play.THANK_AND_REFER, Duration.ofDays(7), SlaCalendar.CALENDAR, 0,
                OwnerPolicy.ACCOUNT_OWNER, null, null, Channel.IN_APP, 0.2, null, null),
            "A rotating 20% of promoters get a thank-you with a referral or review ask.", 1),
        new Rule(EVERYONE_ELSE, "Everyone else: no follow-up", 6, true, none, Outcome.none(),
            "Catches what no rule above took.", 1));
  }

  private static Conditions where(Set<String> categories, Set<String> tiers) {
    return new Conditions(categories, null, null, tiers, (BigDecimal) null, null, null, null, null, null, null,
        Map.of(), null, null, null);
  }
}
