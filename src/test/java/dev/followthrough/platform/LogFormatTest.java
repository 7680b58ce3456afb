package dev.followthrough.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

class LogFormatTest {

  @Test
  void ecs_switches_the_console_to_structured_json() {
    MockEnvironment env = new MockEnvironment().withProperty(LogFormat.KEY, "ECS");
    new LogFormat().postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
  }

  @Test
  void text_leaves_the_plain_pattern() {
    MockEnvironment env = new MockEnvironment();
    new LogFormat().postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("logging.structured.format.console")).isNull();
  }

  @Test
  void an_unknown_format_is_refused_naming_the_key() {
    MockEnvironment env = new MockEnvironment().withProperty(LogFormat.KEY, "xml");
    assertThatThrownBy(() -> new LogFormat().postProcessEnvironment(env, new SpringApplication()))
        .hasMessageContaining(LogFormat.KEY);
  }

  @Test
  void spring_boot_finds_it() {
    assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(org.springframework.boot.EnvironmentPostProcessor.class,
        null, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {}))) // others need constructor arguments
        .anyMatch(p -> p instanceof LogFormat);
  }
}
