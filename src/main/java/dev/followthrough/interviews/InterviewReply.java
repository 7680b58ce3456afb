package dev.followthrough.interviews;

/** What a customer's request came to: the interview afterwards, no such (or an expired) link, or refused. */
public sealed interface InterviewReply {
  /** {@code duplicate}: the same answer arrived twice; nothing new was stored. */
  record Ok(InterviewView view, boolean duplicate) implements InterviewReply {}

  record NotFound() implements InterviewReply {}

  /** {@code conflict}: valid, but the interview's state does not allow it. */
  record Refused(String field, String reason, boolean conflict) implements InterviewReply {}
}
