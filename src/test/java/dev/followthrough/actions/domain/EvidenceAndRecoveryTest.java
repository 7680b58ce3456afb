package dev.followthrough.actions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EvidenceAndRecoveryTest {

  static final UUID ACME = UUID.randomUUID();
  static final UUID GLOBEX = UUID.randomUUID();
  static final UUID INITECH = UUID.randomUUID();

  static Mention mention(String mechanism, UUID account, String tier, String category, long arr, String quote) {
    return new Mention(mechanism, UUID.randomUUID(), account, "acct", tier, category, BigDecimal.valueOf(arr), quote);
  }

  @Test
  void evidence_counts_segments_and_each_detractor_accounts_arr_once() {
    var e = Evidence.of(List.of(
        mention("m", ACME, "enterprise", "detractor", 200_000, "exports time out"),
        mention("m", ACME, "enterprise", "detractor", 200_000, "the CSV export dies"),
        mention("m", GLOBEX, "smb", "passive", 20_000, "exports are slow"),
        mention("m", INITECH, "smb", "detractor", 30_000, null)), 2);
    assertThat(e.mentions()).isEqualTo(4);
    assertThat(e.contacts()).isEqualTo(4);
    assertThat(e.byTier()).containsEntry("enterprise", 2).containsEntry("smb", 2);
    assertThat(e.byCategory()).containsEntry("detractor", 3).containsEntry("passive", 1).containsEntry("promoter", 0);
    assertThat(e.accountsAtRisk()).isEqualTo(2);
    assertThat(e.arrAtRisk()).isEqualByComparingTo("230000");
    assertThat(e.quotes()).extracting(Evidence.Quote::text).containsExactly("exports time out", "the CSV export dies");
  }

  @Test
  void recovery_compares_the_same_people_before_and_after_and_counts_detractors_won_back() {
    var r = Recovery.of(List.of(
        new Recovery.Told(2, 8, true),    // detractor → passive: recovered
        new Recovery.Told(4, 5, true),    // still a detractor
        new Recovery.Told(6, 9, false),   // answered without a re-survey: recovered
        new Recovery.Told(8, 10, true),   // a passive: not a detractor to recover
        new Recovery.Told(3, null, true), // re-surveyed, no answer yet
        new Recovery.Told(5, null, false)));
    assertThat(r.told()).isEqualTo(6);
    assertThat(r.resurveyed()).isEqualTo(4);
    assertThat(r.answered()).isEqualTo(4);
    assertThat(r.meanBefore()).isEqualTo(5.0);  // (2+4+6+8)/4
    assertThat(r.meanAfter()).isEqualTo(8.0);   // (8+5+9+10)/4
    assertThat(r.detractorsAnswered()).isEqualTo(3);
    assertThat(r.recovered()).isEqualTo(2);
  }

  @Test
  void recovery_of_nobody_has_no_means() {
    var r = Recovery.of(List.of());
    assertThat(r.meanBefore()).isNull();
    assertThat(r.meanAfter()).isNull();
    assertThat(r.recovered()).isZero();
  }

  @Test
  void the_sprint_ranks_by_mentions_plus_detractors_plus_arr_at_risk() {
    List<Mention> mentions = List.of(
        // volume: 4 passive mentions → weight 4
        mention("volume", GLOBEX, "smb", "passive", 10_000, null),
        mention("volume", GLOBEX, "smb", "passive", 10_000, null),
        mention("volume", GLOBEX, "smb", "passive", 10_000, null),
        mention("volume", GLOBEX, "smb", "passive", 10_000, null),
        // money: 1 detractor at a 500k account → 1 + 1 + 5 = 7
        mention("money", ACME, "enterprise", "detractor", 500_000, null),
        // anger: 2 detractors at a 50k account (counted once) → 2 + 2 + 0.5 = 4.5
        mention("anger", INITECH, "smb", "detractor", 50_000, null),
        mention("anger", INITECH, "smb", "detractor", 50_000, null),
        mention("minor", GLOBEX, "smb", "promoter", 10_000, null));
    var ranked = SprintRanking.rank(mentions, BigDecimal.valueOf(100_000), 3);
    assertThat(ranked).extracting(SprintRanking.Ranked::mechanism).containsExactly("money", "anger", "volume");
    assertThat(ranked.get(0).weight()).isEqualTo(7.0);
    assertThat(ranked.get(1).weight()).isEqualTo(4.5);
    assertThat(ranked.get(1).accountsAtRisk()).isEqualTo(1);
    assertThat(ranked.get(1).arrAtRisk()).isEqualByComparingTo("50000");
    assertThat(ranked.get(2).weight()).isEqualTo(4.0);
  }
}
