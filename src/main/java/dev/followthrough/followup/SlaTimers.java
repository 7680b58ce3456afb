package dev.followthrough.followup;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.followthrough.followup.domain.SlaPlan.Milestone;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable timers of a case: one execution per SLA milestone and cycle
 * ({@code <case>:<cycle>:<milestone>}), and one re-survey per resolved cycle. A timer that fires
 * twice, late, or after the case moved on changes nothing (the case decides).
 */
@Configuration(proxyBeanMethods = false)
class SlaTimers {

  static final String SLA = "followup-sla";
  static final String RESURVEY = "followup-resurvey";

  @Bean
  OneTimeTask<Void> followupSlaTask(ObjectProvider<FollowUps> followUps) {
    return Tasks.oneTime(SLA).execute((instance, context) -> {
      String[] id = instance.getId().split(":");
      followUps.getObject().onMilestone(UUID.fromString(id[0]), Integer.parseInt(id[1]), Milestone.valueOf(id[2]));
    });
  }

  @Bean
  OneTimeTask<Void> followupResurveyTask(ObjectProvider<FollowUps> followUps) {
    return Tasks.oneTime(RESURVEY).execute((instance, context) -> {
      String[] id = instance.getId().split(":");
      followUps.getObject().onResurveyDue(UUID.fromString(id[0]), Integer.parseInt(id[1]));
    });
  }

  static void schedule(SchedulerClient timers, OneTimeTask<Void> task, String instance, Instant at) {
    timers.scheduleIfNotExists(task.instance(instance), at);
  }
}
