package dev.followthrough.insights;

import dev.followthrough.insights.domain.Embedder;
import dev.followthrough.insights.embedding.MiniLmEmbedder;
import dev.followthrough.platform.FollowthroughSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InsightsConfiguration {

  /** One model per JVM, loaded on first use; DJL unpacks its tokenizer under the data directory, not $HOME. */
  @Bean
  Embedder embedder(FollowthroughSettings settings) {
    return new MiniLmEmbedder(settings.dataDir().resolve("cache").resolve("djl"));
  }
}
