package dev.followthrough.platform;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code followthrough.observability.log-format}: {@code text} (default) or a structured JSON format for the
 * console — {@code ecs} (Elastic Common Schema), {@code logstash} or {@code gelf} — mapped onto Spring Boot's
 * {@code logging.structured.format.console} before logging starts (settings are bound too late for that).
 */
class LogFormat implements EnvironmentPostProcessor {

  static final String KEY = "followthrough.observability.log-format";
  private static final Set<String> STRUCTURED = Set.of("ecs", "logstash", "gelf");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    String value = env.getProperty(KEY, "text").strip().toLowerCase(Locale.ROOT);
    if (value.equals("text") || value.isEmpty()) return;
    if (!STRUCTURED.contains(value))
      throw new IllegalStateException(KEY + " must be text, ecs, logstash or gelf, was '" + value + "'");
    if (env.containsProperty("logging.structured.format.console")) return; // set explicitly: that wins
    env.getPropertySources().addLast(new MapPropertySource("followthrough-log-format",
        Map.of("logging.structured.format.console", value)));
  }
}
