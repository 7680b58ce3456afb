package dev.followthrough.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The executor behind {@code @Async} (and so behind every {@code @ApplicationModuleListener}): bounded, see {@link EventSettings}. */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

  @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
  ThreadPoolTaskExecutor applicationTaskExecutor(EventSettings settings) {
    if (settings.listenerThreads() < 1) {
      throw new IllegalArgumentException("followthrough.events.listener-threads must be at least 1, was " + settings.listenerThreads());
    }
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(settings.listenerThreads());
    executor.setMaxPoolSize(settings.listenerThreads());
    executor.setThreadNamePrefix("event-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    return executor;
  }
}
