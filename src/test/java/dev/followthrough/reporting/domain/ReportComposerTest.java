package dev.followthrough.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.followthrough.reporting.domain.PeriodicReport.Figure;
import dev.followthrough.reporting.domain.PeriodicReport.Intervention;
import dev.followthrough.reporting.domain.PeriodicReport.MatrixCell;
import dev.followthrough.reporting.domain.PeriodicReport.Moment;
import dev.followthrough.reporting.domain.PeriodicReport.Priority;
import dev.followthrough.reporting.domain.PeriodicReport.Theme;
import dev.followthrough.reporting.domain.ReportComposer.Account;
import dev.followthrough.reporting.domain.ReportComposer.MechanismInfo;
import dev.followthrough.reporting.domain.ReportComposer.Mention;
import dev.followthrough.reporting.domain.ReportPeriod.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A constructed month: 10 coded promoters, 5 passives, 10 detractors. Slow performance is the detractors'
 * complaint (6 of 10, one promoter), great support the promoters' praise (6 of 10, one detractor), a billing
 * error hit one big account once (score 0), onboarding comes up mildly among passives.
 */
class ReportComposerTest {

  static final ReportPeriod MARCH = new ReportPeriod(Kind.MONTH, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
  static final LocalDate AS_OF = MARCH.end();
  static final UUID A = id(101), B = id(102), C = id(103), D = id(104), E = id(105), F = id(106);

  static final Map<String, MechanismInfo> BOOK = Map.of(
      "slow-performance", new MechanismInfo("slow-performance", "Slow performance", "engineering", "product", "Product quality"),
      "great-support", new MechanismInfo("great-support", "Great support", "cs", "support", "Support"),
      "onboarding", new MechanismInfo("onboarding", "Onboarding", "implementation", "support", "Support"),
      "billing-errors", new MechanismInfo("billing-errors", "Billing errors", "finance", "billing", "Billing"));

  static int next = 0;

  static UUID id(long n) {
    return new UUID(0, n);
  }

  static Mention m(String mechanism, int score, UUID account, Double arr, double confidence, boolean reviewed) {
    String group = score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
    int n = ++next;
    return new Mention("response", id(n), mechanism, score, group, account, account == null ? null : "Account " + account.getLeastSignificantBits(),
        arr, "evidence " + n + " score " + score, confidence, reviewed);
  }

  static List<Mention> world() {
    next = 0;
    List<Mention> ms = new ArrayList<>();
    ms.add(m("slow-performance", 2, A, 100_000.0, 0.5, true));
    ms.add(m("slow-performance", 3, A, 100_000.0, 0.9, false));
    ms.add(m("slow-performance", 3, B, 50_000.0, 0.7, false));
    ms.add(m("slow-performance", 4, null, null, 0.7, false));
    ms.add(m("slow-performance", 5, null, null, 0.7, false));
    ms.add(m("slow-performance", 6, null, null, 0.7, false));
    ms.add(m("slow-performance", 9, C, 80_000.0, 0.7, false));
    ms.add(m("great-support", 6, null, null, 0.8, false));
    for (int s : new int[] {10, 10, 9, 9, 10, 9}) ms.add(m("great-support", s, null, null, 0.8, false));
    ms.add(m("billing-errors", 0, D, 300_000.0, 0.8, false));
    ms.add(m("onboarding", 7, null, null, 0.8, false));
    ms.add(m("onboarding", 8, null, null, 0.8, false));
    ms.add(m("onboarding", 9, null, null, 0.8, false));
    return ms;
  }

  static List<Account> accounts() {
    return List.of(
        new Account(A, "acme", "Acme", "enterprise", 100_000.0, AS_OF.plusDays(30), -100.0, 2),
        new Account(B, "beta", "Beta", "enterprise", 50_000.0, null, -100.0, 1),
        new Account(D, "delta", "Delta", "enterprise", 300_000.0, AS_OF.plusDays(200), -100.0, 1),
        new Account(E, "echo", "Echo", "smb", 10_000.0, AS_OF.plusDays(10), 50.0, 2),
        new Account(F, "fox", "Fox", "smb", 20_000.0, AS_OF.plusDays(90), -50.0, 2));
  }

  static PeriodicReport compose(Map<String, Intervention> interventions) {
    Figure none = new Figure(0, 0, 0, 0, null, null, null);
    var nps = new PeriodicReport.Nps(none, none, null, "month", List.of(), "/responses");
    var in = new ReportComposer.Inputs(MARCH, MARCH.previous(), Instant.parse("2026-04-01T06:00:00Z"), "UTC", nps, 40,
        Map.of("promoter", 10L, "passive", 5L, "detractor", 10L), world(), BOOK, accounts(), interventions,
        new ReportComposer.Settings(90, 0, 10, 2));
    return ReportComposer.compose(in, source -> source.equals(id(1)) ? "/cases/case-of-1" : null);
  }

  @Test
  void the_severity_matrix_separates_frequent_and_severe_from_frequent_but_mild_and_rare_but_severe() {
    Map<String, MatrixCell> cells = new java.util.HashMap<>();
    compose(Map.of()).severity().forEach(c -> cells.put(c.mechanism(), c));
    assertThat(cells.get("slow-performance").mentions()).isEqualTo(7);
    assertThat(cells.get("slow-performance").meanSeverity()).isCloseTo(3.8 / 7, within(1e-9));
    assertThat(cells.get("slow-performance").quadrant()).isEqualTo("frequent and severe");
    assertThat(cells.get("slow-performance").frequency()).isCloseTo(7 / 25.0, within(1e-9));
    assertThat(cells.get("slow-performance").revenue()).isEqualTo(230_000); // A, B and the promoter's C
    assertThat(cells.get("great-support").meanSeverity()).isCloseTo(0.1, within(1e-9));
    assertThat(cells.get("great-support").quadrant()).isEqualTo("frequent but mild");
    assertThat(cells.get("billing-errors").quadrant()).isEqualTo("rare but severe");
    assertThat(cells.get("billing-errors").revenue()).isEqualTo(300_000);
    assertThat(cells.get("onboarding").quadrant()).isEqualTo("rare and mild"); // 3 mentions, median is 5
  }

  @Test
  void damage_and_advocacy_are_ranked_by_the_odds_ratio_with_clear_ones_first() {
    PeriodicReport r = compose(Map.of());
    assertThat(r.damage()).extracting(Moment::mechanism).containsExactly("slow-performance", "billing-errors");
    Moment slow = r.damage().getFirst();
    assertThat(slow.detractors()).isEqualTo(6);
    assertThat(slow.promoters()).isEqualTo(1);
    assertThat(slow.oddsRatio()).isCloseTo(9.1481, within(1e-4));
    assertThat(slow.low()).isCloseTo(1.1203, within(1e-4));
    assertThat(slow.clear()).isTrue();
    assertThat(r.damage().get(1).oddsRatio()).isCloseTo(3.3158, within(1e-4));
    assertThat(r.damage().get(1).clear()).isFalse();

    assertThat(r.advocacy()).extracting(Moment::mechanism).containsExactly("great-support", "onboarding");
    assertThat(r.advocacy().getFirst().oddsRatio()).isCloseTo(0.1093, within(1e-4));
    assertThat(r.advocacy().getFirst().high()).isCloseTo(0.8927, within(1e-4));
    assertThat(r.advocacy().getFirst().clear()).isTrue();
  }

  @Test
  void themes_say_whether_they_appear_across_all_groups_or_mostly_in_one() {
    Map<String, Theme> themes = new java.util.HashMap<>();
    compose(Map.of()).themes().forEach(t -> themes.put(t.key(), t));
    Theme support = themes.get("support");
    assertThat(List.of(support.promoters(), support.passives(), support.detractors())).containsExactly(7L, 2L, 1L);
    assertThat(support.pattern()).isEqualTo("across all groups");
    assertThat(support.mechanisms()).containsExactlyInAnyOrder("Great support", "Onboarding");
    assertThat(themes.get("product").pattern()).isEqualTo("mostly detractors");
    assertThat(themes.get("product").detractorShare()).isCloseTo(0.6, within(1e-9));
    assertThat(themes.get("billing").pattern()).isEqualTo("mostly detractors");
    assertThat(ReportComposer.pattern(0.5, 0.0, 0.1, 10, 5, 10)).isEqualTo("mostly promoters");
    assertThat(ReportComposer.pattern(0.3, 0.0, 0.2, 10, 5, 10)).isEqualTo("mixed");
  }

  @Test
  void quotes_are_the_detractors_words_for_damage_and_the_promoters_for_advocacy_reviewed_and_confident_first() {
    PeriodicReport r = compose(Map.of());
    var slow = r.quotes().stream().filter(q -> q.mechanism().equals("slow-performance")).toList();
    assertThat(slow).extracting(PeriodicReport.Quote::text).containsExactly("evidence 1 score 2", "evidence 2 score 3");
    assertThat(slow.getFirst().link()).isEqualTo("/responses/" + id(1));
    assertThat(slow.getFirst().caseLink()).isEqualTo("/cases/case-of-1");
    assertThat(slow.get(1).caseLink()).isNull();
    var support = r.quotes().stream().filter(q -> q.mechanism().equals("great-support")).toList();
    assertThat(support).hasSize(2).allSatisfy(q -> assertThat(q.score()).isEqualTo(10));
    assertThat(r.quotes()).allSatisfy(q -> assertThat(q.npsCategory()).isNotEqualTo("passive"));
  }

  @Test
  void accounts_below_the_line_renewing_within_the_window_are_at_risk_with_their_arr() {
    var renewal = compose(Map.of()).renewal();
    assertThat(renewal.accounts()).extracting(PeriodicReport.RiskAccount::externalId).containsExactly("acme", "fox");
    assertThat(renewal.arrAtRisk()).isEqualTo(120_000);
    assertThat(renewal.accounts().getFirst().daysToRenewal()).isEqualTo(30);
    assertThat(renewal.segments()).extracting(PeriodicReport.RiskSegment::tier).containsExactly("enterprise", "smb");
    assertThat(renewal.accounts().getFirst().link()).isEqualTo("/responses?from=2026-03-01&to=2026-03-31&account=acme");
  }

  @Test
  void fixes_rank_by_detractor_arr_and_fix_first_weighs_renewals_and_anonymous_detractors() {
    PeriodicReport r = compose(Map.of());
    assertThat(r.fixes()).extracting(PeriodicReport.Fix::mechanism).containsExactly("billing-errors", "slow-performance", "great-support");
    var slow = r.fixes().get(1);
    assertThat(slow.detractorArr()).isEqualTo(150_000);
    assertThat(slow.renewingArr()).isEqualTo(100_000);
    // slow: 150k + 100k renewing + 3 anonymous × median ARR 90k = 520k; billing 300k; support 1 × 90k
    assertThat(r.fixFirst()).extracting(Priority::mechanism).containsExactly("slow-performance", "billing-errors", "great-support");
    assertThat(r.fixFirst().getFirst().reason()).isEqualTo("6 detractor mentions from 2 accounts ($150k ARR, $100k renewing "
        + "within 90 days); 9.1× as likely among detractors as among promoters; no intervention yet — owner: engineering");
  }

  @Test
  void a_mechanism_whose_fix_has_shipped_moves_to_the_end_of_fix_first_and_says_to_watch_it() {
    PeriodicReport r = compose(Map.of(
        "slow-performance", new Intervention(id(900), "Faster exports", "engineering", "shipped"),
        "billing-errors", new Intervention(id(901), "Invoice checks", "finance", "in_progress")));
    assertThat(r.fixFirst()).extracting(Priority::mechanism).containsExactly("great-support", "billing-errors", "slow-performance");
    assertThat(r.fixFirst().get(2).reason()).endsWith("fix shipped: \"Faster exports\" — watch whether detractor mentions fall");
    assertThat(r.fixFirst().get(1).reason()).endsWith("fix in progress: \"Invoice checks\"");
  }

  @Test
  void coverage_counts_coded_texts_and_mentions() {
    var c = compose(Map.of()).coverage();
    assertThat(c.codedTexts()).isEqualTo(25);
    assertThat(c.mentions()).isEqualTo(18); // 7 slow, 7 support, 1 billing, 3 onboarding
    assertThat(c.responses()).isEqualTo(40);
  }
}
