package dev.followthrough.triggers;

import java.util.Map;
import java.util.UUID;

/**
 * A trigger rule as the console and the API show it. {@code conditions} and {@code outcome} are in
 * the documented API/YAML shape (see the README); {@code summary} says the conditions in words.
 */
public record TriggerRule(UUID id, String name, int position, boolean enabled, String description,
                          Map<String, Object> conditions, Map<String, Object> outcome, String summary, int version) {

  /** The rule in its API/YAML shape: what {@code PUT /rules/{id}} takes ({@code version} only if asked). */
  public Map<String, Object> asMap(boolean withVersion) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", name);
    m.put("enabled", enabled);
    if (description != null) m.put("description", description);
    m.put("conditions", conditions);
    m.put("outcome", outcome);
    if (withVersion) m.put("version", version);
    return m;
  }
}
