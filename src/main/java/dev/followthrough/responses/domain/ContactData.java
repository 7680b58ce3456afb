package dev.followthrough.responses.domain;

import java.util.Map;

/** A contact as delivered with a response, matched by external id, else by email. */
public record ContactData(String externalId, String email, String name, String role, Map<String, Object> attributes) {
  public ContactData {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
