package dev.followthrough.interviews;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.followup.CaseQueries.CaseView;
import dev.followthrough.interviews.domain.DefaultGuides;
import dev.followthrough.interviews.domain.Guide;
import dev.followthrough.interviews.domain.Interview;
import dev.followthrough.interviews.domain.InterviewResult;
import dev.followthrough.interviews.domain.Moderator;
import dev.followthrough.interviews.domain.Turn;
import dev.followthrough.interviews.jdbc.JdbcInterviews;
import dev.followthrough.interviews.jdbc.JdbcInterviews.Session;
import dev.followthrough.outreach.Links;
import dev.followthrough.platform.Ids;
import dev.followthrough.responses.ResponseQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * The interviews: one per case on the interview channel (and, for call cases, the call guide and the
 * call notes). The customer reaches theirs by the signed link's token alone; every answer is taken under
 * the session's row lock, so two tabs or a double submit never store an answer twice.
 */
@Service
public class Interviews {

  private final JdbcInterviews store;
  private final CaseQueries cases;
  private final ResponseQueries responses;
  private final Links links;
  private final Moderator moderator;
  private final InterviewsSettings settings;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private volatile boolean seeded;

  Interviews(JdbcInterviews store, CaseQueries cases, ResponseQueries responses, Links links, Moderator moderator,
             InterviewsSettings settings, ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.cases = cases;
    this.responses = responses;
    this.links = links;
    this.moderator = moderator;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  // ---- invitations ---------------------------------------------------------------------------------

  /** Creates the case's interview (for the interview and call channels); a repeated call finds it there. */
  @Transactional
  public Optional<UUID> invite(UUID caseId) {
    Optional<CaseView> found = cases.find(caseId);
    if (found.isEmpty()) return Optional.empty();
    CaseView c = found.get();
    if (!"interview".equals(c.channel()) && !"call".equals(c.channel())) return Optional.empty();
    return create(c, c.channel()).map(s -> s.interview().id());
  }

  /** The case's session, created with the current guide for its play if it has none (a repeated call finds it). */
  Optional<Session> create(CaseView c, String channel) {
    Guide guide = currentGuide(DefaultGuides.kindFor(c.play(), c.category()));
    String comment = responses.find(c.responseId()).map(ResponseQueries.ResponseView::comment).orElse(null);
    store.insert(new JdbcInterviews.NewSession(Ids.timeOrdered(clock.instant()), c.id(), c.contactId(), c.responseId(),
        c.accountId(), c.score(), c.category(), comment, channel, guide, clock.instant()));
    return store.byCase(c.id());
  }

  /** The customer's interview link for a case on the interview channel. */
  public Optional<String> interviewUrl(CaseView c) {
    if (!"interview".equals(c.channel()) || c.contactId() == null) return Optional.empty();
    return Optional.of(links.interviewLink(c.id(), c.contactId()));
  }

  // ---- the customer's side -------------------------------------------------------------------------

  /** Opens the interview behind a token: the first time, it is marked opened and the first question asked. */
  @Transactional
  public InterviewReply open(String token) {
    Optional<Session> s = session(token, true);
    if (s.isEmpty()) return new InterviewReply.NotFound();
    Interview iv = s.get().interview();
    if (iv.open(clock.instant(), moderator)) store.save(iv, clock.instant());
    return new InterviewReply.Ok(view(s.get()), false);
  }

  /** The customer's answer; {@code turn}: the number of the question answered (null: the current one). */
  @Transactional
  public InterviewReply answer(String token, String text, Integer turn) {
    Optional<Session> s = session(token, true);
    if (s.isEmpty()) return new InterviewReply.NotFound();
    Interview iv = s.get().interview();
    Instant now = clock.instant();
    return switch (iv.answer(text, turn, now, moderator)) {
      case Interview.Answered.Refused r -> new InterviewReply.Refused(r.field(), r.reason(), r.conflict());
      case Interview.Answered.Duplicate d -> new InterviewReply.Ok(view(s.get()), true);
      case Interview.Answered.Accepted a -> {
        store.save(iv, now);
        if (a.started()) publishStarted(s.get(), now);
        if (a.finished()) publishCompleted(s.get());
        yield new InterviewReply.Ok(view(s.get()), false);
      }
    };
  }

  /** The customer stops; what they said so far is kept and published. They may resume with the same link. */
  @Transactional
  public InterviewReply stop(String token) {
    Optional<Session> s = session(token, true);
    if (s.isEmpty()) return new InterviewReply.NotFound();
    Interview iv = s.get().interview();
    if (iv.status() == Interview.Status.INVITED) iv.open(clock.instant(), moderator);
    boolean finished = iv.stop(clock.instant());
    store.save(iv, clock.instant());
    if (finished) publishCompleted(s.get());
    return new InterviewReply.Ok(view(s.get()), false);
  }

  /** The session behind a genuine, unexpired interview token (created now if the case has none yet). */
  private Optional<Session> session(String token, boolean lock) {
    Optional<Links.Claims> claims = links.verify(token).filter(c -> c.purpose().equals("interview") && c.caseId() != null);
    if (claims.isEmpty()) return Optional.empty();
    UUID caseId = claims.get().caseId();
    Optional<Session> s = lock ? store.lockByCase(caseId) : store.byCase(caseId);
    if (s.isEmpty()) {
      Optional<CaseView> c = cases.find(caseId);
      if (c.isEmpty()) return Optional.empty();
      create(c.get(), "interview");
      s = lock ? store.lockByCase(caseId) : store.byCase(caseId);
    }
    s.ifPresent(x -> x.interview().withLimits(limits()));
    return s;
  }

  private Moderator.Limits limits() {
    return new Moderator.Limits(settings.maxDepth(), settings.maxQuestions(), settings.maxDuration());
  }

  // ---- the console ---------------------------------------------------------------------------------

  /** The case's interview with its transcript and result, if it has one. */
  public Optional<InterviewView> forCase(UUID caseId) {
    return store.byCase(caseId).map(this::view);
  }

  public List<InterviewFunnel> funnel(Instant from, Instant to) {
    return store.funnel(from, to);
  }

  // ---- events --------------------------------------------------------------------------------------

  private void publishStarted(Session s, Instant now) {
    Interview iv = s.interview();
    events.publishEvent(new InterviewStarted(iv.id(), iv.caseId(), iv.contactId(), s.channel(), iv.guide().key(),
        iv.guide().version(), now));
  }

  void publishCompleted(Session s) {
    Interview iv = s.interview();
    List<Map<String, Object>> transcript = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    for (Turn t : iv.turns()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("speaker", t.speaker());
      m.put("text", t.text());
      m.put("phase", t.phase());
      m.put("at", t.at().toString());
      transcript.add(m);
      if (t.byCustomer() && t.depth() > 0) words.append(t.text().strip()).append('\n');
    }
    events.publishEvent(new InterviewCompleted(iv.id(), iv.caseId(), iv.contactId(), s.responseId(), s.accountId(),
        iv.score(), s.category(), s.channel(), iv.guide().key(), iv.guide().version(), iv.moderator(), iv.status().code(),
        iv.revision(), iv.depth(), transcript, words.toString().strip(), resultMap(iv.result()), iv.startedAt(),
        iv.completedAt()));
  }

  static Map<String, Object> resultMap(InterviewResult r) {
    if (r == null) return null;
    return JdbcInterviews.JSON.convertValue(r, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  InterviewView view(Session s) {
    Interview iv = s.interview();
    List<InterviewView.Message> transcript = iv.turns().stream().map(Interviews::message).toList();
    Turn q = iv.currentQuestion();
    return new InterviewView(iv.id(), iv.caseId(), iv.status().code(), s.channel(), iv.guide().key(), iv.guide().version(),
        InterviewView.CUSTOMER_TITLE, iv.guide().intro(), q == null ? null : message(q), transcript, iv.depth(),
        iv.moderator(), resultMap(iv.result()), iv.openedAt(), iv.startedAt(), iv.completedAt());
  }

  static InterviewView.Message message(Turn t) {
    return new InterviewView.Message(t.seq(), t.speaker(), t.text(), t.phase(), t.kind(), t.depth(), t.at());
  }

  // ---- guides --------------------------------------------------------------------------------------

  /** The latest version of the guide for a kind (detractor, passive, promoter). */
  public Guide currentGuide(String kind) {
    seed();
    return store.latest(kind)
        .or(() -> { // the flag outlived the rows (seeded inside a transaction that rolled back): seed again
          seeded = false;
          seed();
          return store.latest(kind);
        })
        .or(() -> store.latest("detractor"))
        .map(JdbcInterviews.GuideRow::guide)
        .orElseThrow(() -> new IllegalStateException("no interview guide for " + kind));
  }

  void seed() {
    if (seeded) return;
    for (Guide g : DefaultGuides.all()) store.insertGuide(g, "followthrough", clock.instant());
    seeded = true;
  }

  JdbcInterviews store() {
    return store;
  }

  Clock clock() {
    return clock;
  }

  /** Who an interview was with: its contact, the response it followed up and its case. */
  public record Participant(UUID interviewId, UUID contactId, UUID responseId, UUID caseId) {}

  /** The participants of these interviews, by interview id; unknown ids are left out. */
  public Map<UUID, Participant> participants(java.util.Collection<UUID> interviewIds) {
    Map<UUID, Participant> out = new java.util.HashMap<>();
    store.contactsOf(interviewIds).forEach((id, v) -> out.put(id, new Participant(id, v[0], v[1], v[2])));
    return out;
  }
}
