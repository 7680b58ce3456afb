package dev.followthrough.interviews.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BuiltInModeratorTest {

  static final BuiltInModerator MODERATOR = new BuiltInModerator(ModelEncoder.READER);
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  Instant now = T0;

  Interview anInterview(Guide guide) {
    Interview iv = Interview.invite(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), guide, 3, "Too complicated.");
    iv.open(now, MODERATOR);
    return iv;
  }

  Interview.Answered say(Interview iv, String text) {
    now = now.plusSeconds(30);
    return iv.answer(text, iv.currentQuestion().seq(), now, MODERATOR);
  }

  Turn asked(Interview iv) {
    return iv.currentQuestion();
  }

  @Test
  void it_opens_from_the_moment_and_never_asks_why_the_score_was_given() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR);
    assertThat(iv.status()).isEqualTo(Interview.Status.OPENED);
    assertThat(asked(iv).text()).startsWith("Walk me through what was happening").doesNotContainIgnoringCase("why did you");
    for (Guide g : DefaultGuides.all()) {
      assertThat(g.phases().getFirst().questions().getFirst()).startsWithIgnoringCase("walk me through");
      assertThat(g.problem()).isEmpty();
    }
  }

  @Test
  void a_vague_answer_is_laddered_on_in_the_customers_own_words() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR);
    say(iv, "We were closing the month and I needed the revenue report for the board.");
    say(iv, "It started after the March release.");
    assertThat(asked(iv).phase()).isEqualTo("operational");
    say(iv, "The product is too complicated.");
    assertThat(asked(iv).kind()).isEqualTo("probe");
    assertThat(asked(iv).phase()).isEqualTo("operational");
    assertThat(asked(iv).text()).contains("“The product is too complicated”").containsIgnoringCase("which part");
  }

  @Test
  void a_specific_answer_moves_on_to_the_next_phase() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR);
    say(iv, "We were closing the month and the CSV export of the revenue report timed out after 30 seconds, three times.");
    assertThat(asked(iv).kind()).isEqualTo("question");
    assertThat(asked(iv).phase()).isEqualTo("sequence");
    assertThat(iv.turns().get(1).depth()).isEqualTo(1);
  }

  @Test
  void it_never_asks_the_same_question_twice_even_when_the_customer_stays_vague() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR);
    for (int i = 0; i < 30 && !iv.status().isOver() && iv.status() != Interview.Status.CONFIRMING; i++) say(iv, "It is bad.");
    List<String> questions = iv.turns().stream().filter(t -> !t.byCustomer()).map(Turn::text).toList();
    assertThat(questions).doesNotHaveDuplicates();
    assertThat(questions.size()).isLessThanOrEqualTo(13); // the question limit (12) and then the summary
  }

  @Test
  void a_churn_signal_is_followed_up_once() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR);
    say(iv, "Honestly we are evaluating a competitor because the export keeps failing.");
    assertThat(asked(iv).kind()).isEqualTo("churn");
    assertThat(asked(iv).text()).contains("“Honestly we are evaluating a competitor because the export keeps failing”")
        .contains("another tool");
    say(iv, "They would need exports that finish for 10,000 rows; we are trialling another tool next week.");
    assertThat(asked(iv).kind()).isNotEqualTo("churn");
  }

  @Test
  void the_renewal_and_a_champion_leaving_are_recognised_as_churn_signals() {
    Reading r = ModelEncoder.READER.read("Our renewal is in March and the director who chose you left the company in June.",
        DefaultGuides.DETRACTOR.phases().get(3));
    assertThat(r.churn()).contains(AnswerReader.RENEWAL, AnswerReader.CHAMPION);
  }

  @Test
  void a_customer_who_wants_to_stop_is_let_go_with_what_they_said_kept() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR);
    say(iv, "I opened a support ticket about billing and nobody answered for nine days.");
    var a = say(iv, "I'd like to stop now, please.");
    assertThat(iv.status()).isEqualTo(Interview.Status.STOPPED);
    assertThat(a).isEqualTo(new Interview.Answered.Accepted(false, true));
    assertThat(iv.result().statedReason()).isEqualTo("Too complicated.");
    assertThat(iv.result().quotes()).anyMatch(q -> q.contains("nine days"));
    assertThat(iv.turns().getLast().text()).contains("this link still works");
  }

  @Test
  void hostility_is_acknowledged_without_defending_and_an_exit_is_offered() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR);
    say(iv, "This survey is a waste of time, just fix it.");
    assertThat(asked(iv).kind()).isEqualTo("acknowledge");
    assertThat(asked(iv).text()).contains("not here to defend").contains("rather stop");
    assertThat(iv.depth()).as("an outburst is not depth").isZero();
  }

  @Test
  void an_off_topic_answer_is_steered_back_to_the_experience() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR);
    say(iv, "The weather has been lovely here and I was planning my holiday in Portugal.");
    assertThat(asked(iv).kind()).isEqualTo("redirect");
    assertThat(iv.depth()).isZero();
  }

  @Test
  void a_detractor_who_gets_specific_reaches_depth_five_to_seven_and_confirms_a_summary_with_the_root_cause() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR);
    List<String> answers = List.of(
        "We were closing the month and I needed the revenue report for the board.",
        "It has been getting worse.",
        "It started after the March release, the first time was the week of the 12th.",
        "The reporting is confusing and slow.",
        "The CSV export times out after 30 seconds whenever a report has more than 10,000 rows.",
        "The finance team of six has to redo their numbers by hand.",
        "In the demo we were shown exports of any size in seconds.",
        "Every month-end I lose about three hours rebuilding it in Excel.");
    for (String a : answers) {
      if (iv.status() == Interview.Status.CONFIRMING) break;
      say(iv, a);
    }
    assertThat(iv.status()).isEqualTo(Interview.Status.CONFIRMING);
    assertThat(iv.depth()).isBetween(5, 7);
    assertThat(asked(iv).text()).contains("CSV export times out").contains("Did I get that right");
    var done = say(iv, "Yes, that's right.");
    assertThat(done).isEqualTo(new Interview.Answered.Accepted(false, true));
    InterviewResult r = iv.result();
    assertThat(r.confirmed()).isTrue();
    assertThat(r.rootCause()).contains("CSV export times out");
    assertThat(r.specifics().when()).contains("March release");
    assertThat(r.whoElse()).contains("finance team");
    assertThat(r.expectationGap()).contains("demo");
    assertThat(r.severity()).isEqualTo("high");
    assertThat(iv.status()).isEqualTo(Interview.Status.COMPLETED);
    assertThat(iv.revision()).isEqualTo(1);
  }

  @Test
  void a_correction_of_the_summary_is_kept_and_becomes_the_root_cause() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR).withLimits(new Moderator.Limits(2, 12, Duration.ofMinutes(20)));
    say(iv, "We were closing the month and the export failed.");
    say(iv, "It started in March after the release.");
    assertThat(iv.status()).isEqualTo(Interview.Status.CONFIRMING);
    say(iv, "Not quite");
    assertThat(asked(iv).text()).isEqualTo(Interview.CORRECT_PROMPT);
    say(iv, "The real problem is the Salesforce sync dropping 50 contacts every Monday.");
    assertThat(iv.result().confirmed()).isFalse();
    assertThat(iv.result().correction()).contains("Salesforce");
    assertThat(iv.result().rootCause()).contains("Salesforce sync");
  }

  @Test
  void the_time_limit_leads_to_the_summary() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR).withLimits(new Moderator.Limits(7, 12, Duration.ofMinutes(1)));
    say(iv, "We were closing the month and the CSV export timed out after 30 seconds.");
    now = now.plus(Duration.ofMinutes(5));
    say(iv, "It started after the March release.");
    assertThat(iv.status()).isEqualTo(Interview.Status.CONFIRMING);
  }

  @Test
  void a_passive_customer_constrained_from_outside_gets_their_own_follow_up() {
    Interview iv = anInterview(DefaultGuides.PASSIVE);
    say(iv, "The weekly report saves me an hour every Monday.");
    assertThat(asked(iv).phase()).isEqualTo("holds-back");
    say(iv, "I love it but IT will not approve it for other teams.");
    assertThat(iv.memory().segment()).isEqualTo("positive-constrained");
    assertThat(asked(iv).text()).contains("outside the product");
  }

  @Test
  void a_promoter_is_invited_to_refer_or_review_at_the_end() {
    Interview iv = anInterview(DefaultGuides.PROMOTER).withLimits(new Moderator.Limits(2, 12, Duration.ofMinutes(20)));
    say(iv, "We close the month two days faster because the numbers are just there.");
    say(iv, "The first board meeting where nobody asked where a number came from.");
    say(iv, "Yes");
    assertThat(iv.status()).isEqualTo(Interview.Status.COMPLETED);
    assertThat(iv.turns().getLast().text()).contains("review").contains("peer");
  }

  @Test
  void the_same_answer_sent_twice_is_recognised_and_a_late_one_for_an_old_question_is_refused() {
    Interview iv = anInterview(DefaultGuides.DETRACTOR);
    int q = asked(iv).seq();
    iv.answer("The export failed during the month-end close.", q, now, MODERATOR);
    int size = iv.turns().size();
    assertThat(iv.answer("The export failed during the month-end close.", q, now, MODERATOR)).isEqualTo(new Interview.Answered.Duplicate());
    assertThat(iv.turns()).hasSize(size);
    assertThat(iv.answer("Something else", q, now, MODERATOR)).isInstanceOf(Interview.Answered.Refused.class);
    assertThat(iv.answer(" ", null, now, MODERATOR)).isEqualTo(new Interview.Answered.Refused("text", "is required", false));
  }
}
