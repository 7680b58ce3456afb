package dev.followthrough.interviews;

import java.util.List;

/**
 * The human channel: the interview guide as a call script for the person calling, with the customer's
 * context, and the notes form whose fields map to the same structured result as an AI interview.
 */
public record CallGuide(String guide, int guideVersion, String title, List<String> before, List<String> context,
                        List<Section> sections, String summaryLead, String closing, List<Field> fields) {

  public record Section(String name, String goal, List<String> questions, List<String> probes) {}

  /** A notes field: {@code name} is the result field it fills; {@code kind}: text, long, choice or checks. */
  public record Field(String name, String label, String hint, String kind, List<String> options) {}

  public static final List<Field> FIELDS = List.of(
      new Field("statedReason", "Stated reason", "the first reason they gave", "text", List.of()),
      new Field("rootCause", "Root cause, in their words", "the concrete thing underneath", "long", List.of()),
      new Field("what", "What exactly", "feature, screen, step", "text", List.of()),
      new Field("when", "When", "since when, what came first", "text", List.of()),
      new Field("howOften", "How often", "every day, each month-end…", "text", List.of()),
      new Field("howMuch", "How much", "hours, money, people", "text", List.of()),
      new Field("whoElse", "Who else is affected", "team, champion, manager", "text", List.of()),
      new Field("expectationGap", "Expectation gap", "what they expected versus what happened; sold or built wrong", "long", List.of()),
      new Field("whatWouldChange", "What would change the score", "", "text", List.of()),
      new Field("severity", "Severity", "", "choice", List.of("low", "medium", "high", "critical")),
      new Field("churnSignals", "Churn signals", "", "checks", List.of("evaluating alternatives", "champion leaving", "renewal doubt")),
      new Field("quotes", "Best quotes", "one per line, their exact words", "long", List.of()),
      new Field("summary", "Summary you played back", "what you summarised and they confirmed", "long", List.of()));
}
