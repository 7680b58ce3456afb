package dev.followthrough.outreach;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.followthrough.followup.CaseQueries;
import dev.followthrough.followup.CaseQueries.CaseFilter;
import dev.followthrough.followup.CaseQueries.CaseView;
import dev.followthrough.outreach.Recipients.Resolved;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The daily digest, on a recurring durable timer ({@code outreach-digest}, once per day across the
 * cluster): each owner gets their open cases (overdue first), each team with a Slack channel a
 * summary. Keys {@code digest:<owner>:<day>} make a rerun on the same day send nothing.
 */
@Component
class Digests {

  static final String DIGEST = "outreach-digest";

  @Configuration(proxyBeanMethods = false)
  static class Timers {
    @Bean
    RecurringTask<Void> outreachDigestTask(OutreachSettings settings, ObjectProvider<Digests> digests) {
      return Tasks.recurring(DIGEST, Schedules.daily(settings.digestTimeZone(), settings.digestAt()))
          .execute((instance, context) -> digests.getObject().send());
    }
  }

  private final CaseQueries cases;
  private final Composer composer;
  private final Recipients recipients;
  private final Templates templates;
  private final Outbox outbox;
  private final Links links;
  private final OutreachSettings settings;
  private final SchedulerClient timers;
  private final RecurringTask<Void> outreachDigestTask;
  private final Clock clock;

  Digests(CaseQueries cases, Composer composer, Recipients recipients, Templates templates, Outbox outbox, Links links,
          OutreachSettings settings, SchedulerClient timers, RecurringTask<Void> outreachDigestTask, Clock clock) {
    this.cases = cases;
    this.composer = composer;
    this.recipients = recipients;
    this.templates = templates;
    this.outbox = outbox;
    this.links = links;
    this.settings = settings;
    this.timers = timers;
    this.outreachDigestTask = outreachDigestTask;
    this.clock = clock;
  }

  /** The platform scheduler only knows tasks; a recurring one needs its first execution put in once. */
  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (settings.digestEnabled()) timers.scheduleIfNotExists(outreachDigestTask.schedulableInstance(RecurringTask.INSTANCE));
  }

  /** Sends today's digests (idempotent per owner and day). Returns how many owners got one. */
  int send() {
    if (!settings.digestEnabled()) return 0;
    Instant now = clock.instant();
    ZoneId zone = settings.digestTimeZone();
    LocalDate day = now.atZone(zone).toLocalDate();
    Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
    List<CaseView> open = new ArrayList<>();
    CaseFilter filter = new CaseFilter(CaseQueries.View.ALL, null, "open", null, null, null, null, null, null, null, "due");
    for (int page = 0; page < 100; page++) {
      var p = cases.list(filter, page, 500);
      open.addAll(p.items());
      if (p.items().size() < 500) break;
    }
    Map<String, List<CaseView>> byOwner = new LinkedHashMap<>();
    Map<String, List<CaseView>> byTeam = new LinkedHashMap<>();
    for (CaseView c : open) {
      if (c.owner() != null) byOwner.computeIfAbsent(c.owner(), k -> new ArrayList<>()).add(c);
      if (c.team() != null) byTeam.computeIfAbsent(c.team(), k -> new ArrayList<>()).add(c);
    }
    int sent = 0;
    var t = templates.find("digest", settings.defaultLanguage()).orElseThrow();
    for (var e : byOwner.entrySet()) {
      List<CaseView> mine = e.getValue().stream().sorted(Comparator.comparing(CaseView::dueAt)).toList();
      long overdue = mine.stream().filter(c -> c.overdue(now)).count();
      long dueToday = mine.stream().filter(c -> !c.overdue(now) && c.dueAt().isBefore(endOfDay)).count();
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put("openCount", Integer.toString(mine.size()));
      vars.put("overdueCount", Long.toString(overdue));
      vars.put("dueTodayCount", Long.toString(dueToday));
      vars.put("cases", String.join("\n", mine.stream().limit(50).map(c -> line(c, now)).toList()));
      vars.put("inboxLink", links.baseUrl() + "/cases");
      vars.put("owner", e.getKey());
      var rendered = Templates.render(t.subject(), t.body(), vars);
      Resolved to = recipients.resolve(e.getKey());
      String key = "digest:" + e.getKey().toLowerCase(Locale.ROOT) + ":" + day;
      Draft d = Draft.email(key, "digest", false, null, null, null, to instanceof Resolved.To(String m) ? m : e.getKey(),
          settings.defaultLanguage(), new Draft.Rendered(rendered.subject(), rendered.text(), rendered.html()), null, now);
      if (to instanceof Resolved.Nobody n) outbox.record(d, "skipped", n.reason());
      else if (outbox.enqueue(d).isPresent()) sent++;
    }
    for (var e : byTeam.entrySet()) {
      long overdue = e.getValue().stream().filter(c -> c.overdue(now)).count();
      long unassigned = e.getValue().stream().filter(c -> c.owner() == null).count();
      List<String> lines = e.getValue().stream().filter(c -> c.overdue(now)).limit(20).map(c -> line(c, now)).toList();
      composer.slackText("slack.digest", "slack.digest:" + e.getKey().toLowerCase(Locale.ROOT) + ":" + day, e.getKey(),
          "Team " + e.getKey() + ": " + e.getValue().size() + " open, " + overdue + " overdue, " + unassigned + " queued",
          lines);
    }
    return sent;
  }

  private String line(CaseView c, Instant now) {
    return "- " + (c.overdue(now) ? "[overdue] " : "") + "score " + c.score() + " (" + c.category() + "), " + c.channel()
        + ", due " + composer.when(c.dueAt()) + " — " + links.baseUrl() + "/cases/" + c.id();
  }
}
