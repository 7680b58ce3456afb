package dev.followthrough.interviews.domain;

import dev.followthrough.interviews.domain.Moderator.Memory;
import dev.followthrough.interviews.domain.Moderator.Move;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One customer's interview: the transcript, where the moderator stands, and the result. Every command
 * says what it caused and is safe to repeat — a double-submitted answer is recognised, not stored twice.
 */
public final class Interview {

  public enum Status {
    INVITED, OPENED, IN_PROGRESS, CONFIRMING, COMPLETED, STOPPED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isOver() {
      return this == COMPLETED || this == STOPPED;
    }
  }

  /** What an answer did. {@code started}: it was the first; {@code finished}: a result is now ready. */
  public sealed interface Answered {
    record Accepted(boolean started, boolean finished) implements Answered {}

    /** The same answer to the same question arrived again: nothing changed. */
    record Duplicate() implements Answered {}

    record Refused(String field, String reason, boolean conflict) implements Answered {}
  }

  public static final int MAX_ANSWER = 4_000;
  static final Pattern YES = Pattern.compile("(?i)^\\s*(yes|yep|yeah|yup|correct|right|exactly|spot on|that'?s (it|right|correct)|"
      + "sounds (right|good|about right)|accurate|ok|okay|sure|pretty much|absolutely|you got it)\\b");
  static final Pattern BUT = Pattern.compile("(?i)\\b(but|except|however|although|though|missing|wrong|not quite|actually)\\b");
  static final Pattern BARE_NO = Pattern.compile("(?i)^\\s*(no|nope|not (really|quite|exactly)|partly|kind of|sort of)[.!, ]*$");
  static final String STOPPED_MESSAGE = "Of course — thank you for your time. What you told us so far reaches the team. "
      + "If you change your mind, this link still works and you can pick up where you left off.";
  static final String CORRECT_PROMPT = "What should I correct or add?";

  private final UUID id;
  private final UUID caseId;
  private final UUID contactId;
  private final Guide guide;
  private final Integer score;
  private final String comment;
  private final List<Turn> turns;
  private String moderator;
  private Status status;
  private Memory memory;
  private Instant openedAt;
  private Instant startedAt;
  private Instant completedAt;
  private InterviewResult result;
  private int revision;

  public Interview(UUID id, UUID caseId, UUID contactId, Guide guide, Integer score, String comment, String moderator,
                   Status status, List<Turn> turns, Memory memory, Instant openedAt, Instant startedAt, Instant completedAt,
                   InterviewResult result, int revision) {
    this.id = Objects.requireNonNull(id);
    this.caseId = caseId;
    this.contactId = contactId;
    this.guide = Objects.requireNonNull(guide);
    this.score = score;
    this.comment = comment;
    this.moderator = moderator;
    this.status = Objects.requireNonNull(status);
    this.turns = new ArrayList<>(turns);
    this.memory = memory == null ? Memory.start() : memory;
    this.openedAt = openedAt;
    this.startedAt = startedAt;
    this.completedAt = completedAt;
    this.result = result;
    this.revision = revision;
  }

  public static Interview invite(UUID id, UUID caseId, UUID contactId, Guide guide, Integer score, String comment) {
    return new Interview(id, caseId, contactId, guide, score, comment, null, Status.INVITED, List.of(), Memory.start(),
        null, null, null, null, 0);
  }

  /** The customer opened the link: the first question is asked. Returns whether anything changed. */
  public boolean open(Instant now, Moderator m) {
    boolean changed = false;
    if (status == Status.INVITED) {
      status = Status.OPENED;
      openedAt = now;
      changed = true;
    }
    if (turns.isEmpty()) {
      apply(m.next(context(m, now)), now, m);
      changed = true;
    }
    return changed;
  }

  /** The customer's answer to the question numbered {@code toTurn} (null: the current one). */
  public Answered answer(String text, Integer toTurn, Instant now, Moderator m) {
    if (text == null || text.isBlank()) return new Answered.Refused("text", "is required", false);
    String t = text.strip();
    if (t.length() > MAX_ANSWER) return new Answered.Refused("text", "is longer than " + MAX_ANSWER + " characters", false);
    if (turns.isEmpty()) open(now, m);
    Turn question = currentQuestion();
    if (toTurn != null && question != null && toTurn != question.seq()) {
      Turn given = toTurn >= 0 && toTurn + 1 < turns.size() ? turns.get(toTurn + 1) : null;
      if (given != null && given.byCustomer() && given.text().equals(t)) return new Answered.Duplicate();
      return new Answered.Refused("turn", "question " + toTurn + " is not the current question (" + question.seq() + ")", true);
    }
    if (toTurn == null && !turns.isEmpty() && turns.getLast().byCustomer() == false && turns.size() >= 2
        && turns.get(turns.size() - 2).byCustomer() && turns.get(turns.size() - 2).text().equals(t)) {
      return new Answered.Duplicate();
    }
    if (status == Status.COMPLETED) return new Answered.Refused("text", "the interview is complete; thank you", true);
    boolean first = startedAt == null;
    if (first) startedAt = now;
    if (status == Status.STOPPED) status = question != null && "summary".equals(question.kind()) ? Status.CONFIRMING : Status.IN_PROGRESS;
    if (status == Status.INVITED || status == Status.OPENED) status = Status.IN_PROGRESS;
    if (openedAt == null) openedAt = now;

    if (status == Status.CONFIRMING) {
      add(Turn.CUSTOMER, t, "summary", "answer", 0, now);
      if (BARE_NO.matcher(t).matches() && turns.stream().noneMatch(x -> "correct".equals(x.kind()))) {
        add(Turn.MODERATOR, CORRECT_PROMPT, "summary", "correct", 0, now);
        return new Answered.Accepted(first, false);
      }
      boolean yes = YES.matcher(t).find() && !BUT.matcher(t).find();
      String correction = yes ? null : BARE_NO.matcher(t).matches() ? null : t;
      result = result.confirmedAs(yes, correction);
      add(Turn.MODERATOR, closingText(), "closing", "closing", 0, now);
      complete(now);
      return new Answered.Accepted(first, true);
    }
    int seq = add(Turn.CUSTOMER, t, question == null ? guide.phases().getFirst().key() : question.phase(), "answer", 0, now);
    Move move = m.next(context(m, now));
    if (move.reading() != null && move.reading().substantive()) {
      int depth = depth() + 1;
      Turn a = turns.get(seq);
      turns.set(seq, new Turn(a.seq(), a.speaker(), a.text(), a.phase(), move.reading().stop() ? "stop" : a.kind(), depth, a.at()));
    } else if (move.reading() != null && move.reading().stop()) {
      Turn a = turns.get(seq);
      turns.set(seq, new Turn(a.seq(), a.speaker(), a.text(), a.phase(), "stop", 0, a.at()));
    }
    moderator = m.name();
    boolean finished = apply(move, now, m);
    return new Answered.Accepted(first, finished);
  }

