package dev.followthrough.triggers.domain;

/**
 * A reproducible, fair rotating sample. Each rule keeps a credit: every eligible response adds the
 * rate; when the credit reaches 1, the response is picked and the credit drops by 1 — so exactly a
 * {@code rate} share of eligible responses is picked, deterministically in arrival order. Fairness: a
 * contact whose own picked/eligible share under the rule is already above the rate is passed over and
 * the credit waits for the next contact, so nobody is picked every time while others never are; a
 * contact a whole pick behind its share borrows the next turn. Over any run of arrivals the number
 * picked stays within a few of {@code rate × eligible}, and each contact's share converges to the rate.
 */
public final class SamplingPolicy {

  /** The credit never grows past this, so a run of skipped contacts cannot cause a burst of picks. */
  static final double MAX_CREDIT = 3.0;

  private SamplingPolicy() {}

  /** The rule's running state. */
  public record RuleState(double credit, long eligible, long picked) {
    public static RuleState initial() {
      return new RuleState(0, 0, 0);
    }
  }

  /** One contact's history under one rule. */
  public record ContactState(int eligible, int picked) {
    public static ContactState initial() {
      return new ContactState(0, 0);
    }
  }

  public record Draw(boolean picked, RuleState rule, ContactState contact, String why) {}

  public static Draw draw(double rate, RuleState rule, ContactState contact) {
    String pct = percent(rate);
    if (rate >= 1.0) {
      return new Draw(true, new RuleState(rule.credit(), rule.eligible() + 1, rule.picked() + 1),
          new ContactState(contact.eligible() + 1, contact.picked() + 1), "sample " + pct + ": always");
    }
    double credit = Math.min(MAX_CREDIT, rule.credit() + rate);
    boolean due = credit >= 1.0 - 1e-9;
    boolean aboveShare = contact.eligible() > 0 && contact.picked() > rate * contact.eligible();
    // a contact who has fallen a whole pick behind its share may borrow the next turn (credit goes
    // below zero and later arrivals wait), so the arrival pattern cannot starve one contact
    boolean owed = credit > 0 && rate * (contact.eligible() + 1) - contact.picked() >= 1.0 - 1e-9;
    String history = "contact followed up " + contact.picked() + " of last " + contact.eligible() + " times";
    if ((due && !aboveShare) || owed) {
      return new Draw(true, new RuleState(credit - 1.0, rule.eligible() + 1, rule.picked() + 1),
          new ContactState(contact.eligible() + 1, contact.picked() + 1),
          "picked by the " + pct + " rotating sample (" + history + ")");
    }
    String why = due
        ? "not sampled (sample " + pct + ", " + history + ": the turn passes to a contact asked less often)"
        : "not sampled (sample " + pct + ", not this response's turn; " + history + ")";
    return new Draw(false, new RuleState(credit, rule.eligible() + 1, rule.picked()),
        new ContactState(contact.eligible() + 1, contact.picked()), why);
  }

  static String percent(double rate) {
    double p = rate * 100;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(java.util.Locale.ROOT, "%.1f", p)) + "%";
  }
}
