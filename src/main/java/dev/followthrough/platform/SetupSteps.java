package dev.followthrough.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * First-run steps a person ticks off by saying so (most steps of the checklist are read from the
 * state they produce instead; see the console's getting-started page). Marking twice is a no-op.
 */
@Service
public class SetupSteps {

  private final JdbcClient jdbc;
  private final Clock clock;

  SetupSteps(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Set<String> done() {
    return jdbc.sql("SELECT step FROM platform_setup_step").query(String.class).stream().collect(Collectors.toSet());
  }

  public void mark(String step, String by) {
    jdbc.sql("INSERT INTO platform_setup_step (step, done_by, done_at) VALUES (:step, :by, :now) ON CONFLICT DO NOTHING")
        .param("step", step).param("by", by).param("now", Timestamp.from(clock.instant())).update();
  }
}
