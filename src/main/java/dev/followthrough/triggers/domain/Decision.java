package dev.followthrough.triggers.domain;

import dev.followthrough.triggers.PriorityFactor;
import java.util.List;

/** What the rules decided for one response, with the reasons in words a user understands. */
public sealed interface Decision {

  /** The rule that decided; null when a global guard decided or no rule matched. */
  Rule rule();

  List<String> reasons();

  /** The reasons joined into one sentence, last (deciding) reason last. */
  default String reason() {
    return String.join("; ", reasons());
  }

  record FollowUp(Rule rule, Outcome outcome, int priority, List<PriorityFactor> factors, List<String> reasons)
      implements Decision {
    public FollowUp {
      factors = List.copyOf(factors);
      reasons = List.copyOf(reasons);
    }
  }

  record NoFollowUp(Rule rule, List<String> reasons) implements Decision {
    public NoFollowUp {
      reasons = List.copyOf(reasons);
    }
  }
}
