package dev.followthrough.actions;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The durable timers of interventions: {@code actions-late} ({@code <intervention>:<due date>}, the day after
 * the due date), {@code actions-resurvey} ({@code <notice>}) and the recurring {@code actions-weekly-review}.
 * db-scheduler runs each execution on one node; the handlers re-check the state and the messages they send
 * carry idempotency keys, so a timer that fires twice sends once.
 */
@Configuration(proxyBeanMethods = false)
class ActionTimers {

  static final String LATE = "actions-late";
  static final String RESURVEY = "actions-resurvey";
  static final String WEEKLY = "actions-weekly-review";

  @Bean
  OneTimeTask<Void> actionsLateTask(ObjectProvider<Interventions> interventions) {
    return Tasks.oneTime(LATE).execute((instance, context) -> {
      int colon = instance.getId().indexOf(':');
      interventions.getObject().onLate(UUID.fromString(instance.getId().substring(0, colon)),
          LocalDate.parse(instance.getId().substring(colon + 1)));
    });
  }

  @Bean
  OneTimeTask<Void> actionsResurveyTask(ObjectProvider<Interventions> interventions) {
    return Tasks.oneTime(RESURVEY).execute((instance, context) ->
        interventions.getObject().resurvey(UUID.fromString(instance.getId())));
  }

  @Bean
  RecurringTask<Void> actionsWeeklyReviewTask(ActionsSettings settings, ObjectProvider<Interventions> interventions) {
    return Tasks.recurring(WEEKLY, Schedules.cron(settings.weeklyReviewCron(), settings.timeZone()))
        .execute((instance, context) -> {
          if (settings.weeklyReviewEnabled()) interventions.getObject().weeklyReview();
        });
  }

  /** The platform scheduler only knows tasks; a recurring one needs its first execution put in once. */
  @Bean
  Starter actionsWeeklyReviewStarter(SchedulerClient timers, RecurringTask<Void> actionsWeeklyReviewTask, ActionsSettings settings) {
    return new Starter(timers, actionsWeeklyReviewTask, settings);
  }

  record Starter(SchedulerClient timers, RecurringTask<Void> task, ActionsSettings settings) {
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
      if (settings.weeklyReviewEnabled()) timers.scheduleIfNotExists(task.schedulableInstance(RecurringTask.INSTANCE));
    }
  }
}
