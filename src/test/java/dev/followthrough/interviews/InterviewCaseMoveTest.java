package dev.followthrough.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.RecordedEvents;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.Play;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issue 13: after an interview the case moves — severity and next step from what was said, and someone is alerted. */
class InterviewCaseMoveTest extends InterviewFixtures {

  @Autowired RecordedEvents events;
  @Autowired InterviewListeners listeners;

  /** A passive who is about to leave: short answers, a competitor's demo. */
  static final List<String> CHURNING_PASSIVE = List.of(
      "The weekly report saves me an hour every Monday.",
      "Honestly, we're seeing a competitor's demo next month.",
      "They would need a Salesforce sync that does not drop about 50 contacts every Monday.",
      "Every Monday the Salesforce sync drops about 50 contacts and I spend two hours fixing them by hand.",
      "A sync that never drops a contact.",
      "Like I said, that's about it.", "Like I said, that's about it.", "Like I said, that's about it.",
      "Like I said, that's about it.", "Like I said, that's about it.");

  private void teams(String team, String lead) {
    assertThat(put("/api/v1/teams", """
        {"teams": [{"name": "cx-leads", "lead": "head.of.cx@example.test", "fallback": true},
                   {"name": "%s", "lead": "%s"}]}""".formatted(team, lead)).status()).isEqualTo(200);
  }

  private JsonNode interview(Customer c, List<String> answers) {
    JsonNode state = anonymous("GET", "/api/v1/interviews/" + c.token(), null).json();
    int i = 0;
    while (!state.get("done").asBoolean() && !state.get("question").get("kind").asString().equals("summary")) {
      state = answer(c, answers.get(i++), state.get("question").get("turn").asInt()).json();
    }
    return answer(c, "Yes, that's right.", state.get("question").get("turn").asInt()).json();
  }

  private static long mailsTo(String address, String subjectPart) {
    return Arrays.stream(IntegrationTestMail.received()).filter(m -> IntegrationTestMail.to(m, address)
        && IntegrationTestMail.subject(m).contains(subjectPart)).count();
  }

  @Test
  void a_churn_signal_from_a_passive_raises_the_severity_sets_the_next_step_and_alerts_the_owner_once() {
    Customer c = aCustomerWithACase(8, "Good tool.", Channel.INTERVIEW, Play.IMPROVE);
    String owner = unique("owner") + "@example.test";
    followUps.assign(c.caseId(), owner, null, "test", "test");

    JsonNode done = interview(c, CHURNING_PASSIVE);
    assertThat(done.get("status").asString()).isEqualTo("completed");
    var questions = StreamSupport.stream(done.get("messages").spliterator(), false)
        .filter(m -> m.get("from").asString().equals("moderator")).map(m -> m.get("text").asString()).toList();
    assertThat(questions).anyMatch(q -> q.contains("competitor's demo next month") && q.contains("?"));

    JsonNode kase = await("the case to be assessed", () -> {
      JsonNode k = get("/api/v1/cases/" + c.caseId()).json();
      return k.get("nextStep").isNull() ? Optional.empty() : Optional.of(k);
    });
    assertThat(kase.get("severity").asString()).isIn("high", "critical");
    assertThat(kase.get("nextStep").asString()).startsWith("Call the customer within one business day")
        .contains("evaluating alternatives").contains("competitor's demo next month");
    var types = StreamSupport.stream(kase.get("timeline").spliterator(), false).map(e -> e.get("type").asString()).toList();
    assertThat(types).contains("assessed");

    await("the owner's alert", () -> mailsTo(owner, "churn risk") > 0 ? Optional.of(true) : Optional.empty());
    MimeMessage mail = Arrays.stream(IntegrationTestMail.received()).filter(m -> IntegrationTestMail.to(m, owner)).findFirst().orElseThrow();
    assertThat(IntegrationTestMail.body(mail)).contains("Next step: Call the customer").contains("/cases/" + c.caseId());

    // a second delivery of the same event (the outbox delivers at least once) alerts nobody again
    InterviewCompleted completed = events.of(InterviewCompleted.class).stream().filter(e -> e.caseId().equals(c.caseId()))
        .findFirst().orElseThrow();
    listeners.on(completed);
    assertThat(jdbc.sql("SELECT count(*) FROM outreach_message WHERE kind = 'interview_alert' AND case_id IS NULL AND recipient = :r")
        .param("r", owner).query(Long.class).single()).isEqualTo(1);
    assertThat(StreamSupport.stream(get("/api/v1/cases/" + c.caseId()).json().get("timeline").spliterator(), false)
        .filter(e -> e.get("type").asString().equals("assessed")).count()).isEqualTo(1);
  }

