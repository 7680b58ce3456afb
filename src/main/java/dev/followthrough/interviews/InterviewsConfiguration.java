package dev.followthrough.interviews;

import dev.followthrough.followup.CaseLinks;
import dev.followthrough.interviews.domain.AnswerReader;
import dev.followthrough.interviews.domain.BuiltInModerator;
import dev.followthrough.interviews.domain.Moderator;
import dev.followthrough.interviews.llm.FallbackModerator;
import dev.followthrough.interviews.llm.LlmModerator;
import dev.followthrough.platform.TextEmbeddings;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class InterviewsConfiguration {

  @Bean
  AnswerReader answerReader(TextEmbeddings embeddings) {
    return new AnswerReader(embeddings::embed);
  }

  /** The built-in moderator; with an LLM configured, the LLM asks and the built-in one stands in on any failure. */
  @Bean
  Moderator moderator(AnswerReader reader, InterviewsSettings settings, dev.followthrough.platform.SecretBox box) {
    BuiltInModerator builtIn = new BuiltInModerator(reader);
    if (!settings.llmEnabled()) return builtIn;
    return new FallbackModerator(LlmModerator.create(settings.llmProvider(), settings.llmBaseUrl(), box.open(settings.llmApiKey()), // may be given sealed (POST /api/v1/secrets/seal)
       
        settings.llmModel(), settings.llmTimeout(), builtIn), builtIn);
  }

  @Bean
  CaseLinks interviewLinks(@Lazy Interviews interviews) {
    return c -> interviews.interviewUrl(c).map(u -> Map.of("interviewUrl", u)).orElse(Map.of());
  }
}
