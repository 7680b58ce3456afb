package dev.followthrough.surveys;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.followthrough.outreach.Links;
import dev.followthrough.outreach.OutreachSettings;
import dev.followthrough.outreach.SurveyMail;
import dev.followthrough.responses.ContactDirectory;
import dev.followthrough.responses.ContactDirectory.Member;
import dev.followthrough.platform.Ids;
import dev.followthrough.surveys.domain.Cadence;
import dev.followthrough.surveys.domain.Fatigue;
import dev.followthrough.surveys.domain.Spread;
import dev.followthrough.surveys.jdbc.JdbcSurveys;
import dev.followthrough.surveys.jdbc.JdbcSurveys.NewSend;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The survey clock, one durable recurring timer ({@code surveys-tick}, on one node at a time): plan
 * the relational waves whose period has started, hand due sends to outreach after the fatigue check,
 * send reminders and in-app email fallbacks. Every step is idempotent: a wave is planned once per
 * (program, period), a send is planned once per (program, contact, occasion), a due send is locked
 * ({@code SKIP LOCKED}) and moved from planned to sent or skipped in the same transaction that
 * queues its email under the key {@code survey:<send>}. Restarts and two nodes never send twice.
 */
@Service
public class SurveyWaves {

  private static final Logger log = LoggerFactory.getLogger(SurveyWaves.class);
  static final String TICK = "surveys-tick";

  @Configuration(proxyBeanMethods = false)
  static class Timers {
    @Bean
    RecurringTask<Void> surveysTickTask(ObjectProvider<SurveyWaves> waves, SurveySettings settings) {
      return Tasks.recurring(TICK, FixedDelay.of(settings.tick())).execute((instance, context) -> waves.getObject().run());
    }
  }

  /** What one tick did. */
  public record Tick(int planned, int sent, int skipped, int reminded) {}

  private final JdbcSurveys store;
  private final ContactDirectory contacts;
  private final SurveyMail mail;
  private final Links links;
  private final TransactionTemplate tx;
  private final SurveySettings settings;
  private final OutreachSettings outreach;
  private final Clock clock;
  private final SchedulerClient timers;
  private final RecurringTask<Void> surveysTickTask;

  SurveyWaves(JdbcSurveys store, ContactDirectory contacts, SurveyMail mail, Links links, TransactionTemplate tx,
              SurveySettings settings, OutreachSettings outreach, Clock clock, SchedulerClient timers,
              RecurringTask<Void> surveysTickTask) {
    this.timers = timers;
    this.surveysTickTask = surveysTickTask;
    this.store = store;
    this.contacts = contacts;
    this.mail = mail;
    this.links = links;
    this.tx = tx;
    this.settings = settings;
    this.outreach = outreach;
    this.clock = clock;
  }

  /** The platform scheduler only knows tasks; a recurring one needs its first execution put in once. */
  @EventListener(ApplicationReadyEvent.class)
  void start() {
    timers.scheduleIfNotExists(surveysTickTask.schedulableInstance(RecurringTask.INSTANCE));
  }

  public Tick run() {
    Instant now = clock.instant();
    int planned = planWaves(now);
    int[] sent = sendDue(now);
    int reminded = remindAndFallBack(now);
    if (planned + sent[0] + sent[1] + reminded > 0)
      log.info("surveys: planned {}, sent {}, skipped {}, reminded {}", planned, sent[0], sent[1], reminded);
    return new Tick(planned, sent[0], sent[1], reminded);
  }

  /** Plans the current period of every active relational program that has not been planned yet. */
  public int planWaves(Instant now) {
    int planned = 0;
    LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
    for (Program p : store.activeRelational()) {
      Cadence cadence = new Cadence(p.startsOn(), p.cadenceMonths());
      int period = cadence.periodOf(today);
      if (period >= 0) planned += plan(p, period, now);
    }
    return planned;
  }

  /** Plans one wave; 0 when it was planned before. */
  public int plan(Program p, int period, Instant now) {
    Integer n = tx.execute(status -> {
      if (!store.claimWave(p.id(), period, now)) return 0;
      List<Spread.Target> targets = new ArrayList<>();
      Map<UUID, UUID> accounts = new HashMap<>();
      contacts.audience(p.audience().tier(), p.audience().attribute(), p.audience().value(), m -> {
        targets.add(new Spread.Target(m.id(), zone(m)));
        if (m.accountId() != null) accounts.put(m.id(), m.accountId());
      });
      Cadence cadence = new Cadence(p.startsOn(), p.cadenceMonths());
      LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
      List<Spread.Slot> slots = Spread.plan(targets, cadence, period, p.cohorts(), settings.morning(), today);
      int inserted = 0;
      List<NewSend> chunk = new ArrayList<>(5000);
      for (Spread.Slot s : slots) {
        chunk.add(new NewSend(Ids.timeOrdered(now), s.contactId(), accounts.get(s.contactId()), "p" + period, s.at(),
            p.channel().key(), p.touchpoint()));
        if (chunk.size() == 5000) {
          inserted += store.insertSends(p.id(), chunk, now);
          chunk.clear();
        }
      }
      inserted += store.insertSends(p.id(), chunk, now);
      store.waveSize(p.id(), period, inserted);
      return inserted;
    });
    return n == null ? 0 : n;
  }

