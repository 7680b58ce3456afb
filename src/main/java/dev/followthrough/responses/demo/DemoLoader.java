package dev.followthrough.responses.demo;

import dev.followthrough.platform.FollowthroughSettings;
import dev.followthrough.responses.ResponseIntake;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.domain.Intake;
import dev.followthrough.responses.domain.ResponseCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code followthrough.demo=true}, loads the {@link DemoProgram} through the real intake once the bootstrap has
 * run, unless the database already holds demo data. The responses go through {@link ResponseIntake} like any others,
 * so they are validated, deduplicated and announced as {@code ResponseRecorded}, and every downstream module sees a
 * realistic year of traffic.
 */
@Component
@Order(10)
public class DemoLoader implements ApplicationRunner {

  /** Fixed, so every node loading within the same hour generates the same program, response for response. */
  static final long SEED = 20_260_101L;
  static final int BATCH = 1_000;

  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

  private final FollowthroughSettings settings;
  private final ResponseQueries queries;
  private final ResponseIntake intake;
  private final Clock clock;
  private final AtomicReference<Instant> anchor = new AtomicReference<>();

  DemoLoader(FollowthroughSettings settings, ResponseQueries queries, ResponseIntake intake, Clock clock) {
    this.settings = settings;
    this.queries = queries;
    this.intake = intake;
    this.clock = clock;
  }

  /**
   * What one load did: the accounts and contacts that answered at least once (only they are stored), the responses
   * and their outcomes. A second load of the same program records nothing: its responses are all known.
   */
  public record Loaded(int accounts, int contacts, int responses, int recorded, int updated, int duplicates,
                       int rejected, Duration took) {}

  @Override
  public void run(ApplicationArguments args) {
    if (!settings.demo()) return;
    if (queries.hasDemoData()) {
      log.info("Demo mode: demo data is already loaded, not loading it again");
      return;
    }
    load();
  }

  /** Generates the demo program ending now and records it, in batches; safe to call again. */
  public Loaded load() {
    long started = System.nanoTime();
    // The hour, not the millisecond: nodes starting together generate identical responses, which the intake then
    // recognises as duplicates rather than as new revisions. Later loads in this process replay the same program.
    Instant now = anchor.updateAndGet(a -> a != null ? a : clock.instant().truncatedTo(ChronoUnit.HOURS));
    // Grouped by account (and, within it, still oldest first) so that each account and contact is upserted in one
    // batch instead of in every batch: this cuts the load's round trips by about five.
    List<ResponseCommand> responses = DemoProgram.generate(SEED, now).responses().stream()
        .sorted(Comparator.comparing((ResponseCommand r) -> r.account().externalId())
            .thenComparing(r -> r.contact().externalId()))
        .toList();
    long generated = System.nanoTime();
    int recorded = 0;
    int updated = 0;
    int duplicates = 0;
    int rejected = 0;
    for (int from = 0; from < responses.size(); from += BATCH) {
      for (Intake outcome : intake.recordAll(responses.subList(from, Math.min(from + BATCH, responses.size())))) {
        switch (outcome) {
          case Intake.Recorded r -> recorded++;
          case Intake.Updated u -> updated++;
          case Intake.Duplicate d -> duplicates++;
          case Intake.Rejected x -> {
            if (rejected++ == 0) log.warn("Demo response rejected: {} {}", x.field(), x.reason());
          }
        }
      }
    }
    // accounts and contacts exist only through their responses: count those that answered at least once
    int accounts = (int) responses.stream().map(r -> r.account().externalId()).distinct().count();
    int contacts = (int) responses.stream().map(r -> r.contact().externalId()).distinct().count();
    Loaded loaded = new Loaded(accounts, contacts, responses.size(), recorded, updated, duplicates, rejected,
        Duration.ofNanos(System.nanoTime() - started));
    log.info("Demo program loaded in {} ms (generated in {} ms): {} accounts, {} contacts, {} responses "
            + "({} new, {} updated, {} already there, {} rejected)", loaded.took().toMillis(),
        (generated - started) / 1_000_000, loaded.accounts(), loaded.contacts(), loaded.responses(), recorded, updated,
        duplicates, rejected);
    return loaded;
  }
}
