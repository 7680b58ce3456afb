package dev.followthrough.web;

import dev.followthrough.followup.CaseQueries.CaseView;
import dev.followthrough.responses.ResponseQueries.ResponseView;
import dev.followthrough.responses.ResponseQueries.ScorePoint;
import dev.followthrough.triggers.TriggerDecision;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One case with the customer around it. {@code errors} holds a refused command's reason under
 * "form.field" (shown beside that field); {@code form} the values the user typed, to show them back.
 */
public record CaseDetailView(CaseView c, ResponseView response, List<ScorePoint> scores, List<CaseView> previous,
                             List<CaseText.TimelineItem> timeline, TriggerDecision decision, List<String> teams,
                             List<String> owners, Instant now, ZoneId zone, boolean canWork, String me,
                             Map<String, String> errors, Map<String, String> form, String notice,
                             List<dev.followthrough.outreach.Messages.MessageView> deliveries,
                             dev.followthrough.interviews.InterviewView interview,
                             dev.followthrough.interviews.CallGuide callGuide) {

  /** A result field of the case's interview ("rootCause", "specifics.when"), or null. */
  @SuppressWarnings("unchecked")
  public String result(String path) {
    if (interview == null || interview.result() == null) return null;
    Object o = interview.result();
    for (String part : path.split("\\.")) {
      if (!(o instanceof Map<?, ?> m)) return null;
      o = m.get(part);
    }
    if (o instanceof List<?> l) {
      return l.isEmpty() ? null : String.join("; ", l.stream().map(x -> x instanceof Map<?, ?> m ? String.valueOf(m.get("signal")) : String.valueOf(x)).toList());
    }
    return o == null ? null : String.valueOf(o);
  }

  public String error(String form, String field) {
    return errors.get(form + "." + field);
  }

  public boolean hasError(String form) {
    return errors.keySet().stream().anyMatch(k -> k.startsWith(form + "."));
  }

  /** The typed value after a refusal, else the fallback (usually what the case holds). */
  public String value(String name, String fallback) {
    String v = form.get(name);
    return v != null ? v : fallback == null ? "" : fallback;
  }

  public boolean closed() {
    return "closed".equals(c.status());
  }

  public boolean mine() {
    return c.owner() != null && c.owner().equalsIgnoreCase(me);
  }

  public String sla() {
    return CaseText.sla(c, now);
  }

  public String slaTone() {
    return CaseText.slaTone(c, now);
  }

  public List<String> nextStatuses() {
    return CaseText.nextStatuses(c.status());
  }

  public String play() {
    return c.play() == null ? "recover" : c.play();
  }

  public String renewal() {
    return response == null || response.account() == null ? ""
        : CaseText.relativeDays(response.account().renewalDate(), now, zone);
  }
}
