package dev.followthrough.reporting;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.followthrough.outreach.Links;
import dev.followthrough.outreach.StaffMessages;
import dev.followthrough.platform.Role;
import dev.followthrough.platform.Users;
import dev.followthrough.reporting.PeriodicReportSettings.Schedule;
import dev.followthrough.reporting.domain.PeriodicReport;
import dev.followthrough.reporting.domain.ReportComposer;
import dev.followthrough.reporting.domain.ReportMarkdown;
import dev.followthrough.reporting.domain.ReportPeriod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Makes and sends the periodic report on a daily durable timer ({@code reporting-periodic-report}, one
 * node per run): each day it looks at the last complete week or month; the first run that finds its report
 * missing makes it, and whichever run first claims its delivery sends it — by email to staff and to the
 * team's Slack channel. Missed days catch up on the next run; a second node or a rerun sends nothing.
 */
@Component
class PeriodicReportDelivery {

  static final String TASK = "reporting-periodic-report";
  private static final Logger log = LoggerFactory.getLogger(PeriodicReportDelivery.class);

  @Configuration(proxyBeanMethods = false)
  static class Timers {
    @Bean
    RecurringTask<Void> reportingPeriodicReportTask(PeriodicReportSettings settings, ReportingSettings reporting,
                                                    ObjectProvider<PeriodicReportDelivery> delivery) {
      return Tasks.recurring(TASK, Schedules.daily(reporting.timeZone(), settings.reportSendAt()))
          .execute((instance, context) -> delivery.getObject().run());
    }
  }

  private final PeriodicReports reports;
  private final StaffMessages messages;
  private final Users users;
  private final Links links;
  private final PeriodicReportSettings settings;
  private final SchedulerClient timers;
  private final RecurringTask<Void> task;
  private final TransactionTemplate tx;

  PeriodicReportDelivery(PeriodicReports reports, StaffMessages messages, Users users, Links links,
                         PeriodicReportSettings settings, SchedulerClient timers, RecurringTask<Void> reportingPeriodicReportTask,
                         TransactionTemplate tx) {
    this.reports = reports;
    this.messages = messages;
    this.users = users;
    this.links = links;
    this.settings = settings;
    this.timers = timers;
    this.task = reportingPeriodicReportTask;
    this.tx = tx;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (settings.reportSchedule() != Schedule.OFF) timers.scheduleIfNotExists(task.schedulableInstance(RecurringTask.INSTANCE));
  }

  /** The period a run on {@code today} reports on, if reports are scheduled at all. */
  static Optional<ReportPeriod> due(Schedule schedule, java.time.LocalDate today) {
    return switch (schedule) {
      case OFF -> Optional.empty();
      case WEEKLY -> Optional.of(ReportPeriod.lastComplete(ReportPeriod.Kind.WEEK, today));
      case MONTHLY -> Optional.of(ReportPeriod.lastComplete(ReportPeriod.Kind.MONTH, today));
    };
  }

  /** Makes the due report if missing and sends it if nobody has; returns its id when this call sent it. */
  Optional<UUID> run() {
    Optional<ReportPeriod> period = due(settings.reportSchedule(), reports.today());
    if (period.isEmpty()) return Optional.empty();
    UUID id = reports.ensureComplete(period.get(), "schedule");
    // the claim and the outbox rows commit together: a crash in between leaves the report unsent and claimable
    Boolean sent = tx.execute(s -> {
      if (!reports.claimDelivery(id)) return false;
      deliver(reports.find(id).orElseThrow());
      return true;
    });
    return Boolean.TRUE.equals(sent) ? Optional.of(id) : Optional.empty();
  }

  void deliver(PeriodicReports.StoredReport stored) {
    PeriodicReport r = stored.content();
    String link = links.baseUrl() + "/reports/" + stored.id();
    String html = html(r, link);
    String text = "Read it in the console: " + link + "\n\n" + stored.markdown();
    for (String who : recipients()) {
      var outcome = messages.email("report:" + stored.id() + ":" + who.toLowerCase(Locale.ROOT), "report", who, r.title(), text, html);
      log.info("report {} to {}: {}", stored.id(), who, outcome);
    }
    String team = settings.reportSlackTeam();
    if (team != null && !team.isBlank()) {
      messages.slack("slack.report:" + stored.id() + ":" + team.toLowerCase(Locale.ROOT), "slack.report", team.strip(), r.title(),
          slackLines(r, link));
    }
  }

  List<String> recipients() {
    Set<String> out = new LinkedHashSet<>();
    for (String r : settings.reportRecipients()) if (r != null && !r.isBlank()) out.add(r.strip());
    if (out.isEmpty()) {
      users.list().stream().filter(u -> !u.disabled() && (u.role() == Role.ADMIN || u.role() == Role.MANAGER))
          .forEach(u -> out.add(u.email()));
    }
    return List.copyOf(out);
  }

  static List<String> slackLines(PeriodicReport r, String link) {
    List<String> lines = new ArrayList<>();
    var c = r.nps().current();
    lines.add("NPS " + ReportMarkdown.nps(c.nps()) + " (95% CI " + ReportMarkdown.nps(c.low()) + " to "
        + ReportMarkdown.nps(c.high()) + ", n = " + c.n() + ")"
        + (r.nps().change() == null ? "" : ": " + r.nps().change().verdict()));
    lines.add("Renewal risk: " + r.renewal().accounts().size() + " accounts, "
        + ReportComposer.money(r.renewal().arrAtRisk()) + " ARR");
    r.fixFirst().stream().limit(3).forEach(p -> lines.add(p.rank() + ". " + p.name() + ": " + p.reason()));
    lines.add(link);
    return lines;
  }

  static String html(PeriodicReport r, String link) {
    StringBuilder h = new StringBuilder();
    var c = r.nps().current();
    h.append("<h1>").append(esc(r.title())).append("</h1>");
    h.append("<p><strong>NPS ").append(esc(ReportMarkdown.nps(c.nps()))).append("</strong> (95% CI ")
        .append(esc(ReportMarkdown.nps(c.low()))).append(" to ").append(esc(ReportMarkdown.nps(c.high())))
        .append(", n = ").append(c.n()).append(")");
    if (r.nps().change() != null) h.append(". ").append(esc(r.nps().change().verdict()));
    h.append("</p><h2>What to fix first</h2><ol>");
    for (var p : r.fixFirst()) h.append("<li><strong>").append(esc(p.name())).append("</strong>: ").append(esc(p.reason())).append("</li>");
    h.append("</ol><p>Renewal risk: ").append(r.renewal().accounts().size()).append(" accounts, ")
        .append(esc(ReportComposer.money(r.renewal().arrAtRisk()))).append(" ARR.</p>");
    h.append("<p><a href=\"").append(esc(link)).append("\">Read the whole report</a> (themes, moments, quotes, renewals, fixes).</p>");
    return h.toString();
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s);
  }
}
