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
import dev.followthrough.platform.Role;
import dev.followthrough.platform.Users;
import dev.followthrough.responses.DemoStatus;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * With {@code followthrough.demo=true}, loads the {@link DemoProgram} through the real intake in the background once
 * the application is ready (so health is UP at once and the console shows the progress, {@link DemoStatus}), unless
 * the database already holds demo data. The demo's account owners become console users first (agents, password
 * {@link #DEMO_PASSWORD}), so the cases they are given alert a person, not a name. The responses go through {@link ResponseIntake} like any others,
 * so they are validated, deduplicated and announced as {@code ResponseRecorded}, and every downstream module sees a
 * realistic year of traffic.
 */
@Component
public class DemoLoader implements ApplicationListener<ApplicationReadyEvent> {

  /** Every demo user's password; documented in the README. Demo data is for looking around, never for real use. */
  public static final String DEMO_PASSWORD = "followthrough-demo";
  static final String DEMO_DOMAIN = "demo.followthrough.example";

  /** Fixed, so every node loading within the same hour generates the same program, response for response. */
  static final long SEED = 20_260_101L;
  static final int BATCH = 1_000;

  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

  private final FollowthroughSettings settings;
  private final ResponseQueries queries;
  private final ResponseIntake intake;
  private final Clock clock;
  private final Users users;
  private final DemoStatus status;
  private final AtomicReference<Instant> anchor = new AtomicReference<>();

  DemoLoader(FollowthroughSettings settings, ResponseQueries queries, ResponseIntake intake, Clock clock, Users users,
             DemoStatus status) {
    this.settings = settings;
    this.queries = queries;
    this.intake = intake;
    this.clock = clock;
    this.users = users;
    this.status = status;
  }

  /**
   * What one load did: the accounts and contacts that answered at least once (only they are stored), the responses
   * and their outcomes. A second load of the same program records nothing: its responses are all known.
   */
  public record Loaded(int accounts, int contacts, int responses, int recorded, int updated, int duplicates,
                       int rejected, Duration took) {}

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (!settings.demo()) return;
    if (queries.hasDemoData()) {
      log.info("Demo mode: demo data is already loaded, not loading it again");
      return;
    }
    Thread.ofPlatform().name("demo-loader").daemon().start(() -> {
      try {
        load();
      } catch (RuntimeException e) {
        log.error("Demo load failed", e);
        status.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    });
  }

  /** The demo's account owners as console users (agents), so their cases reach a person; existing ones are kept. */
  int ownersAsUsers() {
    int created = 0;
    for (String name : DemoProgram.owners()) {
      String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "@" + DEMO_DOMAIN;
      if (users.byEmail(email).isPresent()) continue;
      users.create(email, name, DEMO_PASSWORD, Role.AGENT);
      created++;
    }
    return created;
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
    status.started(responses.size());
    int owners = ownersAsUsers();
    if (owners > 0) log.info("Demo mode: {} account owners are console users now (password: {})", owners, DEMO_PASSWORD);
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
      status.advanced(Math.min(from + BATCH, responses.size()));
    }
    // accounts and contacts exist only through their responses: count those that answered at least once
    int accounts = (int) responses.stream().map(r -> r.account().externalId()).distinct().count();
    int contacts = (int) responses.stream().map(r -> r.contact().externalId()).distinct().count();
    Loaded loaded = new Loaded(accounts, contacts, responses.size(), recorded, updated, duplicates, rejected,
        Duration.ofNanos(System.nanoTime() - started));
    status.finished(loaded.took());
    log.info("Demo program loaded in {} ms (generated in {} ms): {} accounts, {} contacts, {} responses "
            + "({} new, {} updated, {} already there, {} rejected)", loaded.took().toMillis(),
        (generated - started) / 1_000_000, loaded.accounts(), loaded.contacts(), loaded.responses(), recorded, updated,
        duplicates, rejected);
    return loaded;
  }
}
