package dev.followthrough.interviews;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An interview as the customer's page, the JSON API and the console see it. {@code question}: the message
 * waiting for an answer (null when over); {@code result}: the structured result once there is one. {@code title}: the
 * heading the customer sees — the same for every guide: never the guide's internal name, which names the score group
 * ("Passive: what would make it better"), and a customer is never labelled by their score.
 */
public record InterviewView(UUID id, UUID caseId, String status, String channel, String guide, int guideVersion,
                            String title, String intro, Message question, List<Message> transcript, int depth,
                            String moderator, Map<String, Object> result, Instant openedAt, Instant startedAt,
                            Instant completedAt) {

  public static final String CUSTOMER_TITLE = "Your experience, in your own words";

  /** One message; {@code turn} is its number in the transcript (answers name the question they answer). */
  public record Message(int turn, String speaker, String text, String phase, String kind, int depth, Instant at) {
    public boolean byCustomer() {
      return "customer".equals(speaker);
    }
  }

  public boolean done() {
    return "completed".equals(status) || "stopped".equals(status);
  }

  /** The moderator's last words when the interview is over (thanks, or the stop message). */
  public String closing() {
    if (!done() || transcript.isEmpty()) return null;
    Message last = transcript.getLast();
    return last.byCustomer() ? null : last.text();
  }

  public String summary() {
    return result == null ? null : (String) result.get("summary");
  }
}
