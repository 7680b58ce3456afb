package dev.followthrough.interviews.domain;

import java.util.List;
import java.util.Set;

/**
 * What the moderator understood from one answer. {@code specificity} 0..1 (concrete features, numbers,
 * dates, an episode); {@code phrase}: the customer's own vague words worth laddering on ("too complicated");
 * {@code nothingMore}: the customer has nothing to add here (move on, do not probe);
 * {@code relevance}: similarity of the answer to the current phase's topic; {@code topic}: what a short answer names
 * ("Support, mostly." → "support"), to ask about it in the customer's words (null when it names nothing).
 */
public record Reading(String text, int words, double specificity, boolean specific, boolean vague, boolean terse,
                      boolean stop, boolean hostile, boolean offTopic, boolean nothingMore, Set<String> churn, String phrase,
                      double relevance, List<String> sentences, String topic) {

  /** An answer that takes the conversation deeper. */
  public boolean substantive() {
    // a terse answer without specifics ("Busy.", "Support, mostly.") does not take it deeper; the probe that follows may
    return !stop && !offTopic && !nothingMore && !(words <= 3 && specificity < 0.3) && !(hostile && specificity < 0.35);
  }
}
