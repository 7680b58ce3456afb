package dev.followthrough.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: real time plus an offset a test moves by hand, so SLA timers
 * are tested without sleeping. Shared by every application context in the test JVM (a second node
 * sees the same time). Tests that move it put it back with {@link #reset()}.
 */
public final class TestClock extends Clock {

  public static final TestClock INSTANCE = new TestClock();

  private volatile Duration offset = Duration.ZERO;

  private TestClock() {}

  public void advance(Duration d) {
    offset = offset.plus(d);
  }

  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset);
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    Clock testClock() {
      return INSTANCE;
    }
  }
}
