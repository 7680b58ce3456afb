package dev.followthrough.triggers;

import java.util.Map;
import java.util.UUID;

/**
 * A trigger rule as the console and the API show it. {@code conditions} and {@code outcome} are in
 * the documented API/YAML shape (see the README); {@code summary} says the conditions in words.
 */
public record TriggerRule(UUID id, String name, int position, boolean enabled, String description,
                          Map<String, Object> conditions, Map<String, Object> outcome, String summary, int version) {}