  /** Due sends, batch by batch: {sent, skipped}. */
  public int[] sendDue(Instant now) {
    int[] total = new int[2];
    while (true) {
      int[] batch = tx.execute(status -> sendBatch(now));
      if (batch == null || batch[0] + batch[1] == 0) return total;
      total[0] += batch[0];
      total[1] += batch[1];
    }
  }

  private int[] sendBatch(Instant now) {
    store.lockSending();
    List<SurveySend> due = store.lockDue(now, Math.max(1, settings.sendBatch()));
    if (due.isEmpty()) return new int[2];
    Map<UUID, Member> members = new HashMap<>();
    for (Member m : contacts.findAll(due.stream().map(SurveySend::contactId).distinct().toList())) members.put(m.id(), m);
    Map<UUID, Instant> last = store.lastSurveyed(List.copyOf(members.keySet()));
    Map<UUID, Integer> perAccount = store.accountSentSince(
        members.values().stream().map(Member::accountId).filter(java.util.Objects::nonNull).distinct().toList(),
        Fatigue.monthStart(now));
    Map<UUID, Program> programs = new HashMap<>();
    List<UUID> sent = new ArrayList<>();
    int skipped = 0;
    for (SurveySend s : due) {
      Program p = programs.computeIfAbsent(s.programId(), id -> store.program(id).orElseThrow());
      Member m = members.get(s.contactId());
      String reason;
      if (m == null) reason = "contact no longer exists";
      else if (!p.active()) reason = "program paused";
      else {
        Fatigue.Rules rules = settings.fatigue().tightenedBy(p.cooldownDays(), p.accountBudget());
        boolean email = p.channel() == Program.Channel.EMAIL;
        Fatigue.Contact fc = new Fatigue.Contact(m.optedOut(), m.undeliverable(), m.email() != null && !m.email().isBlank(),
            last.get(m.id()), m.accountId() != null, m.accountId() == null ? 0 : perAccount.getOrDefault(m.accountId(), 0));
        reason = Fatigue.skipReason(rules, fc, email, now).orElse(null);
      }
      if (reason != null) {
        store.markSkipped(s.id(), reason, now);
        skipped++;
        continue;
      }
      sent.add(s.id());
      last.put(m.id(), now);
      if (m.accountId() != null) perAccount.merge(m.accountId(), 1, Integer::sum);
      if (p.channel() == Program.Channel.EMAIL) email(s, p, m, "survey", "survey:" + s.id(), p.template(), now);
    }
    store.markSentAll(sent, now); // same transaction as the queued emails: both or neither
    return new int[] {sent.size(), skipped};
  }

  /** Reminders to email non-responders and the email fallback of unanswered in-app surveys. */
  public int remindAndFallBack(Instant now) {
    Integer n = tx.execute(status -> {
      int done = 0;
      Map<UUID, Program> programs = new HashMap<>();
      List<SurveySend> due = store.dueFollowUps(now, 500);
      Map<UUID, Member> members = new HashMap<>();
      for (Member m : contacts.findAll(due.stream().map(SurveySend::contactId).distinct().toList())) members.put(m.id(), m);
      for (SurveySend s : due) {
        Program p = programs.computeIfAbsent(s.programId(), id -> store.program(id).orElseThrow());
        Member m = members.get(s.contactId());
        // a step is used up even when nobody can be emailed: otherwise such sends would come back every tick and,
        // oldest first, fill the batch for good
        boolean reachable = m != null && !m.optedOut() && !m.undeliverable() && m.email() != null && !m.email().isBlank();
        if (p.channel() == Program.Channel.EMAIL && s.remindersSent() < p.reminders().size()) {
          int i = s.remindersSent();
          if (store.markReminded(s.id(), i + 1) && reachable) {
            email(s, p, m, "survey_reminder", "survey-reminder:" + s.id() + ":" + (i + 1), p.reminders().get(i).template(), now);
            done++;
          }
        } else if (p.channel() == Program.Channel.IN_APP && p.fallbackDays() != null && !s.fallbackSent()) {
          if (store.markFallback(s.id()) && reachable) {
            email(s, p, m, "survey", "survey-fallback:" + s.id(), p.template(), now);
            done++;
          }
        }
      }
      return done;
    });
    return n == null ? 0 : n;
  }

  private void email(SurveySend s, Program p, Member m, String kind, String key, String template, Instant now) {
    mail.send(new SurveyMail.SurveyEmail(key, kind, m.id(), m.email(), m.name(), m.language(), template,
        links.programSurveyLink(s.id(), m.id()), zone(m), now));
  }

  ZoneId zone(Member m) {
    return zoneOf(m, outreach.defaultTimeZone());
  }

  /** The contact's (or its account's) {@code timezone} attribute; an unknown or missing zone is the fallback. */
  static ZoneId zoneOf(Member m, ZoneId fallback) {
    if (m.timeZone() != null) {
      try {
        return ZoneId.of(m.timeZone().strip());
      } catch (DateTimeException e) {
        // an unknown zone name: the workspace default
      }
    }
    return fallback;
  }
}
