package dev.followthrough.responses.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.nps.Category;
import dev.followthrough.nps.NpsChange;
import dev.followthrough.nps.NpsCounts;
import dev.followthrough.responses.domain.AccountData;
import dev.followthrough.responses.domain.ContactData;
import dev.followthrough.responses.domain.Kind;
import dev.followthrough.responses.domain.ResponseCommand;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoProgramTest {

  static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");
  static DemoProgram program;

  @BeforeAll
  static void generate() {
    program = DemoProgram.generate(DemoLoader.SEED, NOW);
  }

  @Test
  void the_same_seed_and_instant_give_the_same_program_down_to_every_comment() {
    DemoProgram again = DemoProgram.generate(DemoLoader.SEED, NOW);
    assertThat(again.accounts()).isEqualTo(program.accounts());
    assertThat(again.responses()).isEqualTo(program.responses());

    DemoProgram other = DemoProgram.generate(DemoLoader.SEED + 1, NOW);
    assertThat(other.responses()).isNotEqualTo(program.responses());
  }

  @Test
  void three_hundred_accounts_split_ten_thirty_sixty_with_arr_in_each_tiers_range() {
    List<AccountData> accounts = program.accounts().stream().map(DemoProgram.Account::data).toList();
    assertThat(accounts).hasSize(300);
    Map<String, Long> tiers = accounts.stream().collect(Collectors.groupingBy(AccountData::tier, Collectors.counting()));
    assertThat(tiers).containsOnly(Map.entry("enterprise", 30L), Map.entry("mid-market", 90L), Map.entry("smb", 180L));

    assertArr(accounts, "enterprise", 80_000, 600_000);
    assertArr(accounts, "mid-market", 15_000, 80_000);
    assertArr(accounts, "smb", 1_000, 15_000);
  }

  private static void assertArr(List<AccountData> accounts, String tier, long low, long high) {
    List<BigDecimal> arr = accounts.stream().filter(a -> a.tier().equals(tier)).map(AccountData::arr).sorted().toList();
    assertThat(arr).allSatisfy(v -> assertThat(v).isBetween(BigDecimal.valueOf(low), BigDecimal.valueOf(high)));
    // log-normal: the median sits well below the midpoint of the range, and the range is actually used
    BigDecimal median = arr.get(arr.size() / 2);
    assertThat(median.doubleValue()).isLessThan((low + high) / 2.0);
    assertThat(arr.getLast().doubleValue() / arr.getFirst().doubleValue()).isGreaterThan(3);
  }

  @Test
  void accounts_have_an_owner_region_industry_and_a_renewal_within_the_next_year() {
    LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    Set<String> names = new HashSet<>();
    for (DemoProgram.Account a : program.accounts()) {
      AccountData d = a.data();
      assertThat(names.add(d.name())).as("unique name %s", d.name()).isTrue();
      assertThat(d.externalId()).startsWith("demo-");
      assertThat(d.owner()).isNotBlank();
      assertThat(d.attributes()).containsKeys("region", "industry");
      assertThat(d.renewalDate()).isAfter(today).isBeforeOrEqualTo(today.plusYears(1));
    }
    // each CSM looks after one tier
    Map<String, Set<String>> tiersByOwner = program.accounts().stream().map(DemoProgram.Account::data)
        .collect(Collectors.groupingBy(AccountData::owner, Collectors.mapping(AccountData::tier, Collectors.toSet())));
    assertThat(tiersByOwner.size()).isBetween(5, 12);
    assertThat(tiersByOwner.values()).allSatisfy(t -> assertThat(t).hasSize(1));
    // renewals are spread over the year, not bunched
    Set<Integer> renewalMonths = program.accounts().stream().map(a -> a.data().renewalDate().getMonthValue()).collect(Collectors.toSet());
    assertThat(renewalMonths).hasSize(12);
  }

  @Test
  void contacts_per_account_grow_with_the_tier_and_write_from_the_accounts_domain() {
    for (DemoProgram.Account a : program.accounts()) {
      int n = a.contacts().size();
      switch (a.data().tier()) {
        case "enterprise" -> assertThat(n).isBetween(6, 12);
        case "mid-market" -> assertThat(n).isBetween(3, 7);
        default -> assertThat(n).isBetween(1, 3);
      }
      for (ContactData c : a.contacts()) {
        assertThat(c.name()).contains(" ");
        assertThat(c.role()).isIn("admin", "end user", "executive sponsor", "finance", "IT");
        // a reserved top-level domain: a demo email can never reach a real inbox
        assertThat(c.email()).matches("[a-z0-9.]+@[a-z0-9-]+\\.example");
      }
      assertThat(a.contacts().stream().map(ContactData::email).distinct()).hasSize(n);
    }
    assertThat(program.contactCount()).isBetween(900, 1400);
  }

  @Test
  void a_year_of_responses_ends_before_now() {
    List<ResponseCommand> responses = program.responses();
    assertThat(responses.size()).isBetween(6_000, 10_000);
    Instant first = responses.getFirst().respondedAt();
    Instant last = responses.getLast().respondedAt();
    assertThat(first).isAfterOrEqualTo(NOW.minus(Duration.ofDays(365))).isBefore(NOW.minus(Duration.ofDays(355)));
    assertThat(last).isBefore(NOW).isAfter(NOW.minus(Duration.ofDays(3)));
    assertThat(responses).isSortedAccordingTo((a, b) -> a.respondedAt().compareTo(b.respondedAt()));
    // every month of the year has answers, not only the quarters' survey waves
    Map<YearMonth, NpsCounts> months = monthly(responses, r -> true);
    assertThat(months).hasSize(13); // two part-months at the ends
    assertThat(months.values()).allSatisfy(c -> assertThat(c.n()).isGreaterThan(100));
  }

  @Test
  void every_response_is_demo_data_the_intake_accepts_with_a_seeded_source_id() {
    Set<String> sourceIds = new HashSet<>();
    for (ResponseCommand r : program.responses()) {
      assertThat(r.violations(NOW)).isEmpty();
      assertThat(r.source()).isEqualTo("demo");
      assertThat(r.sourceId()).matches("demo-\\d{6}");
      assertThat(sourceIds.add(r.sourceId())).isTrue();
      assertThat(r.program()).isNotBlank();
      assertThat(r.touchpoint()).isNotBlank();
      assertThat(r.language()).isIn("en", "de", "fr", "es");
      assertThat(r.kind()).isEqualTo(r.touchpoint().equals("relational") ? Kind.RELATIONAL : Kind.TRANSACTIONAL);
    }
    Set<String> programs = program.responses().stream().map(ResponseCommand::program).collect(Collectors.toSet());
    assertThat(programs).contains("Relational Q1 2026", "Relational Q4 2025", "Support CSAT-NPS", "Onboarding pulse");
    Set<String> touchpoints = program.responses().stream().map(ResponseCommand::touchpoint).collect(Collectors.toSet());
    assertThat(touchpoints).containsExactlyInAnyOrder("relational", "support", "onboarding", "training", "renewal");
  }

  @Test
  void a_contact_is_asked_for_a_relational_score_once_or_twice_a_year() {
    Map<String, Long> perContact = program.responses().stream().filter(r -> r.kind() == Kind.RELATIONAL)
        .collect(Collectors.groupingBy(r -> r.contact().externalId(), Collectors.counting()));
    assertThat(perContact.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 3L));
    assertThat(perContact.values().stream().filter(n -> n <= 2).count()).isGreaterThan(perContact.size() * 9L / 10);
  }

  @Test
  void every_tier_has_detractors_passives_and_promoters() {
    for (String tier : List.of("enterprise", "mid-market", "smb")) {
      NpsCounts c = counts(program.responses(), r -> r.account().tier().equals(tier));
      assertThat(c.detractors()).as(tier).isGreaterThan(c.n() / 20);
      assertThat(c.passives()).as(tier).isGreaterThan(c.n() / 20);
      assertThat(c.promoters()).as(tier).isGreaterThan(c.n() / 20);
      assertThat(c.nps()).as(tier).isBetween(-0.1, 0.6);
    }
  }

  @Test
  void onboarding_scores_below_relational() {
    NpsCounts onboarding = counts(program.responses(), r -> r.touchpoint().equals("onboarding"));
    NpsCounts relational = counts(program.responses(), r -> r.touchpoint().equals("relational"));
    assertThat(onboarding.nps()).isLessThan(relational.nps() - 0.08);
  }

  @Test
  void some_months_move_significantly_and_others_are_noise() {
    List<NpsChange> changes = monthToMonth(monthly(program.responses(), r -> true));
    assertThat(changes).anySatisfy(c -> {
      assertThat(c.significant()).isTrue();
      assertThat(Math.abs(c.difference())).isGreaterThanOrEqualTo(10);
    });
    assertThat(changes.stream().filter(NpsChange::significant).count()).isLessThan(changes.size() / 2);
  }

  @Test
  void small_customers_dip_in_the_support_backlog_month_and_mid_market_rises_in_the_last_quarter() {
    Predicate<ResponseCommand> smb = r -> r.account().tier().equals("smb");
    YearMonth thisMonth = YearMonth.from(NOW.atZone(ZoneOffset.UTC));
    YearMonth backlog = thisMonth.minusMonths(DemoProgram.SUPPORT_BACKLOG_MONTHS_AGO);
    Map<YearMonth, NpsCounts> smbMonths = monthly(program.responses(), smb);
    NpsChange dip = NpsChange.between(smbMonths.get(backlog.minusMonths(1)), smbMonths.get(backlog)).orElseThrow();
    assertThat(dip.difference()).isLessThan(-15);
    assertThat(dip.significant()).isTrue();

    Predicate<ResponseCommand> mid = r -> r.account().tier().equals("mid-market");
    Instant lastQuarter = thisMonth.minusMonths(2).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant quarterBefore = lastQuarter.minus(Duration.ofDays(91));
    NpsCounts before = counts(program.responses(), mid.and(r -> r.respondedAt().isBefore(lastQuarter) && !r.respondedAt().isBefore(quarterBefore)));
    NpsCounts after = counts(program.responses(), mid.and(r -> !r.respondedAt().isBefore(lastQuarter)));
    assertThat(after.nps() - before.nps()).isGreaterThan(0.05);
  }

  @Test
  void some_contacts_who_answer_repeatedly_lose_three_points_or_more() {
    Map<String, List<ResponseCommand>> byContact = program.responses().stream()
        .collect(Collectors.groupingBy(r -> r.contact().externalId()));
    List<List<ResponseCommand>> repeated = byContact.values().stream().filter(l -> l.size() >= 3).toList();
    assertThat(repeated.size()).isGreaterThan(300);
    long dropped = repeated.stream()
        .filter(l -> mean(l.subList(0, l.size() / 2)) - mean(l.subList(l.size() / 2, l.size())) >= 3).count();
    assertThat(dropped).isBetween(5L, repeated.size() / 5L);
  }

  @Test
  void more_than_half_the_responses_carry_a_comment_detractors_most_often() {
    List<ResponseCommand> all = program.responses();
    double share = all.stream().filter(r -> r.comment() != null).count() / (double) all.size();
    assertThat(share).isBetween(0.55, 0.65);
    assertThat(commentShare(all, Category.DETRACTOR)).isGreaterThan(commentShare(all, Category.PROMOTER) + 0.15);
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"20260101", "7", "123456789"})
  void at_least_four_in_five_comments_are_distinct(long seed) {
    List<String> comments = DemoProgram.generate(seed, NOW).responses().stream().map(ResponseCommand::comment)
        .filter(Objects::nonNull).toList();
    assertThat(comments.size()).isGreaterThan(3_000);
    assertThat(new HashSet<>(comments).size() / (double) comments.size()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void comments_vary_in_length_and_language_and_some_need_escaping() {
    List<ResponseCommand> commented = program.responses().stream().filter(r -> r.comment() != null).toList();
    List<Integer> words = commented.stream().map(r -> r.comment().split("\\s+").length).sorted().toList();
    assertThat(words.getFirst()).isLessThanOrEqualTo(2);
    assertThat(words.getLast()).isGreaterThanOrEqualTo(50);
    assertThat(words.get(words.size() / 2)).isBetween(8, 30);

    Map<String, Long> languages = commented.stream().collect(Collectors.groupingBy(ResponseCommand::language, Collectors.counting()));
    assertThat(languages).containsKeys("fr", "de", "es");
    assertThat(languages.get("en")).isGreaterThan(commented.size() * 85L / 100);

    assertThat(commented).anySatisfy(r -> assertThat(r.comment()).contains("<", ">"));
    assertThat(commented).anySatisfy(r -> assertThat(r.comment()).contains("&"));
    assertThat(commented).anySatisfy(r -> assertThat(r.comment()).contains("\""));
    // sloppy typing: some comments are all lower case
    assertThat(commented.stream().filter(r -> r.comment().length() > 40 && r.comment().equals(r.comment().toLowerCase())).count())
        .isGreaterThan(20);
  }

  @Test
  void praise_names_the_accounts_own_csm() {
    for (ResponseCommand r : program.responses()) {
      if (r.comment() == null) continue;
      for (String csm : List.of("Priya", "Marcus", "Elena", "Daniel", "Sofia", "Hannah", "Tom", "Aisha", "Leo")) {
        if (r.comment().contains(csm + " ")) {
          assertThat(r.account().owner()).as(r.comment()).startsWith(csm);
        }
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  static NpsCounts counts(Collection<ResponseCommand> responses, Predicate<ResponseCommand> which) {
    return NpsCounts.ofScores(responses.stream().filter(which).mapToInt(r -> r.score().value()).toArray());
  }

  static Map<YearMonth, NpsCounts> monthly(List<ResponseCommand> responses, Predicate<ResponseCommand> which) {
    Map<YearMonth, NpsCounts> months = new TreeMap<>();
    for (ResponseCommand r : responses) {
      if (!which.test(r)) continue;
      months.merge(YearMonth.from(r.respondedAt().atZone(ZoneOffset.UTC)), NpsCounts.ofScores(r.score().value()), NpsCounts::plus);
    }
    return months;
  }

  static List<NpsChange> monthToMonth(Map<YearMonth, NpsCounts> months) {
    List<NpsCounts> ordered = new ArrayList<>(months.values());
    List<NpsChange> changes = new ArrayList<>();
    for (int i = 1; i < ordered.size(); i++) changes.add(NpsChange.between(ordered.get(i - 1), ordered.get(i)).orElseThrow());
    return changes;
  }

  static double mean(List<ResponseCommand> responses) {
    return responses.stream().mapToInt(r -> r.score().value()).average().orElseThrow();
  }

  static double commentShare(List<ResponseCommand> responses, Category category) {
    List<ResponseCommand> of = responses.stream().filter(r -> r.score().category() == category).toList();
    return of.stream().filter(r -> r.comment() != null).count() / (double) of.size();
  }
}
