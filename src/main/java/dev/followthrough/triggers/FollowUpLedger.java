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
}
