package dev.followthrough.interviews;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.followup.CaseQueries.CaseView;
import dev.followthrough.interviews.domain.DefaultGuides;
import dev.followthrough.interviews.domain.Guide;
import dev.followthrough.interviews.domain.Interview;
import dev.followthrough.interviews.domain.InterviewResult;
import dev.followthrough.interviews.jdbc.JdbcInterviews;
import dev.followthrough.interviews.jdbc.JdbcInterviews.Session;
import dev.followthrough.responses.ResponseQueries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The call guide for a case a person calls, and the call notes that become the interview's result. */
@Service
public class CallGuides {

  public sealed interface Recorded {
    record Done(InterviewView view) implements Recorded {}

    record Missing() implements Recorded {}

    record Invalid(String field, String reason) implements Recorded {}
  }

  private final Interviews interviews;
  private final JdbcInterviews store;
  private final CaseQueries cases;
  private final ResponseQueries responses;
  private final ApplicationEventPublisher events;

  CallGuides(Interviews interviews, JdbcInterviews store, CaseQueries cases, ResponseQueries responses,
             ApplicationEventPublisher events) {
    this.interviews = interviews;
    this.store = store;
    this.cases = cases;
    this.responses = responses;
    this.events = events;
  }

  /** The call guide from the case's interview guide (the version its session uses) and the customer's context. */
  public Optional<CallGuide> forCase(UUID caseId) {
    Optional<CaseView> found = cases.find(caseId);
    if (found.isEmpty()) return Optional.empty();
    CaseView c = found.get();
    Guide g = store.byCase(caseId).map(s -> s.interview().guide())
        .orElseGet(() -> interviews.currentGuide(DefaultGuides.kindFor(c.play(), c.category())));
    var response = responses.find(c.responseId());
    List<String> context = new ArrayList<>();
    response.map(ResponseQueries.ResponseView::account).ifPresent(a -> {
      StringBuilder s = new StringBuilder("Account: ").append(a.name() == null ? a.externalId() : a.name());
      if (a.tier() != null) s.append(", ").append(a.tier());
      if (a.arr() != null) s.append(", ARR ").append(a.arr().toPlainString());
      if (a.renewalDate() != null) s.append(", renews ").append(a.renewalDate());
      if (a.owner() != null) s.append(", owner ").append(a.owner());
      context.add(s.toString());
    });
    response.map(ResponseQueries.ResponseView::contact).ifPresent(p -> context.add("Contact: "
        + (p.name() == null ? "" : p.name() + " ") + (p.role() == null ? "" : "(" + p.role() + ") ")
        + (p.email() == null ? "" : p.email())));
    if (c.contactId() != null) {
      var scores = responses.contactScores(c.contactId(), 6);
      if (!scores.isEmpty()) {
        context.add("Score history: " + String.join(" → ", scores.stream()
            .map(p -> p.score() + " (" + LocalDate.ofInstant(p.respondedAt(), ZoneOffset.UTC) + ")").toList()));
      }
    }
    var previous = cases.history(c.contactId(), c.accountId(), 4).stream().filter(x -> !x.id().equals(c.id())).limit(3).toList();
    for (CaseView p : previous) {
      context.add("Previous case " + LocalDate.ofInstant(p.openedAt(), ZoneOffset.UTC) + ": score " + p.score() + ", "
          + p.status() + (p.rootCause() == null ? "" : " — root cause: " + p.rootCause()));
    }
    response.map(ResponseQueries.ResponseView::comment).filter(s -> !s.isBlank())
        .ifPresent(s -> context.add("Their comment: “" + s.strip() + "”"));

    List<String> before = List.of(
        "Say who you are and that this call is to learn, not to sell or to retain; ask if now is a good time (about 10 minutes).",
        "Open from the moment — “Walk me through what was happening when our survey reached you” — never “why did you give us a "
            + c.score() + "”.",
        "When an answer is vague, ladder: which part, which workflow, where exactly did you get stuck, how often, what did it cost.",
        "Do not defend, explain or promise a fix. Listen for churn signals: evaluating alternatives, a champion leaving, renewal doubt.");
    List<CallGuide.Section> sections = g.phases().stream().map(p -> new CallGuide.Section(p.name(), p.goal(), p.questions(),
        p.probes())).toList();
    return Optional.of(new CallGuide(g.key(), g.version(), g.title(), before, context, sections, g.summaryLead(),
        g.invitation() == null ? g.closing() : g.closing() + " " + g.invitation(), CallGuide.FIELDS));
  }

