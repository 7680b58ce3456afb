package dev.followthrough.triggers;

import dev.followthrough.triggers.jdbc.JdbcDecisions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The decisions recorded on a response: one per revision, each with its reasons and priority factors. */
@Service
public class TriggerDecisions {

  private final JdbcDecisions decisions;

  TriggerDecisions(JdbcDecisions decisions) {
    this.decisions = decisions;
  }

  /** Oldest revision first. */
  public List<TriggerDecision> forResponse(UUID responseId) {
    return decisions.forResponse(responseId);
  }

  public Optional<TriggerDecision> latest(UUID responseId) {
    List<TriggerDecision> all = forResponse(responseId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
  }
}
