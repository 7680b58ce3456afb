package dev.followthrough.interviews.web;

import dev.followthrough.interviews.InterviewReply;
import dev.followthrough.interviews.InterviewView;
import dev.followthrough.interviews.Interviews;
import dev.followthrough.platform.InvalidField;
import dev.followthrough.platform.Problems;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/interviews/{token}}: the interview for in-app and mobile front ends, authorised by the
 * interview token alone. GET: the state and the current question; POST {@code /answers} with
 * {@code {"text": …, "turn": n}} (turn optional: the question answered; a resend is recognised): the next
 * question, or {@code done} with the closing summary; POST {@code /stop}: stop (resumable with the same token).
 */
@RestController
@RequestMapping("/api/v1/interviews/{token}")
class InterviewApiController {

  private final Interviews interviews;

  InterviewApiController(Interviews interviews) {
    this.interviews = interviews;
  }

  @GetMapping
  ResponseEntity<?> get(@PathVariable String token) {
    return reply(interviews.open(token));
  }

  @PostMapping(path = "/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> answer(@PathVariable String token, @RequestBody JsonNode body) {
    if (body == null || !body.isObject()) throw new InvalidField("body", "must be a JSON object");
    for (Iterator<String> it = body.propertyNames().iterator(); it.hasNext(); ) {
      String name = it.next();
      if (!Set.of("text", "turn").contains(name)) throw new InvalidField(name, "is not a known field (allowed: text, turn)");
    }
    JsonNode text = body.get("text");
    if (text == null || text.isNull()) throw new InvalidField("text", "is required");
    if (!text.isString()) throw new InvalidField("text", "must be a string");
    JsonNode turn = body.get("turn");
    if (turn != null && !turn.isNull() && (!turn.isIntegralNumber() || turn.asLong() < 0 || turn.asLong() > 10_000)) {
      throw new InvalidField("turn", "must be the number of the question answered (a whole number from 0)");
    }
    return reply(interviews.answer(token, text.asString(), turn == null || turn.isNull() ? null : turn.asInt()));
  }

  @PostMapping("/stop")
  ResponseEntity<?> stop(@PathVariable String token) {
    return reply(interviews.stop(token));
  }

  private static ResponseEntity<?> reply(InterviewReply r) {
    return switch (r) {
      case InterviewReply.Ok ok -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(customerJson(ok.view(), ok.duplicate()));
      case InterviewReply.NotFound n -> Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "No such interview",
          "token", "the link is incomplete, expired or not an interview link"));
      case InterviewReply.Refused x -> x.conflict()
          ? Problems.response(Problems.withField(HttpStatus.CONFLICT, "Not allowed in the interview's state", x.field(), x.reason()))
          : Problems.unprocessable(x.field(), x.reason());
    };
  }

  /** What the customer may see: the conversation, not the case or the structured result. */
  static Map<String, Object> customerJson(InterviewView v, boolean duplicate) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", v.status());
    m.put("done", v.done());
    m.put("title", v.title());
    m.put("intro", v.intro());
    m.put("question", v.question() == null ? null : message(v.question()));
    m.put("messages", v.transcript().stream().map(InterviewApiController::message).toList());
    if (v.done()) {
      m.put("summary", v.summary());
      m.put("closing", v.closing());
    }
    if (duplicate) m.put("duplicate", true);
    return m;
  }

  private static Map<String, Object> message(InterviewView.Message x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("turn", x.turn());
    m.put("from", x.speaker());
    m.put("text", x.text());
    m.put("kind", x.kind());
    m.put("at", x.at());
    return m;
  }
}
