package dev.followthrough.responses.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** An account as delivered with a response; null fields leave the stored value unchanged. */
public record AccountData(String externalId, String name, String tier, BigDecimal arr, LocalDate renewalDate,
                          String owner, Map<String, Object> attributes) {
  public AccountData {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
