package dev.followthrough.interviews.domain;

import dev.followthrough.interviews.domain.InterviewResult.ChurnSignal;
import java.util.List;

/**
 * What an interview's result asks of its case: the severity the conversation showed, the next step, and whether the
 * person answering for the case must hear about it now (a churn signal, or a high or critical diagnosis). The next
 * step names what was said, so the person reading it knows what to do without opening the transcript first.
 */
public record CaseMove(String severity, String nextStep, boolean alert, String why) {

  /** @param category the customer's NPS category (detractor, passive, promoter) */
  public static CaseMove after(InterviewResult r, String category) {
    String severity = r.severity() == null ? "medium" : r.severity();
    List<ChurnSignal> churn = r.churnSignals();
    String root = r.rootCause() == null ? null : quote(r.rootCause());
    boolean severe = severity.equals("high") || severity.equals("critical");
    String step;
    String why;
    if (!churn.isEmpty()) {
      ChurnSignal first = churn.getFirst();
      step = "Call the customer within one business day: churn risk (" + signals(churn)
          + (first.quote() == null || first.quote().isBlank() ? "" : ", “" + quote(first.quote()) + "”") + ")"
          + (root == null ? "." : ". Agree with them what we will do about “" + root + "”.");
      why = "churn risk: " + signals(churn);
    } else if (severe) {
      step = "Contact the customer within two business days about “" + (root == null ? "what the interview found" : root)
          + "” and agree what we will do.";
      why = severity + " severity";
    } else if ("promoter".equals(category)) {
      step = "Thank the customer, and ask for a review or an introduction to a peer.";
      why = "promoter";
    } else {
      step = root == null ? "Read the transcript and decide whether to call the customer."
          : "Pass “" + root + "” to the team that owns it, and tell the customer what happens next.";
      why = severity + " severity";
    }
    return new CaseMove(severity, step, !churn.isEmpty() || severe, why);
  }

  static String signals(List<ChurnSignal> churn) {
    return String.join(", ", churn.stream().map(ChurnSignal::signal).distinct().toList());
  }

  private static String quote(String s) {
    String t = s.strip().replaceAll("[.!?]+$", "");
    return t.length() > 160 ? t.substring(0, 157).strip() + "…" : t;
  }
}
