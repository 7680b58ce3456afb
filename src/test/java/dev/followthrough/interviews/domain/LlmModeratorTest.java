package dev.followthrough.interviews.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.followthrough.interviews.llm.FallbackModerator;
import dev.followthrough.interviews.llm.LlmModerator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The LLM moderator against a local server speaking the OpenAI chat-completions wire format. */
class LlmModeratorTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final BuiltInModerator BUILT_IN = new BuiltInModerator(ModelEncoder.READER);

  HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();
  final AtomicReference<String> content = new AtomicReference<>("");
  volatile int status = 200;
  volatile long delayMillis = 0;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", ex -> {
      requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = (status == 200 ? JSON.writeValueAsString(java.util.Map.of(
          "id", "chatcmpl-1", "object", "chat.completion", "created", 1_700_000_000, "model", "test-model",
          "choices", List.of(java.util.Map.of("index", 0, "finish_reason", "stop",
              "message", java.util.Map.of("role", "assistant", "content", content.get()))),
          "usage", java.util.Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)))
          : "{\"error\": {\"message\": \"overloaded\", \"type\": \"server_error\"}}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  Moderator moderator(Duration timeout) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    return new FallbackModerator(LlmModerator.create("openai", base, "test-key", "test-model", timeout, BUILT_IN), BUILT_IN);
  }

  Interview anInterviewWithOneAnswer(Moderator m) {
    Interview iv = Interview.invite(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), DefaultGuides.DETRACTOR, 3, null);
    Instant t = Instant.parse("2026-11-23T10:00:00Z");
    content.set("Could you walk me through the moment the survey arrived — what were you working on?");
    iv.open(t, m);
    content.set("You mentioned the export — when did that first start to feel different?");
    iv.answer("We were closing the month and the export of the revenue report failed.", null, t.plusSeconds(30), m);
    return iv;
  }

  @Test
  void the_llm_words_the_question_within_the_guide_and_sees_no_personal_data() {
    Interview iv = anInterviewWithOneAnswer(moderator(Duration.ofSeconds(5)));
    assertThat(iv.currentQuestion().text()).isEqualTo("You mentioned the export — when did that first start to feel different?");
    assertThat(iv.currentQuestion().phase()).isEqualTo("sequence"); // the plan stays the built-in moderator's
    assertThat(iv.moderator()).isEqualTo("llm");
    String request = requests.getLast();
    assertThat(JSON.readTree(request).get("model").asString()).isEqualTo("test-model");
    assertThat(request).contains("Chronological sequence").contains("never promise").contains("We were closing the month");
    assertThat(request).doesNotContain("@").doesNotContain(iv.contactId().toString());
  }

  @Test
  void a_reply_that_breaks_a_guardrail_is_replaced_by_the_built_in_question() {
    Moderator m = moderator(Duration.ofSeconds(5));
    Interview iv = Interview.invite(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), DefaultGuides.DETRACTOR, 3, null);
    content.set("Why did you give us a 3? We will fix it by Friday, promise!");
    iv.open(Instant.parse("2026-11-23T10:00:00Z"), m);
    assertThat(iv.currentQuestion().text()).isEqualTo(DefaultGuides.DETRACTOR.phases().getFirst().questions().getFirst());
  }

  @Test
  void a_server_error_falls_back_to_the_built_in_moderator() {
    status = 500;
    Interview iv = anInterviewWithOneAnswer(moderator(Duration.ofSeconds(5)));
    assertThat(iv.currentQuestion().text()).isIn(DefaultGuides.DETRACTOR.phases().get(1).questions());
    assertThat(requests).isNotEmpty();
  }

  @Test
  void a_slow_server_falls_back_after_the_timeout() {
    delayMillis = 3_000;
    long start = System.nanoTime();
    Interview iv = anInterviewWithOneAnswer(moderator(Duration.ofMillis(400)));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(iv.currentQuestion().text()).isIn(DefaultGuides.DETRACTOR.phases().get(1).questions());
  }
}
