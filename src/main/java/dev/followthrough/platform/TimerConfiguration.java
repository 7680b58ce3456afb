package dev.followthrough.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Durable, cluster-safe timers. Every module declares its timers as db-scheduler {@link Task} beans
 * and schedules them through {@link com.github.kagkarlsson.scheduler.SchedulerClient}; executions
 * live in {@code platform_scheduled_tasks}, survive restarts, and each runs on one node only. The
 * scheduler reads time from the application's {@link Clock}, so tests can move time by hand.
 */
@Configuration(proxyBeanMethods = false)
class TimerConfiguration {

  @Bean
  Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock, TimerSettings settings) {
    // transaction-aware: a timer scheduled inside a transaction exists only if that transaction commits
    return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
        .tableName("platform_scheduled_tasks")
        .clock(clock::instant)
        .pollingInterval(settings.pollingInterval())
        .threads(settings.threads())
        .alwaysPersistTimestampInUTC()
        .build();
  }

  /** Starts after everything else is up and stops before the database goes away. */
  @Bean
  SmartLifecycle schedulerLifecycle(Scheduler scheduler, TimerSettings settings) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        if (settings.enabled()) scheduler.start();
        running = true;
      }

      @Override
      public void stop() {
        if (settings.enabled()) scheduler.stop();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        return Integer.MAX_VALUE - 1000; // after the web server has started; stopped before it
      }
    };
  }
}
