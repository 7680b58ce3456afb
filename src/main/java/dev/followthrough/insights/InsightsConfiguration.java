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

  /** The same model for other modules (the interview moderator reads answers with it): no second copy. */
  @Bean
  dev.followthrough.platform.TextEmbeddings textEmbeddings(Embedder embedder) {
    return embedder::embed;
  }
}
