package dev.followthrough.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.RecordedEvents;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.Play;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class InterviewApiTest extends InterviewFixtures {

  @Autowired RecordedEvents events;

  @Test
  void a_detractor_completes_an_interview_by_token_alone_and_the_case_learns_the_diagnosis() {
    Customer c = aCustomerWithACase(3, "The product is too complicated.", Channel.INTERVIEW, Play.RECOVER);

    // the case API offers the customer's link
    JsonNode kase = get("/api/v1/cases/" + c.caseId()).json();
    assertThat(kase.get("interviewUrl").asString()).contains("/i/");

    Reply opened = anonymous("GET", "/api/v1/interviews/" + c.token(), null);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    JsonNode first = opened.json();
    assertThat(first.get("status").asString()).isEqualTo("opened");
    assertThat(first.get("intro").asString()).contains("not a sales").contains("stop at any time");
    assertThat(first.get("question").get("text").asString()).startsWith("Walk me through").doesNotContainIgnoringCase("why did you give");

    JsonNode state = first;
    int i = 0;
    while (!state.get("done").asBoolean() && !state.get("question").get("kind").asString().equals("summary")) {
      Reply r = answer(c, DETRACTOR_ANSWERS.get(i++), state.get("question").get("turn").asInt());
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      state = r.json();
    }
    // the vague first answer was laddered on, in the customer's own words, and nothing was asked twice
    var questions = StreamSupport.stream(state.get("messages").spliterator(), false)
        .filter(m -> m.get("from").asString().equals("moderator")).map(m -> m.get("text").asString()).toList();
    assertThat(questions).doesNotHaveDuplicates();
    assertThat(questions).anyMatch(q -> q.contains("“The reporting is confusing and slow”"));
    String summary = state.get("question").get("text").asString();
    assertThat(summary).contains("CSV export times out").contains("Did I get that right");

    JsonNode done = answer(c, "Yes, that's right.", state.get("question").get("turn").asInt()).json();
    assertThat(done.get("done").asBoolean()).isTrue();
    assertThat(done.get("status").asString()).isEqualTo("completed");
    assertThat(done.get("summary").asString()).contains("CSV export times out");
    assertThat(done.get("closing").asString()).contains("Thank you");
    assertThat(done.get("question").isNull()).isTrue();

    InterviewCompleted completed = await("InterviewCompleted", () -> events.of(InterviewCompleted.class).stream()
        .filter(e -> e.caseId().equals(c.caseId())).findFirst());
    assertThat(completed.depth()).isBetween(5, 7);
    assertThat(completed.guide()).isEqualTo("detractor");
    assertThat(completed.guideVersion()).isGreaterThanOrEqualTo(1);
    assertThat(completed.rootCause()).contains("CSV export times out");
    assertThat(completed.result().get("confirmed")).isEqualTo(true);
    assertThat(completed.transcript()).allSatisfy(t -> assertThat(t).containsKeys("speaker", "text", "at"));
    assertThat(events.of(InterviewStarted.class)).anyMatch(e -> e.caseId().equals(c.caseId()));

    // the case: in conversation, timeline entries, the outcome form pre-filled
    JsonNode after = await("the case to hear of the interview", () -> {
      JsonNode k = get("/api/v1/cases/" + c.caseId()).json();
      return k.get("rootCause").isNull() || !k.get("status").asString().equals("in_conversation") ? Optional.empty() : Optional.of(k);
    });
    assertThat(after.get("status").asString()).isEqualTo("in_conversation");
    assertThat(after.get("rootCause").asString()).contains("CSV export times out");
    assertThat(after.get("summary").asString()).contains("too complicated");
    var types = StreamSupport.stream(after.get("timeline").spliterator(), false).map(e -> e.get("type").asString()).toList();
    assertThat(types).contains("interview_started", "interview_completed");

    // insights coded what the customer said
    await("the transcript to be coded", () -> jdbc.sql("SELECT count(*) FROM insights_text WHERE source_type = 'interview' AND source_id = :id")
        .param("id", completed.interviewId()).query(Long.class).single() > 0 ? Optional.of(true) : Optional.empty());

    // the console sees transcript and result
    JsonNode console = get("/api/v1/cases/" + c.caseId() + "/interview").json();
    assertThat(console.get("result").get("rootCause").asString()).contains("CSV export times out");
    assertThat(console.get("guideVersion").asInt()).isEqualTo(completed.guideVersion());

    // answering a completed interview is refused
    Reply late = answer(c, "One more thing", null);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.contentType()).contains("application/problem+json");
  }

  @Test
  void a_resent_answer_is_recognised_and_not_stored_twice() {
    Customer c = aCustomerWithACase(4, null, Channel.INTERVIEW, Play.RECOVER);
    int turn = anonymous("GET", "/api/v1/interviews/" + c.token(), null).json().get("question").get("turn").asInt();
    JsonNode once = answer(c, "The Salesforce sync dropped 50 contacts on Monday.", turn).json();
    JsonNode twice = answer(c, "The Salesforce sync dropped 50 contacts on Monday.", turn).json();
    assertThat(twice.get("duplicate").asBoolean()).isTrue();
    assertThat(twice.get("messages").size()).isEqualTo(once.get("messages").size());
    assertThat(jdbc.sql("SELECT count(*) FROM interviews_turn t JOIN interviews_session s ON s.id = t.session_id "
        + "WHERE s.case_id = :c AND t.speaker = 'customer'").param("c", c.caseId()).query(Long.class).single()).isEqualTo(1);

    // a different answer to an already answered question is a conflict, not a second answer
    Reply other = answer(c, "Something else entirely", turn);
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().get("field").asString()).isEqualTo("turn");
  }

  @Test
  void the_customer_can_stop_and_resume_from_the_same_link() {
    Customer c = aCustomerWithACase(2, "Support never answers.", Channel.INTERVIEW, Play.RECOVER);
    anonymous("GET", "/api/v1/interviews/" + c.token(), null);
    answer(c, "I opened a support ticket about billing and nobody answered for nine days.", null);
    JsonNode stopped = anonymous("POST", "/api/v1/interviews/" + c.token() + "/stop", null).json();
    assertThat(stopped.get("status").asString()).isEqualTo("stopped");
    assertThat(stopped.get("closing").asString()).contains("this link still works");
    await("a partial result", () -> events.of(InterviewCompleted.class).stream()
        .filter(e -> e.caseId().equals(c.caseId()) && e.status().equals("stopped")).findFirst());

    JsonNode back = anonymous("GET", "/api/v1/interviews/" + c.token(), null).json();
    assertThat(back.get("status").asString()).isEqualTo("stopped");
    JsonNode resumed = answer(c, "It started in January when our invoice doubled from 400 to 800 dollars.", null).json();
    assertThat(resumed.get("status").asString()).isEqualTo("in_progress");
    assertThat(resumed.get("question").get("text").asString()).isNotBlank();

    // asking to stop in words is honoured too
    JsonNode words = answer(c, "I want to stop now, sorry.", null).json();
    assertThat(words.get("status").asString()).isEqualTo("stopped");
  }

  @Test
  void bad_requests_are_refused_naming_the_field_and_the_rest_of_the_api_still_needs_a_key() {
    Customer c = aCustomerWithACase(5, null, Channel.INTERVIEW, Play.RECOVER);
    Reply forged = anonymous("GET", "/api/v1/interviews/" + c.token().substring(0, c.token().length() - 3) + "abc", null);
    assertThat(forged.status()).isEqualTo(404);
    assertThat(forged.json().get("field").asString()).isEqualTo("token");

    Reply noText = anonymous("POST", "/api/v1/interviews/" + c.token() + "/answers", "{}");
    assertThat(noText.status()).isEqualTo(422);
    assertThat(noText.json().get("field").asString()).isEqualTo("text");
    Reply unknown = anonymous("POST", "/api/v1/interviews/" + c.token() + "/answers", "{\"text\": \"hi\", \"score\": 3}");
    assertThat(unknown.json().get("field").asString()).isEqualTo("score");
    Reply blank = answer(c, "   ", null);
    assertThat(blank.status()).isEqualTo(422);
    Reply tooLong = answer(c, "x".repeat(4_001), null);
    assertThat(tooLong.status()).isEqualTo(422);

    // an unsubscribe token is not an interview token
    String unsubscribe = links.unsubscribeLink(c.contactId());
    Reply wrongKind = anonymous("GET", "/api/v1/interviews/" + unsubscribe.substring(unsubscribe.indexOf("/u/") + 3), null);
    assertThat(wrongKind.status()).isEqualTo(404);

    assertThat(anonymous("GET", "/api/v1/interview-funnel", null).status()).isEqualTo(401);
    assertThat(anonymous("GET", "/api/v1/cases/" + c.caseId() + "/interview", null).status()).isEqualTo(401);
  }

  @Test
  void the_funnel_counts_invited_opened_started_and_completed_per_guide() {
    Customer invitedOnly = aCustomerWithACase(9, null, Channel.INTERVIEW, Play.THANK_AND_REFER);
    Customer opened = aCustomerWithACase(10, null, Channel.INTERVIEW, Play.THANK_AND_REFER);
    await("the invitation", () -> jdbc.sql("SELECT count(*) FROM interviews_session WHERE case_id = :c")
        .param("c", invitedOnly.caseId()).query(Long.class).single() == 1 ? Optional.of(true) : Optional.empty());
    anonymous("GET", "/api/v1/interviews/" + opened.token(), null);
    answer(opened, "We close the month two days faster since we switched.", null);

    JsonNode funnel = get("/api/v1/interview-funnel").json();
    JsonNode promoter = StreamSupport.stream(funnel.get("guides").spliterator(), false)
        .filter(g -> g.get("guide").asString().equals("promoter") && g.get("channel").asString().equals("interview"))
        .findFirst().orElseThrow();
    assertThat(promoter.get("invited").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(promoter.get("opened").asLong()).isGreaterThanOrEqualTo(1).isLessThan(promoter.get("invited").asLong());
    assertThat(promoter.get("started").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(get("/api/v1/interview-funnel?from=yesterday").status()).isEqualTo(422);
  }

  @Test
  void a_guide_edit_is_a_new_version_and_a_broken_guide_is_refused() {
    JsonNode current = get("/api/v1/interview-guides/passive").json();
    int version = current.get("version").asInt();
    String edited = current.toString().replace("What holds it back", "What stops it");
    Reply saved = put("/api/v1/interview-guides/passive", edited);
    assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
    assertThat(saved.json().get("version").asInt()).isGreaterThanOrEqualTo(version);
    assertThat(put("/api/v1/interview-guides/passive", edited).status()).isEqualTo(200); // unchanged: no new version

    Reply broken = put("/api/v1/interview-guides/passive", "{\"kind\": \"passive\", \"title\": \"x\", \"intro\": \"y\", \"phases\": []}");
    assertThat(broken.status()).isEqualTo(422);
    assertThat(broken.json().get("field").asString()).isEqualTo("phases");
    assertThat(get("/api/v1/interview-guides").json().get("items").size()).isGreaterThanOrEqualTo(3);
  }
}
