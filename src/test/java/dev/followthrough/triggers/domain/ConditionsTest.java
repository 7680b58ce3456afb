package dev.followthrough.triggers.domain;

import static dev.followthrough.triggers.domain.Subjects.NOW;
import static dev.followthrough.triggers.domain.Subjects.aDetractor;
import static dev.followthrough.triggers.domain.Subjects.aPassive;
import static dev.followthrough.triggers.domain.Subjects.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private static Conditions c(java.util.function.UnaryOperator<Map<String, Object>> spec) {
    return RuleFormat.readConditions(spec.apply(new java.util.LinkedHashMap<>()), "conditions.");
  }

  @Test
  void no_conditions_match_everything() {
    assertThat(Conditions.none().matches(aDetractor().build(), NOW)).isTrue();
    assertThat(Conditions.none().describe()).isEqualTo("no conditions");
  }

  @Test
  void category_and_score_range() {
    Conditions detractors = c(m -> { m.put("categories", "detractor"); return m; });
    assertThat(detractors.matches(aDetractor().build(), NOW)).isTrue();
    assertThat(detractors.matches(aPassive().build(), NOW)).isFalse();
    Conditions severe = c(m -> { m.put("scoreMin", 0); m.put("scoreMax", 3); return m; });
    assertThat(severe.matches(aResponse(3).build(), NOW)).isTrue();
    assertThat(severe.matches(aResponse(4).build(), NOW)).isFalse();
    assertThat(severe.describe()).isEqualTo("score 0–3");
  }

  @Test
  void tier_ignores_case_and_an_unknown_tier_does_not_match() {
    Conditions enterprise = c(m -> { m.put("tiers", java.util.List.of("Enterprise")); return m; });
    assertThat(enterprise.matches(aDetractor().tier("ENTERPRISE ").build(), NOW)).isTrue();
    assertThat(enterprise.matches(aDetractor().tier("smb").build(), NOW)).isFalse();
    assertThat(enterprise.matches(aDetractor().build(), NOW)).isFalse();
  }

  @Test
  void arr_range_needs_a_known_arr() {
    Conditions big = c(m -> { m.put("arrMin", 50000); return m; });
    assertThat(big.matches(aDetractor().arr(120000).build(), NOW)).isTrue();
    assertThat(big.matches(aDetractor().arr(20000).build(), NOW)).isFalse();
    assertThat(big.matches(aDetractor().build(), NOW)).isFalse();
    Conditions small = c(m -> { m.put("arrMax", 50000); return m; });
    assertThat(small.matches(aDetractor().arr(50000).build(), NOW)).isTrue();
  }

  @Test
  void program_kind_touchpoint_and_language() {
    Conditions c = c(m -> { m.put("programs", "Relational Q4"); m.put("kinds", "relational");
      m.put("touchpoints", java.util.List.of("renewal", "onboarding")); m.put("languages", "de"); return m; });
    var ok = aDetractor().program("relational q4").kind("relational").touchpoint("onboarding").language("DE");
    assertThat(c.matches(ok.build(), NOW)).isTrue();
    assertThat(c.matches(ok.language("en").build(), NOW)).isFalse();
  }

  @Test
  void comment_present_or_absent() {
    Conditions present = c(m -> { m.put("comment", "present"); return m; });
    Conditions absent = c(m -> { m.put("comment", "absent"); return m; });
    assertThat(present.matches(aDetractor().withComment().build(), NOW)).isTrue();
    assertThat(present.matches(aDetractor().build(), NOW)).isFalse();
    assertThat(absent.matches(aDetractor().build(), NOW)).isTrue();
  }

  @Test
  void any_attribute_by_its_text_value() {
    Conditions c = c(m -> { m.put("attributes", Map.of("plan", java.util.List.of("pro", "enterprise"), "seats", 40)); return m; });
    assertThat(c.matches(aDetractor().attributes(Map.of("plan", "Pro", "seats", 40L)).build(), NOW)).isTrue();
    assertThat(c.matches(aDetractor().attributes(Map.of("plan", "free", "seats", 40L)).build(), NOW)).isFalse();
    assertThat(c.matches(aDetractor().attributes(Map.of("plan", "pro")).build(), NOW)).isFalse();
  }

  @Test
  void score_trend_dropped_by_and_first_score() {
    Conditions dropped = c(m -> { m.put("droppedBy", 3); return m; });
    assertThat(dropped.matches(aResponse(6).previous(9).build(), NOW)).isTrue();
    assertThat(dropped.matches(aResponse(7).previous(9).build(), NOW)).isFalse();
    assertThat(dropped.matches(aResponse(2).build(), NOW)).as("no previous score, no drop").isFalse();
    Conditions first = c(m -> { m.put("firstScore", true); return m; });
    assertThat(first.matches(aResponse(6).build(), NOW)).isTrue();
    assertThat(first.matches(aResponse(6).previous(6).build(), NOW)).isFalse();
  }

  @Test
  void renewal_within_days() {
    Conditions soon = c(m -> { m.put("renewalWithinDays", 90); return m; });
    assertThat(soon.matches(aDetractor().renewal(LocalDate.of(2027, 1, 31)).build(), NOW)).isTrue();
    assertThat(soon.matches(aDetractor().renewal(LocalDate.of(2027, 6, 30)).build(), NOW)).isFalse();
    assertThat(soon.matches(aDetractor().renewal(LocalDate.of(2026, 1, 1)).build(), NOW)).as("passed").isFalse();
  }

  @Test
  void describes_itself_in_words() {
    Conditions c = new Conditions(Set.of("detractor"), null, null, Set.of("enterprise"), BigDecimal.valueOf(50000),
        null, null, null, null, Conditions.CommentPresence.PRESENT, null, Map.of(), 3, null, null);
    assertThat(c.describe()).isEqualTo(
        "category = detractor, tier = enterprise, ARR ≥ 50000, has a comment, dropped ≥ 3 points since the previous score");
  }
}
