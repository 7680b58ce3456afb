package dev.followthrough.responses.hooks;

import dev.followthrough.responses.domain.ResponseCommand;
import java.time.Instant;
import java.util.List;

/**
 * One survey tool: how its deliveries are authenticated and how its payload becomes responses.
 * Implementations are plain Java (no Spring, no database), so they are tested without a server.
 */
public interface VendorAdapter {

  /** Is this delivery really from the vendor (and fresh)? Never looks at the database. */
  Verification verify(HookRequest request, String secret, Instant now);

  /** The responses in an authenticated delivery, or why there are none. */
  Parsed parse(HookRequest request, HookSource source);

  sealed interface Verification {
    /** {@code replayKey}: a per-delivery id the vendor signs (with a timestamp); seen twice → replay. Null when the vendor has none. */
    record Verified(String replayKey) implements Verification {}
    record Unauthorized(String reason) implements Verification {}
  }

  sealed interface Parsed {
    record Commands(List<ResponseCommand> commands) implements Parsed {}
    /** Authentic, well-formed, but not an NPS answer (a decline, a CSAT good/bad, a thin event): answered 200. */
    record Ignored(String reason) implements Parsed {}
    /** Broken JSON or form body: 400. */
    record Malformed(String reason) implements Parsed {}
    /** A field of the wrong type or value: 422 naming it. */
    record Invalid(String field, String reason) implements Parsed {}
  }
}