  /** The customer pressed stop. Returns whether a (partial) result is now ready. */
  public boolean stop(Instant now) {
    if (status.isOver()) return false;
    return apply(new Move.Stop(null, memory), now, null);
  }

  private boolean apply(Move move, Instant now, Moderator m) {
    memory = move.memory();
    switch (move) {
      case Move.Ask a -> {
        add(Turn.MODERATOR, a.text(), a.phase(), a.kind(), 0, now);
        return false;
      }
      case Move.Summarise s -> {
        result = Results.extract(guide, turns, comment, score, memory.segment());
        if (depth() == 0) {
          add(Turn.MODERATOR, closingText(), "closing", "closing", 0, now);
          complete(now);
          return true;
        }
        status = Status.CONFIRMING;
        add(Turn.MODERATOR, guide.summaryLead() + " " + result.summary() + " Did I get that right? Correct anything I missed.",
            "summary", "summary", 0, now);
        return false;
      }
      case Move.Stop x -> {
        add(Turn.MODERATOR, STOPPED_MESSAGE, "closing", "closing", 0, now);
        status = Status.STOPPED;
        completedAt = now;
        if (depth() == 0) return false;
        result = Results.extract(guide, turns, comment, score, memory.segment());
        revision++;
        return true;
      }
    }
  }

  /**
   * A person ran the interview (a call with the guide) and wrote the result down: each note becomes a line
   * of the transcript, the result stands as written. Returns whether this started the interview.
   */
  public boolean recordByHand(InterviewResult written, java.util.Map<String, String> notes, String by, Instant now) {
    boolean first = startedAt == null;
    if (first) startedAt = now;
    if (openedAt == null) openedAt = now;
    moderator = "human:" + by;
    int depth = depth();
    for (var e : notes.entrySet()) add(Turn.CUSTOMER, e.getValue(), "notes", "notes", ++depth, now);
    result = written;
    complete(now);
    return first;
  }

  private void complete(Instant now) {
    status = Status.COMPLETED;
    completedAt = now;
    revision++;
  }

  private String closingText() {
    return guide.invitation() == null || guide.invitation().isBlank() ? guide.closing() : guide.closing() + " " + guide.invitation();
  }

  private Moderator.Context context(Moderator m, Instant now) {
    return new Moderator.Context(guide, List.copyOf(turns), memory, limits, startedAt, now);
  }

  private Moderator.Limits limits = new Moderator.Limits(7, 12, java.time.Duration.ofMinutes(20));

  public Interview withLimits(Moderator.Limits l) {
    this.limits = l;
    return this;
  }

  private int add(String speaker, String text, String phase, String kind, int depth, Instant at) {
    int seq = turns.size();
    turns.add(new Turn(seq, speaker, text, phase, kind, depth, at));
    return seq;
  }

  /** The question waiting for an answer; null when the interview is over or not opened. */
  public Turn currentQuestion() {
    if (status == Status.COMPLETED || turns.isEmpty() || turns.getLast().byCustomer()) return null;
    for (int i = turns.size() - 1; i >= 0; i--) {
      Turn t = turns.get(i);
      if (!t.byCustomer() && !"closing".equals(t.kind())) return t;
    }
    return null;
  }

  public int depth() {
    return turns.stream().filter(Turn::byCustomer).mapToInt(Turn::depth).max().orElse(0);
  }

  public UUID id() { return id; }
  public UUID caseId() { return caseId; }
  public UUID contactId() { return contactId; }
  public Guide guide() { return guide; }
  public Integer score() { return score; }
  public String comment() { return comment; }
  public String moderator() { return moderator; }
  public Status status() { return status; }
  public List<Turn> turns() { return List.copyOf(turns); }
  public Memory memory() { return memory; }
  public Instant openedAt() { return openedAt; }
  public Instant startedAt() { return startedAt; }
  public Instant completedAt() { return completedAt; }
  public InterviewResult result() { return result; }
  public int revision() { return revision; }
}
