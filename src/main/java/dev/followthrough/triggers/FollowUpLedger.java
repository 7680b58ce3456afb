package dev.followthrough.triggers;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the trigger rules need to know about follow-ups already under way, for suppression. The
 * {@code followup} module implements it (it depends on this module, not the other way round).
 */
public interface FollowUpLedger {

  /** The contact has a case that is not closed. */
  boolean hasOpenCase(UUID contactId);

  /** When the contact's most recent case was opened, if any. */
  Optional<Instant> lastFollowUpAt(UUID contactId);

  /** Of these contacts, the ones with a case that is not closed (for a batch of decisions). */
  default java.util.Set<UUID> withOpenCase(java.util.Collection<UUID> contactIds) {
    java.util.Set<UUID> out = new java.util.HashSet<>();
    for (UUID c : contactIds) if (hasOpenCase(c)) out.add(c);
    return out;
  }

  /** When each of these contacts' most recent case was opened (contacts without a case are absent). */
  default java.util.Map<UUID, Instant> lastFollowUpAt(java.util.Collection<UUID> contactIds) {
    java.util.Map<UUID, Instant> out = new java.util.HashMap<>();
    for (UUID c : contactIds) lastFollowUpAt(c).ifPresent(t -> out.put(c, t));
    return out;
  }
}
