package dev.followthrough.outreach;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sends stored messages over one channel and says how each went. */
interface Transport {

  String channel();

  Result send(Outbox.Stored message);

  /** A batch of this channel's messages; a transport that can share a connection across them overrides this. */
  default Map<UUID, Result> sendAll(List<Outbox.Stored> messages) {
    Map<UUID, Result> out = new LinkedHashMap<>();
    for (Outbox.Stored m : messages) {
      Result r;
      try {
        r = send(m);
      } catch (RuntimeException e) {
        r = new Result.Temporary(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      out.put(m.id(), r);
    }
    return out;
  }

  sealed interface Result {
    record Sent() implements Result {}

    /** Worth trying again later: the server is down, busy, or said 4xx. */
    record Temporary(String reason) implements Result {}

    /** Will never work: the address does not exist, the hook is gone. */
    record Permanent(String reason) implements Result {}

    /** Not sent on purpose (the contact opted out, the address is undeliverable): never tried. */
    record Skipped(String reason) implements Result {}
  }
}
