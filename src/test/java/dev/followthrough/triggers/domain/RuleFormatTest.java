package dev.followthrough.triggers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleFormatTest {

  @Test
  void the_default_rules_survive_a_round_trip() {
    List<Rule> rules = DefaultRules.all();
    List<Rule> back = RuleFormat.readBook(RuleFormat.writeBook(rules));
    assertThat(back).hasSize(6);
    for (int i = 0; i < rules.size(); i++) {
      assertThat(back.get(i).name()).isEqualTo(rules.get(i).name());
      assertThat(back.get(i).conditions()).isEqualTo(rules.get(i).conditions());
      assertThat(back.get(i).outcome()).isEqualTo(rules.get(i).outcome());
      assertThat(back.get(i).position()).isEqualTo(i + 1);
    }
  }

  private static String fieldOf(Map<String, Object> rule) {
    try {
      RuleFormat.readRule(rule, "");
      return "accepted";
    } catch (RuleFormat.Invalid e) {
      return e.field() + ": " + e.reason();
    }
  }

  private static Map<String, Object> rule(Map<String, Object> outcome) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "r");
    m.put("outcome", outcome);
    return m;
  }

  @Test
  void rejections_name_the_field_and_the_reason() {
    assertThat(fieldOf(Map.of("outcome", Map.of("followUp", false)))).isEqualTo("name: is required");
    assertThat(fieldOf(rule(Map.of("followUp", true, "play", "recover", "sla", "48h"))))
        .isEqualTo("outcome.channel: is required for a follow-up");
    assertThat(fieldOf(rule(Map.of("followUp", true, "channel", "fax", "play", "recover", "sla", "48h"))))
        .isEqualTo("outcome.channel: must be one of call, interview, email, in_app, was \"fax\"");
    assertThat(fieldOf(rule(Map.of("followUp", true, "channel", "call", "play", "recover", "sla", "soon"))))
        .startsWith("outcome.sla: must be a duration");
    assertThat(fieldOf(rule(Map.of("followUp", true, "channel", "call", "play", "recover", "sla", "2d",
        "sampleRate", 1.5)))).isEqualTo("outcome.sampleRate: must be from 0 to 1, was 1.5");
    assertThat(fieldOf(rule(Map.of("followUp", false, "channel", "call"))))
        .isEqualTo("outcome.channel: only applies when followUp is true");
    Map<String, Object> unknown = rule(Map.of("followUp", false));
    unknown.put("conditions", Map.of("colour", "red"));
    assertThat(fieldOf(unknown)).startsWith("conditions.colour: is not a known field");
    Map<String, Object> badScore = rule(Map.of("followUp", false));
    badScore.put("conditions", Map.of("scoreMin", 7.5));
    assertThat(fieldOf(badScore)).isEqualTo("conditions.scoreMin: must be a whole number from 0 to 10, was 7.5");
  }

  @Test
  void a_share_may_be_written_as_a_percentage_and_enums_in_any_case() {
    Rule r = RuleFormat.readRule(rule(Map.of("followUp", true, "channel", "In-App", "play", "thank-and-refer",
        "sla", "PT12H", "sampleRate", "30%")), "");
    assertThat(r.outcome().sampleRate()).isEqualTo(0.3);
    assertThat(r.outcome().channel()).isEqualTo(dev.followthrough.triggers.Channel.IN_APP);
    assertThat(RuleFormat.write(r.outcome()).get("sla")).isEqualTo("12h");
  }

  @Test
  void a_book_rejects_duplicate_names_with_the_index() {
    Map<String, Object> r = rule(Map.of("followUp", false));
    assertThatThrownBy(() -> RuleFormat.readBook(Map.of("version", 1, "rules", List.of(r, r))))
        .isInstanceOfSatisfying(RuleFormat.Invalid.class, e -> assertThat(e.field()).isEqualTo("rules[1].name"));
  }
}
