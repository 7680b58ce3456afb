package dev.followthrough.insights.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlightTest {

  @Test
  void a_repeated_query_word_is_one_word() {
    assertThat(Highlight.queryWords("support Support support")).containsExactly("support");
    assertThat(Highlight.queryWords("the app and the export")).containsExactly("app", "export");
  }

  @Test
  void only_the_matched_words_are_marked_and_the_rest_is_escaped() {
    String html = Highlight.html("The app & the <i>exports</i> fail.", Highlight.queryWords("the app and the export"));
    assertThat(html).isEqualTo("The <mark>app</mark> &amp; the &lt;i&gt;<mark>exports</mark>&lt;/i&gt; fail.");
  }

  @Test
  void the_sentence_with_most_matched_words_is_the_quote() {
    String body = "Support was fine. The app and the export both time out. Nothing else.";
    assertThat(Highlight.bestSentence(body, "the app and the export", 100).text()).isEqualTo("The app and the export both time out.");
    assertThat(Highlight.bestSentence(body, "support support", 100).text()).isEqualTo("Support was fine.");
    assertThat(Highlight.bestSentence(body, "zebra", 100).text()).isEqualTo("Support was fine.");
  }
}
