package dev.followthrough.interviews;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Interviews. The link itself expires after {@code followthrough.outreach.link-expiry} (the token says so);
 * the LLM moderator is off unless {@code llm-provider} names one.
 */
@ConfigurationProperties("followthrough.interviews")
public record InterviewsSettings(
    @DefaultValue("7") int maxDepth,                      // answers that went deeper before the summary
    @DefaultValue("12") int maxQuestions,                 // questions before the summary, whatever the depth
    @DefaultValue("20m") Duration maxDuration,            // from the first answer to the summary
    @DefaultValue("none") String llmProvider,             // none, openai (any OpenAI-compatible server) or ollama
    @DefaultValue("") String llmBaseUrl,                  // e.g. http://localhost:11434 (Ollama) or https://api.openai.com/v1
    @DefaultValue("") String llmApiKey,                   // OpenAI-compatible servers only; clear or sealed (ftenc:…)
    @DefaultValue("gpt-4o-mini") String llmModel,
    @DefaultValue("15s") Duration llmTimeout) {           // past this the built-in moderator answers instead

  public InterviewsSettings {
    if (maxDepth < 1 || maxQuestions < 1) throw new IllegalArgumentException("followthrough.interviews.max-depth and max-questions must be at least 1");
    if (!java.util.List.of("none", "openai", "ollama").contains(llmProvider)) {
      throw new IllegalArgumentException("followthrough.interviews.llm-provider must be none, openai or ollama");
    }
  }

  /** Never the API key: settings objects end up in logs and failure analyses. */
  @Override
  public String toString() {
    return "InterviewsSettings[maxDepth=" + maxDepth + ", maxQuestions=" + maxQuestions + ", maxDuration=" + maxDuration
        + ", llmProvider=" + llmProvider + ", llmBaseUrl=" + llmBaseUrl + ", llmApiKey=" + (llmApiKey.isBlank() ? "(none)" : "(set)")
        + ", llmModel=" + llmModel + ", llmTimeout=" + llmTimeout + "]";
  }

  public boolean llmEnabled() {
    return !"none".equals(llmProvider) && !llmBaseUrl.isBlank();
  }
}