  @Test
  void an_unassigned_case_with_a_churn_risk_alerts_the_team_lead() {
    String team = unique("team");
    String lead = unique("lead") + "@example.test";
    teams(team, lead);
    Customer c = aCustomerWithACase(3, "Cancelling soon.", Channel.INTERVIEW, Play.RECOVER);
    followUps.assign(c.caseId(), null, team, "test", "test");
    assertThat(get("/api/v1/cases/" + c.caseId()).json().get("owner").isNull()).isTrue();

    interview(c, List.of(
        "Don't waste my time. We're seeing a competitor's demo next month.",
        "They would need imports that don't stop at 8,000 rows, that's all.",
        "We were migrating our warehouse stock data and the import failed halfway, twice.",
        "Since version 5 in October the import stops at about 8,000 rows.",
        "Any stock import over 8,000 rows stops with a timeout, so we split files by hand for two hours every week.",
        "Our warehouse leads, five people, and our COO who signed the contract.",
        "We were sold unlimited imports.",
        "Like I said, that's about it.", "Like I said, that's about it.", "Like I said, that's about it.",
        "Like I said, that's about it.", "Like I said, that's about it."));

    JsonNode kase = await("the case to be assessed", () -> {
      JsonNode k = get("/api/v1/cases/" + c.caseId()).json();
      return k.get("severity").isNull() ? Optional.empty() : Optional.of(k);
    });
    assertThat(kase.get("severity").asString()).isEqualTo("critical");
    await("the lead's alert", () -> mailsTo(lead, "churn risk") > 0 ? Optional.of(true) : Optional.empty());
  }

  @Test
  void the_customer_is_never_labelled_by_their_score_on_the_page() {
    for (Play play : List.of(Play.RECOVER, Play.IMPROVE, Play.THANK_AND_REFER)) {
      int score = play == Play.RECOVER ? 3 : play == Play.IMPROVE ? 8 : 10;
      Customer c = aCustomerWithACase(score, null, Channel.INTERVIEW, play);
      String html = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/i/" + c.token()))).GET()).body();
      String title = html.substring(html.indexOf("<title>") + 7, html.indexOf("</title>"));
      String heading = html.substring(html.indexOf("<h1 id=\"iv-title\">") + 18, html.indexOf("</h1>", html.indexOf("iv-title")));
      for (String shown : List.of(title, heading)) {
        assertThat(shown).as(play + " page title").isEqualTo(InterviewView.CUSTOMER_TITLE)
            .doesNotContainIgnoringCase("passive").doesNotContainIgnoringCase("detractor").doesNotContainIgnoringCase("promoter")
            .doesNotContainIgnoringCase("score");
      }
      assertThat(html).doesNotContainIgnoringCase("great score").doesNotContain("Passive:");
    }
  }

  /** Reading GreenMail's messages without checked exceptions. */
  static final class IntegrationTestMail {
    static MimeMessage[] received() {
      return MAIL.getReceivedMessages();
    }

    static boolean to(MimeMessage m, String address) {
      try {
        return m.getRecipients(Message.RecipientType.TO) != null
            && Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }

    static String subject(MimeMessage m) {
      try {
        return m.getSubject() == null ? "" : m.getSubject();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }

    static String body(MimeMessage m) {
      return com.icegreen.greenmail.util.GreenMailUtil.getBody(m).replaceAll("=\\r?\\n", ""); // quoted-printable soft breaks
    }
  }
}
