package dev.followthrough.followup;

/** What a command on a case came to: the case afterwards, no such case, or refused (nothing changed). */
public sealed interface CaseResult {
  record Done(CaseQueries.CaseView view) implements CaseResult {}

  record Missing() implements CaseResult {}

  /** {@code conflict}: valid request, but the case's state does not allow it. */
  record Refused(String field, String reason, boolean conflict) implements CaseResult {}
}
