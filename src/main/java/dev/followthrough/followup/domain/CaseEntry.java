package dev.followthrough.followup.domain;

import java.time.Instant;
import java.util.Map;

/** One line of a case's audit trail: what happened, who did it, when, with its details. */
public record CaseEntry(String type, String actor, Instant at, Map<String, Object> detail) {
  public CaseEntry {
    detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(detail));
  }
}
