package dev.followthrough.interviews.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Chooses the next message of an interview from the guide, the transcript and what it remembers. */
public interface Moderator {

  /** What the moderator keeps between turns (stored with the session). */
  record Memory(int phase, int probes, String segment, Set<String> churnFollowed, boolean acknowledged, int redirects) {
    public Memory {
      churnFollowed = churnFollowed == null ? Set.of() : Set.copyOf(churnFollowed);
    }

    public static Memory start() {
      return new Memory(0, 0, null, Set.of(), false, 0);
    }
  }

  /** When the interview ends on its own: answers that took it deeper, questions asked, time since the first answer. */
  record Limits(int maxDepth, int maxQuestions, Duration maxDuration) {}

  record Context(Guide guide, List<Turn> turns, Memory memory, Limits limits, Instant startedAt, Instant now) {
    public Turn lastQuestion() {
      for (int i = turns.size() - 1; i >= 0; i--) if (!turns.get(i).byCustomer()) return turns.get(i);
      return null;
    }

    public int depth() {
      return turns.stream().filter(Turn::byCustomer).mapToInt(Turn::depth).max().orElse(0);
    }

    public long questions() {
      return turns.stream().filter(t -> !t.byCustomer()).count();
    }

    public boolean asked(String text) {
      String n = normal(text);
      return turns.stream().anyMatch(t -> !t.byCustomer() && normal(t.text()).contains(n));
    }

    static String normal(String s) {
      return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
  }

  /** The next message; {@code reading} is how the last answer was understood (null before the first). */
  sealed interface Move {
    Reading reading();

    Memory memory();

    record Ask(String text, String phase, String kind, Reading reading, Memory memory) implements Move {}

    /** Enough has been heard: summarise and ask the customer to confirm or correct. */
    record Summarise(String why, Reading reading, Memory memory) implements Move {}

    /** The customer wants to stop. */
    record Stop(Reading reading, Memory memory) implements Move {}
  }

  Move next(Context context);

  /** A short name stored with each session ("built-in", "llm"). */
  String name();
}
