package dev.followthrough.interviews;

import dev.followthrough.followup.CaseAssigned;
import dev.followthrough.followup.CaseOpened;
import dev.followthrough.followup.CaseQueries;
import dev.followthrough.followup.CaseStatus;
import dev.followthrough.followup.FollowUps;
import dev.followthrough.interviews.domain.CaseMove;
import dev.followthrough.interviews.domain.InterviewResult;
import dev.followthrough.interviews.jdbc.JdbcInterviews;
import dev.followthrough.outreach.Links;
import dev.followthrough.outreach.StaffMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Events in and out. A case on the interview or call channel gets its interview; an interview's own
 * events update the case through the follow-up API (timeline entries; in conversation when the customer
 * starts; the outcome form pre-filled where still empty). The follow-up module cannot listen to these
 * itself: interviews already depends on it (cases, links), and the module graph must stay acyclic.
 * Every delivery is at least once and every step here is idempotent.
 */
@Component
class InterviewListeners {

  static final String ACTOR = "interview";

  private final Interviews interviews;
  private final FollowUps followUps;
  private final CaseQueries cases;
  private final StaffMessages staff;
  private final Links links;

  InterviewListeners(Interviews interviews, FollowUps followUps, CaseQueries cases, StaffMessages staff, Links links) {
    this.interviews = interviews;
    this.followUps = followUps;
    this.cases = cases;
    this.staff = staff;
    this.links = links;
  }

  /** Every case passes here, so this is a pipeline stage (batches from the work queue), not an outbox listener. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Stages {
    @org.springframework.context.annotation.Bean
    dev.followthrough.platform.Stage<CaseOpened> interviewsCaseOpenedStage(Interviews interviews) {
      return new dev.followthrough.platform.Stage<>() {
        @Override
        public String name() {
          return "interviews.case-opened";
        }

        @Override
        public Class<CaseOpened> type() {
          return CaseOpened.class;
        }

        @Override
        public boolean accepts(CaseOpened e) {
          return "interview".equals(e.channel()) || "call".equals(e.channel());
        }

        @Override
        public void handle(java.util.List<CaseOpened> batch) {
          batch.forEach(e -> interviews.invite(e.caseId()));
        }
      };
    }
  }

  @ApplicationModuleListener
  void on(CaseAssigned e) {
    // an overflow to the interview channel
    if ("interview".equals(e.channel())) interviews.invite(e.caseId());
  }

  @ApplicationModuleListener
  void on(InterviewStarted e) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("interviewId", e.interviewId().toString());
    d.put("channel", e.channel());
    d.put("guide", e.guide() + " v" + e.guideVersion());
    followUps.log(e.caseId(), "interview_started", ACTOR, d);
    followUps.move(e.caseId(), CaseStatus.IN_CONVERSATION, ACTOR); // refused on a closed case: nothing to do then
  }

  @ApplicationModuleListener
  void on(InterviewCompleted e) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("interviewId", e.interviewId().toString());
    d.put("status", e.status());
    d.put("revision", e.revision());
    d.put("depth", e.depth());
    d.put("summary", e.summary());
    if (e.rootCause() != null) d.put("rootCause", e.rootCause());
    Object severity = e.result().get("severity");
    if (severity != null) d.put("severity", severity);
    followUps.log(e.caseId(), "interview_" + e.status(), ACTOR, d);
    followUps.move(e.caseId(), CaseStatus.IN_CONVERSATION, ACTOR); // the two events may arrive in either order
    cases.find(e.caseId()).ifPresent(c -> {
      // pre-fill the outcome form; what a person wrote there stands
      String summary = c.summary() == null ? e.summary() : null;
      String root = c.rootCause() == null ? e.rootCause() : null;
      if (summary != null || root != null) followUps.record(e.caseId(), summary, root, null, null, null, ACTOR);
    });
    move(e);
  }

  /**
   * After the interview the case moves: its severity and next step from what was said, and — for a churn risk or a
   * high or critical diagnosis — an email (and the team's Slack channel, when it has one) to whoever answers for the
   * case: its owner, or the team lead when it has none. One alert per interview result (the outbox key says so).
   * Hand-written call notes move the case too, but alert nobody: the person who called knows already.
   */
  private void move(InterviewCompleted e) {
    if (e.result() == null) return;
    InterviewResult r = JdbcInterviews.JSON.convertValue(e.result(), InterviewResult.class);
    CaseMove m = CaseMove.after(r, e.category());
    followUps.assess(e.caseId(), m.severity(), m.nextStep(), "interview: " + m.why(), ACTOR); // refused on a closed case
    if (!m.alert() || (e.moderator() != null && e.moderator().startsWith("human:"))) return;
    followUps.responsible(e.caseId()).ifPresent(who -> {
      String link = links.baseUrl() + "/cases/" + e.caseId();
      String subject = "[" + m.severity() + (r.churnSignals().isEmpty() ? "" : ", churn risk") + "] interview with "
          + (e.category() == null ? "a customer" : "a " + e.category()) + " (score " + e.score() + "): act now";
      List<String> lines = new ArrayList<>();
      lines.add("Next step: " + m.nextStep());
      if (r.rootCause() != null) lines.add("Root cause, in their words: " + r.rootCause());
      for (InterviewResult.ChurnSignal c : r.churnSignals()) {
        lines.add("Churn signal (" + c.signal() + ")" + (c.quote() == null ? "" : ": " + c.quote()));
      }
      if (e.summary() != null) lines.add("Summary: " + e.summary());
      lines.add("Open the case: " + link);
      String text = "The customer's interview " + ("completed".equals(e.status()) ? "is complete" : "stopped early")
          + " and needs you now (severity " + m.severity() + ").\n\n" + String.join("\n", lines) + "\n";
      String key = "interview_alert:" + e.interviewId() + ":" + e.revision() + ":" + who.strip().toLowerCase(java.util.Locale.ROOT);
      staff.email(key, "interview_alert", who, subject, text, null);
      cases.find(e.caseId()).map(CaseQueries.CaseView::team).ifPresent(team ->
          staff.slack("slack." + key, "slack.interview_alert", team, subject, lines));
    });
  }
}
