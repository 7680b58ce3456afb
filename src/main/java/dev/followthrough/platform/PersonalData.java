package dev.followthrough.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One module's share of a contact's personal data, for a data subject's access request (GDPR art. 15) and its
 * erasure (art. 17). Each module that keeps something about a contact contributes a bean over its own tables;
 * the responses module's {@code /api/v1/contacts/{id}/personal-data} collects them. Erasure pseudonymises: free
 * text and identity go, scores, dates, categories and counts stay, so the program's numbers do not change.
 */
public interface PersonalData {

  /** The section's name in the export ({@code responses}, {@code cases}…). */
  String section();

  /** The ids of the contact's records other modules refer to (responses, interview sessions), asked before export and erase. */
  default Set<UUID> records(UUID contactId) {
    return Set.of();
  }

  /** Everything this module holds about the contact, as JSON-ready values. */
  Map<String, List<Map<String, Object>>> export(Subject subject);

  /** Removes or pseudonymises it in the caller's transaction; answers what changed, per kind, for the record. */
  Map<String, Integer> erase(Subject subject);

  /** A contact and the ids of their records in every module ({@link #records}), so no module reads another's tables. */
  record Subject(UUID contactId, Set<UUID> records) {
    public UUID[] recordArray() {
      return records.toArray(UUID[]::new);
    }
  }
}
