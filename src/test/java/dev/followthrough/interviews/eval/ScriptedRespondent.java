package dev.followthrough.interviews.eval;

import dev.followthrough.interviews.domain.Turn;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted customer: per phase a queue of answers (the first usually vague, the next more specific),
 * given in order as the moderator asks in that phase; churn follow-ups, redirects and the summary get their
 * own lines. {@code stopAfter}: asks to stop after this many answers (0: never). {@code rootCause}: the
 * ground truth the summary should capture, {@code keyTerms}: words that show it was captured.
 * {@code slots}: words the play-back's other slots must carry (who, gap, when); {@code minSeverity}: the least
 * severity the result may have (null: not checked). A line may end in annotations ({@link Preregistered}).
 */
record ScriptedRespondent(String name, String guide, int score, String comment, Map<String, List<String>> answers,
                          List<String> extra, int stopAfter, String rootCause, List<String> keyTerms,
                          Map<String, List<String>> slots, String minSeverity) {

  ScriptedRespondent(String name, String guide, int score, String comment, Map<String, List<String>> answers,
                     List<String> extra, int stopAfter, String rootCause, List<String> keyTerms) {
    this(name, guide, score, comment, answers, extra, stopAfter, rootCause, keyTerms, Map.of(), null);
  }

  static final Pattern MARK = Pattern.compile("\\s*\\[(topic|churn):([^\\]]+)]\\s*$");

  /** What the script's author marked on a line: a topic-naming short answer, or a churn signal, with the words to expect. */
  record Mark(String kind, List<String> words) {}

  Player play() {
    return new Player(this);
  }

  static final class Player {
    private final ScriptedRespondent r;
    private final Map<String, Deque<String>> left = new HashMap<>();
    private final Deque<String> extra;
    private final Map<String, Mark> marks = new HashMap<>();
    private int given;

    Player(ScriptedRespondent r) {
      this.r = r;
      r.answers().forEach((k, v) -> left.put(k, new ArrayDeque<>(v)));
      this.extra = new ArrayDeque<>(r.extra());
    }

    /** The annotation of a line this player said (null when unmarked). */
    Mark mark(String said) {
      return marks.get(said);
    }

    String answer(Turn question) {
      return clean(raw(question));
    }

    private String clean(String line) {
      Matcher m = MARK.matcher(line);
      if (!m.find()) return line;
      String text = line.substring(0, m.start());
      marks.put(text, new Mark(m.group(1), List.of(m.group(2).split(","))));
      return text;
    }

    private String raw(Turn question) {
      given++;
      if (r.stopAfter() > 0 && given > r.stopAfter()) return "I want to stop now, sorry.";
      if ("summary".equals(question.kind())) return "Yes, that's right.";
      if ("correct".equals(question.kind())) return "Nothing else.";
      if (List.of("churn", "acknowledge").contains(question.kind()) && !extra.isEmpty()) return extra.poll();
      Deque<String> q = left.get(question.phase());
      if (q != null && !q.isEmpty()) return q.poll();
      // out of script for this phase: the last, most specific line again in other words, or a shrug
      return q == null ? "Not sure what to add." : "Like I said, that's about it.";
    }
  }
}
