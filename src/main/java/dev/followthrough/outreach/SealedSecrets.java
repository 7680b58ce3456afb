package dev.followthrough.outreach;

import dev.followthrough.platform.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Outreach's columns that hold secrets, sealed at rest (see {@link dev.followthrough.platform.SecretsAtRest}). */
@Configuration(proxyBeanMethods = false)
class SealedSecrets {

  @Bean
  SealedColumn slackWebhookUrl() {
    return new SealedColumn("outreach_slack_channel", "team", "webhook_url");
  }

  @Bean
  SealedColumn outboundWebhookSecret() {
    return new SealedColumn("outreach_webhook", "id", "secret");
  }

  @Bean
  SealedColumn linkSigningSecret() {
    return new SealedColumn("outreach_secret", "id", "secret");
  }
}
