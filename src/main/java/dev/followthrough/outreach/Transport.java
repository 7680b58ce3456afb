package dev.followthrough.outreach;

/** Sends one stored message over one channel and says how it went. */
interface Transport {

  String channel();

  Result send(Outbox.Stored message);

  sealed interface Result {
    record Sent() implements Result {}

    /** Worth trying again later: the server is down, busy, or said 4xx. */
    record Temporary(String reason) implements Result {}

    /** Will never work: the address does not exist, the hook is gone. */
    record Permanent(String reason) implements Result {}
  }
}
