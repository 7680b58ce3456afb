package dev.followthrough.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link SecretBox} of this install: keyed by {@code followthrough.secret} (or the file
 * {@code followthrough.secret-file}), opening also under {@code followthrough.previous-secrets}. Without a
 * secret (development) a random per-install key is created once in {@code platform_secret_key}; once a
 * secret is configured, that key only opens what it sealed until {@link SecretsAtRest} re-seals it.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

  @Bean
  SecretBox secretBox(FollowthroughSettings settings, JdbcClient jdbc, Clock clock) {
    List<String> previous = new ArrayList<>(settings.previousSecretList());
    if (settings.secret().isBlank()) {
      // the first node to get here wins; every node then reads the same key
      jdbc.sql("INSERT INTO platform_secret_key (id, secret, created_at) VALUES (1, :s, :now) ON CONFLICT (id) DO NOTHING")
          .param("s", Bootstrap.randomSecret(32)).param("now", Timestamp.from(clock.instant())).update();
      String dev = jdbc.sql("SELECT secret FROM platform_secret_key WHERE id = 1").query(String.class).single();
      return new SecretBox(dev, previous);
    }
    jdbc.sql("SELECT secret FROM platform_secret_key WHERE id = 1").query(String.class).optional().ifPresent(dev -> {
      previous.add(dev);
      log.info("Secrets sealed under the development key are re-sealed under followthrough.secret");
    });
    return new SecretBox(settings.secret(), previous);
  }
}
