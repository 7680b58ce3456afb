package dev.followthrough.responses.domain;

import dev.followthrough.nps.Category;
import java.util.UUID;

/** What happened to one delivered response. */
public sealed interface Intake {
  record Recorded(UUID id, Category category) implements Intake {}
  /** Same (source, source id) with a changed score, comment or context: updated, old values kept in history. */
  record Updated(UUID id, Category category, int revision) implements Intake {}
  record Duplicate(UUID id, Category category) implements Intake {}
  record Rejected(String field, String reason) implements Intake {}
}
