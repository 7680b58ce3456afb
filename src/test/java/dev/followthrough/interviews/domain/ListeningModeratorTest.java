package dev.followthrough.interviews.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 13: the built-in moderator follows what the customer just said, and the play-back is this conversation's. */
class ListeningModeratorTest {

  static final BuiltInModerator MODERATOR = new BuiltInModerator(ModelEncoder.READER);

  Instant now = Instant.parse("2026-12-08T09:00:00Z");

  Interview anInterview(Guide guide, Integer score, String comment) {
    Interview iv = Interview.invite(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), guide, score, comment);
    iv.open(now, MODERATOR);
    return iv;
  }

  Turn say(Interview iv, String text) {
    now = now.plusSeconds(30);
    iv.answer(text, iv.currentQuestion().seq(), now, MODERATOR);
    return iv.currentQuestion();
  }

  @Test
  void support_mostly_gets_a_question_about_support_not_a_canned_prompt() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR, 4, "Bad experience.");
    Turn next = say(iv, "Support, mostly.");
    assertThat(next.text()).startsWith("What happened with support?").doesNotContain("Even a rough example");
    assertThat(next.phase()).isEqualTo("situation");
  }

  @Test
  void a_short_answer_naming_a_person_or_a_feature_is_asked_about_in_the_customers_words() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR, 3, null);
    assertThat(say(iv, "Tom.").text()).contains("Tom").contains("?");
    say(iv, "Tom, our account manager, promised a fix for the SSO login in March and then stopped replying.");
    say(iv, "March.");
    Interview other = anInterview(DefaultGuides.DETRACTOR, 3, null);
    say(other, "We were closing the month and the revenue report was wrong for the board.");
    say(other, "It started after the March release, the week of the 12th.");
    assertThat(say(other, "The dashboards, mostly.").text()).contains("dashboards").doesNotContain("Even a rough example");
  }

  @Test
  void the_topic_of_a_short_answer_is_read_in_the_customers_words() {
    assertThat(AnswerReader.topic("Support, mostly.")).isEqualTo("support");
    assertThat(AnswerReader.topic("Are you a bot? Support, obviously.")).isEqualTo("support");
    assertThat(AnswerReader.topic("Reports.")).isEqualTo("reports");
    assertThat(AnswerReader.topic("Billing.")).isEqualTo("billing");
    assertThat(AnswerReader.topic("Onboarding.")).isEqualTo("onboarding");
    assertThat(AnswerReader.topic("Tom.")).isEqualTo("Tom");
    assertThat(AnswerReader.topic("SSO.")).isEqualTo("SSO");
    assertThat(AnswerReader.topic("My boss.")).isEqualTo("your boss");
    assertThat(AnswerReader.topic("Our staff got paid wrong.")).isEqualTo("your staff");
    assertThat(AnswerReader.topic("The customer list.")).isEqualTo("customer list");
    assertThat(AnswerReader.topic("I guess the exports.")).isEqualTo("exports");
    for (String none : List.of("Busy.", "Since spring.", "Just fix it.", "Recently.", "Like I said, that's about it.",
        "It is bad.", "Not sure.", "The product is too complicated.", "I expected bulk approval to just work.")) {
      assertThat(AnswerReader.topic(none)).as(none).isNull();
    }
  }

  @Test
  void a_competitors_demo_is_followed_up_at_once_quoting_the_customer_and_raises_the_severity_of_a_passive() {
    Interview iv = anInterview(DefaultGuides.PASSIVE, 8, "Good tool.");
    say(iv, "The weekly report saves me an hour every Monday.");
    Turn next = say(iv, "Honestly, we're seeing a competitor's demo next month.");
    assertThat(next.kind()).isEqualTo("churn");
    assertThat(next.text()).contains("“Honestly, we're seeing a competitor's demo next month”").endsWith("?");
    say(iv, "They would need a Salesforce sync that does not drop contacts every Monday.");
    finish(iv);
    assertThat(iv.result().churnSignals()).extracting(InterviewResult.ChurnSignal::signal).contains(AnswerReader.ALTERNATIVES);
    assertThat(iv.result().severity()).isIn("high", "critical");
  }

  @Test
  void budget_cuts_renewal_doubts_and_a_champion_leaving_are_churn_signals() {
    Guide.Phase phase = DefaultGuides.DETRACTOR.phases().get(3);
    assertThat(ModelEncoder.READER.read("Our budget was cut by 30% and we have to drop two tools.", phase).churn()).contains(AnswerReader.BUDGET);
    assertThat(ModelEncoder.READER.read("Our renewal is in six weeks and I'm not sure we'll renew.", phase).churn()).contains(AnswerReader.RENEWAL);
    assertThat(ModelEncoder.READER.read("Maria, who brought you in, is leaving at the end of the month.", phase).churn()).contains(AnswerReader.CHAMPION);
    assertThat(ModelEncoder.READER.read("My manager asked me to look at alternatives.", phase).churn()).contains(AnswerReader.ALTERNATIVES);
    assertThat(ModelEncoder.READER.read("After the March call he cancelled two meetings in a row.", phase).churn())
        .as("a cancelled meeting is not a cancelled contract").isEmpty();
  }

  @Test
  void a_hostile_churn_remark_is_acknowledged_and_followed_up_in_one_message() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR, 2, "Cancelling soon.");
    Turn next = say(iv, "Don't waste my time. We're seeing a competitor's demo next month.");
    assertThat(next.kind()).isEqualTo("churn");
    assertThat(next.text()).contains("not here to defend").contains("competitor's demo next month");
    assertThat(iv.turns().get(1).depth()).as("an outburst is not depth").isZero();
    say(iv, "They would need imports that don't stop at 8,000 rows, that's all.");
    iv.stop(now);
    assertThat(iv.result().churnSignals()).as("the signal counts even though the outburst took it no deeper")
        .extracting(InterviewResult.ChurnSignal::signal).containsExactly(AnswerReader.ALTERNATIVES);
    assertThat(iv.result().severity()).isEqualTo("critical");
  }

  @Test
  void the_play_back_is_this_conversation_each_slot_from_its_own_answer_and_the_root_cause_the_deepest_specific_one() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR, 4, "Account management is a joke.");
    for (String a : List.of(
        "We were onboarding a new client and the project templates did not copy the task owners.",
        "It started in May with the new template engine.",
        "Templates.",
        "Copying a project template drops every task owner, so I reassign about 120 tasks by hand per new client.",
        "Our four project managers lose half a day per new client.",
        "I expected a template to copy everything, owners included.")) {
      if (iv.status() == Interview.Status.CONFIRMING) break;
      say(iv, a);
    }
    finish(iv);
    InterviewResult r = iv.result();
    assertThat(r.summary()).doesNotContain("Account management is a joke");
    assertThat(r.rootCause()).startsWith("Copying a project template drops every task owner");
    assertThat(r.whoElse()).contains("four project managers");
    assertThat(r.expectationGap()).contains("copy everything");
    assertThat(List.of(r.rootCause(), r.whoElse(), r.expectationGap())).doesNotHaveDuplicates();
    assertThat(r.statedReason()).as("the survey comment stays the stated reason").isEqualTo("Account management is a joke.");
  }

  @Test
  void the_last_message_is_not_the_root_cause_when_an_earlier_answer_was_more_specific() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR, 3, null);
    for (String a : List.of(
        "I was trying to approve timesheets on Friday and the approve button did nothing.",
        "Maybe since the last update.",
        "The approve button on the timesheet screen does nothing for batches over 50 timesheets, so I approve them one by one for an hour every Friday.",
        "It is annoying.",
        "Payroll waits for me.",
        "I expected bulk approval to just work.")) {
      if (iv.status() == Interview.Status.CONFIRMING) break;
      say(iv, a);
    }
    finish(iv);
    assertThat(iv.result().rootCause()).contains("batches over 50 timesheets");
  }

  @Test
  void short_topical_answers_over_and_over_never_repeat_a_question() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR, 4, null);
    for (int i = 0; i < 30 && !iv.status().isOver() && iv.status() != Interview.Status.CONFIRMING; i++) say(iv, "Support, mostly.");
    List<String> questions = iv.turns().stream().filter(t -> !t.byCustomer()).map(Turn::text).toList();
    assertThat(questions).doesNotHaveDuplicates();
    assertThat(questions.size()).isLessThanOrEqualTo(13);
  }

  private void finish(Interview iv) {
    for (int i = 0; i < 20 && iv.status() != Interview.Status.CONFIRMING && !iv.status().isOver(); i++) say(iv, "Like I said, that's about it.");
    if (iv.status() == Interview.Status.CONFIRMING) say(iv, "Yes, that's right.");
  }
}
