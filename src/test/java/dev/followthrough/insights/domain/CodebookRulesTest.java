package dev.followthrough.insights.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodebookRulesTest {

  static Codebook.Mechanism mech(String key, String owner) {
    return new Codebook.Mechanism(key, "Name", "Description", List.of("an example"), owner);
  }

  @Test
  void the_default_codebook_passes_its_own_rules_and_separates_price_from_value_articulation() {
    Codebook book = DefaultCodebook.v1();
    assertThat(CodebookRules.check(book)).isEmpty();
    assertThat(book.entry("price-sensitivity")).isPresent();
    assertThat(book.entry("value-articulation").orElseThrow().mechanism().description()).contains("CFO");
    assertThat(book.categories()).hasSizeGreaterThanOrEqualTo(12);
  }

  @Test
  void the_first_broken_rule_names_its_field() {
    Codebook noOwner = new Codebook(0, List.of(new Codebook.Category("c", "C", null, List.of(mech("ok", "p"), mech("bad", " ")))));
    assertThat(CodebookRules.check(noOwner)).contains(new CodebookRules.Violation("categories[0].mechanisms[1].owner", "is required"));
    Codebook badKey = new Codebook(0, List.of(new Codebook.Category("c", "C", null, List.of(mech("Not A Key", "p")))));
    assertThat(CodebookRules.check(badKey).orElseThrow().field()).isEqualTo("categories[0].mechanisms[0].key");
    Codebook empty = new Codebook(0, List.of(new Codebook.Category("c", "C", null, List.of())));
    assertThat(CodebookRules.check(empty).orElseThrow().field()).isEqualTo("categories[0].mechanisms");
  }
}
