package dev.followthrough.actions.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** One coded piece of customer feedback about a mechanism, with the segment it came from. */
public record Mention(String mechanism, UUID contactId, UUID accountId, String accountName, String tier,
                      String category, BigDecimal arr, String quote) {

  public boolean detractor() {
    return "detractor".equals(category);
  }
}
