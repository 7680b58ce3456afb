package dev.followthrough.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every application event of ours that was committed, in order, so tests can assert what a module
 * published (events without listeners never reach the outbox table). Shared by all tests: filter
 * by your own ids.
 */
public class RecordedEvents {

  private final List<Object> events = new CopyOnWriteArrayList<>();

  // a plain listener (a transactional one would make the outbox store every framework event too);
  // it records at commit, so events of rolled-back transactions never show up
  @EventListener
  public void on(Object event) {
    if (!event.getClass().getName().startsWith("dev.followthrough.")) return;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          events.add(event);
        }
      });
    } else {
      events.add(event);
    }
  }

  public <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    RecordedEvents recordedEvents() {
      return new RecordedEvents();
    }
  }
}
