package dev.followthrough.interviews.domain;

import java.util.List;

/**
 * What an interview found, in the customer's own words where possible. {@code specifics}: what, when,
 * how often, how much. {@code confirmed}: the customer agreed with the summary; {@code correction}: what
 * they corrected instead.
 */
public record InterviewResult(String summary, String statedReason, String rootCause, Specifics specifics, String whoElse,
                              String expectationGap, String severity, List<ChurnSignal> churnSignals,
                              String whatWouldChange, List<String> quotes, Boolean confirmed, String correction,
                              String segment) {

  public record Specifics(String what, String when, String howOften, String howMuch) {}

  public record ChurnSignal(String signal, String quote) {}

  public InterviewResult {
    churnSignals = churnSignals == null ? List.of() : List.copyOf(churnSignals);
    quotes = quotes == null ? List.of() : List.copyOf(quotes);
  }

  public InterviewResult confirmedAs(Boolean ok, String correctionText) {
    String root = rootCause;
    if (correctionText != null && !correctionText.isBlank() && AnswerReader.lexicalSpecificity(correctionText) > 0.2) root = correctionText;
    return new InterviewResult(summary, statedReason, root, specifics, whoElse, expectationGap, severity, churnSignals,
        whatWouldChange, quotes, ok, correctionText, segment);
  }
}