  /** Records the call notes as the case's interview result (channel call, moderator human) and publishes it. */
  @Transactional
  public Recorded record(UUID caseId, Map<String, String> notes, String actor) {
    Optional<CaseView> found = cases.find(caseId);
    if (found.isEmpty()) return new Recorded.Missing();
    for (String k : notes.keySet()) {
      if (CallGuide.FIELDS.stream().noneMatch(f -> f.name().equals(k))) return new Recorded.Invalid(k, "is not a call-notes field");
    }
    String root = blank(notes.get("rootCause"));
    if (root == null) return new Recorded.Invalid("rootCause", "is required: the root cause in the customer's words");
    String severity = blank(notes.get("severity"));
    if (severity != null && !List.of("low", "medium", "high", "critical").contains(severity)) {
      return new Recorded.Invalid("severity", "must be low, medium, high or critical");
    }
    for (Map.Entry<String, String> e : notes.entrySet()) {
      if (e.getValue() != null && e.getValue().length() > 4_000) return new Recorded.Invalid(e.getKey(), "is longer than 4000 characters");
    }
    List<InterviewResult.ChurnSignal> churn = new ArrayList<>();
    for (String s : split(notes.get("churnSignals"), ",")) {
      if (!List.of("evaluating alternatives", "champion leaving", "renewal doubt").contains(s)) {
        return new Recorded.Invalid("churnSignals", "must be among evaluating alternatives, champion leaving, renewal doubt");
      }
      churn.add(new InterviewResult.ChurnSignal(s, null));
    }
    String stated = blank(notes.get("statedReason"));
    String summary = blank(notes.get("summary"));
    if (summary == null) summary = (stated == null ? "" : "Said first: “" + stated + "”. ") + "Root cause: “" + root + "”.";
    InterviewResult result = new InterviewResult(summary, stated, root,
        new InterviewResult.Specifics(blank(notes.get("what")), blank(notes.get("when")), blank(notes.get("howOften")),
            blank(notes.get("howMuch"))), blank(notes.get("whoElse")), blank(notes.get("expectationGap")),
        severity == null ? "medium" : severity, churn, blank(notes.get("whatWouldChange")), split(notes.get("quotes"), "\n"),
        true, null, null);

    CaseView c = found.get();
    if (store.byCase(caseId).isEmpty()) interviews.create(c, "call");
    Session s = store.lockByCase(caseId).orElseThrow();
    Interview iv = s.interview();
    Instant now = interviews.clock().instant();
    Map<String, String> lines = new LinkedHashMap<>();
    for (CallGuide.Field f : CallGuide.FIELDS) {
      String v = blank(notes.get(f.name()));
      if (v != null && !f.kind().equals("choice") && !f.kind().equals("checks")) lines.put(f.label(), v);
    }
    boolean started = iv.recordByHand(result, lines, actor, now);
    store.save(iv, now);
    if (started) {
      events.publishEvent(new InterviewStarted(iv.id(), iv.caseId(), iv.contactId(), s.channel(), iv.guide().key(),
          iv.guide().version(), now));
    }
    interviews.publishCompleted(s);
    return new Recorded.Done(interviews.view(s));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static List<String> split(String s, String sep) {
    if (s == null) return List.of();
    return Arrays.stream(s.split(sep)).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }
}
