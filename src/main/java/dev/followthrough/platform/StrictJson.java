package dev.followthrough.platform;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * Request bodies are read strictly: a key given twice in one object ({@code {"score": 1, "score": 10}}) and
 * anything after the JSON value are refused (400 naming {@code body}) instead of the last value silently
 * winning — two parsers in a chain (a proxy, a WAF, this server) must not read two different requests.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  JsonMapperBuilderCustomizer strictRequestBodies() {
    return b -> b.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
