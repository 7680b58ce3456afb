package dev.followthrough.insights.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolarityTest {

  @Test
  void praise_verbs_make_praise_even_around_problem_words() {
    assertThat(Polarity.of("Raj from support solved it within 15 minutes.", 10)).isEqualTo(Polarity.PRAISE);
    assertThat(Polarity.of("Support followed up the next day to make sure it was fixed.", 9)).isEqualTo(Polarity.PRAISE);
    assertThat(Polarity.of("Quick, friendly answer from Raj, and the problem is gone.", null)).isEqualTo(Polarity.PRAISE);
    assertThat(Polarity.of("We cut our monthly reporting from 5 days to an afternoon with the dashboards.", null)).isEqualTo(Polarity.PRAISE);
    assertThat(Polarity.of("Didn't have to explain it twice.", 10)).isEqualTo(Polarity.PRAISE);
  }

  @Test
  void problem_words_make_a_problem() {
    assertThat(Polarity.of("slow support response", null)).isEqualTo(Polarity.PROBLEM);
    assertThat(Polarity.of("Exports time out on anything bigger than 10k rows.", 3)).isEqualTo(Polarity.PROBLEM);
    assertThat(Polarity.of("Waited days for a reply.", null)).isEqualTo(Polarity.PROBLEM);
    assertThat(Polarity.of("The PDF export cuts off the last columns of every dashboard.", null)).isEqualTo(Polarity.PROBLEM);
  }

  @Test
  void a_negation_turns_the_cue_around() {
    assertThat(Polarity.of("Support was not helpful at all.", null)).isEqualTo(Polarity.PROBLEM);
    assertThat(Polarity.of("Still not fixed, by the way.", null)).isEqualTo(Polarity.PROBLEM);
    assertThat(Polarity.of("Not a single outage that affected us this year.", null)).isEqualTo(Polarity.PRAISE);
    assertThat(Polarity.of("We never had an issue with it.", null)).isEqualTo(Polarity.PRAISE);
    assertThat(Polarity.of("No complaints.", null)).isEqualTo(Polarity.PRAISE);
  }

  @Test
  void what_follows_but_weighs_more() {
    assertThat(Polarity.of("Great team but exports are slow and broken", null)).isEqualTo(Polarity.PROBLEM);
  }

  @Test
  void wishes_are_suggestions() {
    assertThat(Polarity.of("It would be nice to have a dark mode.", 9)).isEqualTo(Polarity.SUGGESTION);
    assertThat(Polarity.of("Please add SSO on the Business plan.", 5)).isEqualTo(Polarity.SUGGESTION);
    assertThat(Polarity.of("Only wish: faster exports.", 9)).isEqualTo(Polarity.SUGGESTION);
  }

  @Test
  void where_the_words_are_silent_the_score_decides() {
    assertThat(Polarity.of("We use it for project tracking.", 10)).isEqualTo(Polarity.PRAISE);
    assertThat(Polarity.of("We use it for project tracking.", 2)).isEqualTo(Polarity.PROBLEM);
    assertThat(Polarity.of("We use it for project tracking.", 7)).isEqualTo(Polarity.NEUTRAL);
    assertThat(Polarity.of("We use it for project tracking.", null)).isEqualTo(Polarity.NEUTRAL);
  }

  @Test
  void praise_clauses_code_to_praise_mechanisms_and_the_rest_to_problems() {
    assertThat(Polarity.codesTo(Polarity.PRAISE, Polarity.PRAISE)).isTrue();
    assertThat(Polarity.codesTo(Polarity.PRAISE, Polarity.PROBLEM)).isFalse();
    assertThat(Polarity.codesTo(Polarity.SUGGESTION, Polarity.PROBLEM)).isTrue();
    assertThat(Polarity.codesTo(Polarity.PROBLEM, Polarity.PRAISE)).isFalse();
  }
}
