package dev.followthrough.interviews.llm;

import dev.followthrough.interviews.domain.BuiltInModerator;
import dev.followthrough.interviews.domain.Moderator;
import dev.followthrough.interviews.domain.Turn;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The LLM moderator: the built-in moderator still decides what happens next (which phase, probe or
 * summary, the limits, stop and churn detection), and the LLM words the question from the same guide,
 * with guardrails: one short question, no promises, no defending, none of the guide's topics to avoid,
 * no repeats. Only the guide and the transcript's words are sent — no name, email or account. A reply
 * that breaks a guardrail is replaced by the built-in question; an error or timeout is left to
 * {@link FallbackModerator}.
 */
public final class LlmModerator implements Moderator {

  static final Pattern PROMISE = Pattern.compile("(?i)\\b(we will|we'll|i will|i'll|promise|guarantee|refund|discount|"
      + "fix (it|this|that)|make it right|compensat)");
  static final Pattern PERSONAL = Pattern.compile("(?i)\\b(e-?mail address|phone number|home address|date of birth|password|"
      + "credit card|your (full )?name)\\b");
  static final Pattern SCORE_WHY = Pattern.compile("(?i)why did you (give|rate|score)");

  private final ChatModel chat;
  private final BuiltInModerator plan;

  public LlmModerator(ChatModel chat, BuiltInModerator plan) {
    this.chat = chat;
    this.plan = plan;
  }

  /** {@code provider}: openai (any OpenAI-compatible server) or ollama. */
  public static LlmModerator create(String provider, String baseUrl, String apiKey, String model, Duration timeout,
                                    BuiltInModerator plan) {
    ChatModel chat = switch (provider) {
      case "ollama" -> OllamaChatModel.builder().baseUrl(baseUrl).modelName(model).timeout(timeout).maxRetries(0)
          .temperature(0.3).build();
      case "openai" -> OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey.isBlank() ? "none" : apiKey)
          .modelName(model).timeout(timeout).maxRetries(0).temperature(0.3).build();
      default -> throw new IllegalArgumentException("unknown LLM provider " + provider);
    };
    return new LlmModerator(chat, plan);
  }

  @Override
  public String name() {
    return "llm";
  }

  @Override
  public Move next(Context c) {
    Move planned = plan.next(c);
    if (!(planned instanceof Move.Ask ask)) return planned;
    String reply = chat.chat(messages(c, ask)).aiMessage().text();
    String question = clean(reply);
    if (!acceptable(question, c)) return planned;
    return new Move.Ask(question, ask.phase(), ask.kind(), ask.reading(), ask.memory());
  }

  List<ChatMessage> messages(Context c, Move.Ask ask) {
    var phase = c.guide().phase(ask.phase()).orElse(c.guide().phases().getFirst());
    String system = """
        You moderate a short customer interview for a software company. Purpose: %s.
        Current step: %s — %s.
        Rules: ask exactly ONE question of at most 35 words, in plain language, ending with a question mark.
        Build on the customer's own words. Never defend the product, never promise a fix, refund, discount or date,
        never ask why they gave their score, never ask for personal data. Avoid these topics: %s.
        Intent of the next question (%s): %s
        Reply with the question only."""
        .formatted(c.guide().title(), phase.name(), phase.goal(), String.join("; ", c.guide().avoid()), ask.kind(), ask.text());
    List<ChatMessage> out = new ArrayList<>();
    out.add(SystemMessage.from(system));
    StringBuilder t = new StringBuilder("Conversation so far:\n");
    for (Turn turn : c.turns()) t.append(turn.byCustomer() ? "Customer: " : "Interviewer: ").append(turn.text()).append('\n');
    out.add(UserMessage.from(t.toString()));
    return out;
  }

  static String clean(String reply) {
    if (reply == null) return "";
    String s = reply.strip().replaceAll("^(Interviewer|Question)\\s*:\\s*", "").replaceAll("^[\"“]|[\"”]$", "").strip();
    return s;
  }

  static boolean acceptable(String q, Context c) {
    if (q.isBlank() || q.length() > 300 || !q.endsWith("?")) return false;
    if (PROMISE.matcher(q).find() || SCORE_WHY.matcher(q).find()) return false;
    if (PERSONAL.matcher(q).find()) return false;
    return !c.asked(q);
  }
}
