package dev.followthrough.surveys.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.surveys.Program;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SurveyDomainTest {

  static final Spread.Morning MORNING = new Spread.Morning(LocalTime.of(9, 0), LocalTime.of(11, 0));
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  static List<Spread.Target> targets(int n, ZoneId... zones) {
    List<Spread.Target> out = new ArrayList<>();
    java.util.Random r = new java.util.Random(42);
    for (int i = 0; i < n; i++) out.add(new Spread.Target(new UUID(r.nextLong(), r.nextLong()), zones[i % zones.length]));
    return out;
  }

  // ---- cadence ----------------------------------------------------------------------------------

  @Test
  void a_quarterly_cadence_has_periods_of_three_months_from_the_start_date() {
    Cadence c = new Cadence(LocalDate.of(2027, 1, 1), 3);
    assertThat(c.periodOf(LocalDate.of(2026, 12, 31))).isEqualTo(-1);
    assertThat(c.periodOf(LocalDate.of(2027, 1, 1))).isZero();
    assertThat(c.periodOf(LocalDate.of(2027, 3, 31))).isZero();
    assertThat(c.periodOf(LocalDate.of(2027, 4, 1))).isEqualTo(1);
    assertThat(c.periodOf(LocalDate.of(2028, 1, 15))).isEqualTo(4);
    assertThat(c.start(1)).isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(c.end(1)).isEqualTo(LocalDate.of(2027, 7, 1));
  }

  @Test
  void a_period_starting_on_the_31st_still_contains_every_day_once() {
    Cadence c = new Cadence(LocalDate.of(2027, 1, 31), 3);
    for (LocalDate d = LocalDate.of(2027, 1, 31); d.isBefore(LocalDate.of(2028, 6, 1)); d = d.plusDays(1)) {
      int p = c.periodOf(d);
      assertThat(c.start(p)).isBeforeOrEqualTo(d);
      assertThat(c.end(p)).isAfter(d);
    }
  }

  // ---- spreading ----------------------------------------------------------------------------------

  @Test
  void every_send_is_on_a_weekday_morning_in_the_contacts_own_time_zone() {
    Cadence c = new Cadence(LocalDate.of(2027, 1, 1), 3);
    List<Spread.Slot> slots = Spread.plan(targets(3000, BERLIN, LA, TOKYO, ZoneOffset.UTC), c, 0, 1, MORNING,
        LocalDate.of(2027, 1, 1));
    Map<UUID, ZoneId> zones = new HashMap<>();
    targets(3000, BERLIN, LA, TOKYO, ZoneOffset.UTC).forEach(t -> zones.put(t.contactId(), t.zone()));
    assertThat(slots).hasSize(3000);
    for (Spread.Slot s : slots) {
      ZonedDateTime local = s.at().atZone(zones.get(s.contactId()));
      assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      assertThat(local.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(10, 59));
      assertThat(local.toLocalDate()).isBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31));
    }
  }

  @Test
  void a_wave_is_spread_evenly_over_the_weekdays_of_the_period() {
    Cadence c = new Cadence(LocalDate.of(2027, 1, 1), 3);
    int n = 6400; // 64 weekdays from 1 Jan to 31 Mar 2027 → 100 per day
    List<Spread.Slot> slots = Spread.plan(targets(n, ZoneOffset.UTC), c, 0, 1, MORNING, LocalDate.of(2027, 1, 1));
    Map<LocalDate, Integer> perDay = new HashMap<>();
    for (Spread.Slot s : slots) perDay.merge(s.at().atOffset(ZoneOffset.UTC).toLocalDate(), 1, Integer::sum);
    assertThat(Spread.weekdays(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 1))).hasSize(64);
    assertThat(perDay).hasSize(64);
    assertThat(perDay.values()).allMatch(v -> v == 100);
  }

  @Test
  void planning_twice_plans_the_same_and_each_contact_once() {
    Cadence c = new Cadence(LocalDate.of(2027, 1, 1), 6);
    var t = targets(1000, BERLIN, LA);
    var a = Spread.plan(t, c, 2, 3, MORNING, LocalDate.of(2027, 1, 1));
    var b = Spread.plan(t, c, 2, 3, MORNING, LocalDate.of(2027, 1, 1));
    assertThat(a).isEqualTo(b);
    assertThat(a.stream().map(Spread.Slot::contactId).distinct().count()).isEqualTo(1000);
  }

  @Test
  void rotating_cohorts_ask_a_different_part_of_the_base_each_month_and_the_same_part_next_period() {
    Cadence c = new Cadence(LocalDate.of(2027, 1, 1), 3);
    var t = targets(3000, ZoneOffset.UTC);
    var q1 = Spread.plan(t, c, 0, 3, MORNING, LocalDate.of(2027, 1, 1));
    var q2 = Spread.plan(t, c, 1, 3, MORNING, LocalDate.of(2027, 1, 1));
    Map<Integer, Set<UUID>> byMonth = new HashMap<>();
    for (Spread.Slot s : q1) {
      int month = s.at().atOffset(ZoneOffset.UTC).getMonthValue();
      byMonth.computeIfAbsent(month, k -> new HashSet<>()).add(s.contactId());
      // cohort k of 3 is asked in the k-th month of the quarter
      assertThat(month).isEqualTo(1 + s.cohort());
    }
    assertThat(byMonth.keySet()).containsExactlyInAnyOrder(1, 2, 3);
    // about a third each (ids are random): between 25 % and 42 %
    byMonth.values().forEach(ids -> assertThat(ids.size()).isBetween(750, 1260));
    // next quarter: the January cohort answers in April again
    for (Spread.Slot s : q2) {
      if (byMonth.get(1).contains(s.contactId())) assertThat(s.at().atOffset(ZoneOffset.UTC).getMonthValue()).isEqualTo(4);
    }
  }

  @Test
  void planning_in_the_middle_of_a_period_uses_only_the_remaining_weekdays() {
    Cadence c = new Cadence(LocalDate.of(2027, 1, 1), 3);
    var slots = Spread.plan(targets(500, ZoneOffset.UTC), c, 0, 1, MORNING, LocalDate.of(2027, 3, 29));
    // 29, 30, 31 March 2027 are Monday to Wednesday
    assertThat(slots).allMatch(s -> !s.at().atOffset(ZoneOffset.UTC).toLocalDate().isBefore(LocalDate.of(2027, 3, 29)));
    assertThat(slots.stream().map(s -> s.at().atOffset(ZoneOffset.UTC).toLocalDate()).distinct().count()).isEqualTo(3);
  }

  // ---- fatigue ------------------------------------------------------------------------------------

  static final Instant NOW = Instant.parse("2027-05-20T09:00:00Z");
  static final Fatigue.Rules WORKSPACE = new Fatigue.Rules(Duration.ofDays(90), 3);

  static Fatigue.Contact fresh() {
    return new Fatigue.Contact(false, false, true, null, true, 0);
  }

  @Test
  void a_fresh_contact_is_sent_to() {
    assertThat(Fatigue.skipReason(WORKSPACE, fresh(), true, NOW)).isEmpty();
  }

  @Test
  void a_contact_surveyed_89_days_ago_is_skipped_and_at_90_days_is_sent_to() {
    var recent = new Fatigue.Contact(false, false, true, NOW.minus(Duration.ofDays(89)), true, 0);
    assertThat(Fatigue.skipReason(WORKSPACE, recent, true, NOW)).hasValueSatisfying(r ->
        assertThat(r).startsWith("contact cooldown").contains("2027-02-20").contains("90 days"));
    var older = new Fatigue.Contact(false, false, true, NOW.minus(Duration.ofDays(90)), true, 0);
    assertThat(Fatigue.skipReason(WORKSPACE, older, true, NOW)).isEmpty();
  }

  @Test
  void a_program_may_tighten_the_cooldown_and_the_budget_but_never_loosen_them() {
    assertThat(WORKSPACE.tightenedBy(180, 1)).isEqualTo(new Fatigue.Rules(Duration.ofDays(180), 1));
    assertThat(WORKSPACE.tightenedBy(30, 50)).isEqualTo(WORKSPACE);
    assertThat(new Fatigue.Rules(Duration.ofDays(90), 0).tightenedBy(null, 5).accountMonthlyBudget()).isEqualTo(5);
    var c = new Fatigue.Contact(false, false, true, NOW.minus(Duration.ofDays(120)), true, 0);
    assertThat(Fatigue.skipReason(WORKSPACE.tightenedBy(180, null), c, true, NOW)).isPresent();
  }

  @Test
  void an_account_that_used_its_monthly_budget_is_skipped_with_the_month() {
    var full = new Fatigue.Contact(false, false, true, null, true, 3);
    assertThat(Fatigue.skipReason(WORKSPACE, full, true, NOW)).contains("account budget: 3 of 3 contacts surveyed in 2027-05");
    var almost = new Fatigue.Contact(false, false, true, null, true, 2);
    assertThat(Fatigue.skipReason(WORKSPACE, almost, true, NOW)).isEmpty();
    assertThat(Fatigue.skipReason(new Fatigue.Rules(Duration.ofDays(90), 0), full, true, NOW)).isEmpty();
    assertThat(Fatigue.monthStart(NOW)).isEqualTo(Instant.parse("2027-05-01T00:00:00Z"));
  }

  @Test
  void opt_outs_and_unusable_addresses_are_skipped_with_their_reason() {
    assertThat(Fatigue.skipReason(WORKSPACE, new Fatigue.Contact(true, false, true, null, false, 0), true, NOW)).contains("opted out");
    assertThat(Fatigue.skipReason(WORKSPACE, new Fatigue.Contact(false, false, false, null, false, 0), true, NOW)).contains("no email address");
    assertThat(Fatigue.skipReason(WORKSPACE, new Fatigue.Contact(false, true, true, null, false, 0), true, NOW)).contains("address undeliverable");
    // the in-app widget needs no address
    assertThat(Fatigue.skipReason(WORKSPACE, new Fatigue.Contact(false, true, false, null, false, 0), false, NOW)).isEmpty();
  }

  // ---- bots and signatures ------------------------------------------------------------------------

  @Test
  void three_different_scale_links_within_a_second_are_a_scanner_but_a_person_changing_their_mind_is_not() {
    Instant t = Instant.parse("2027-05-20T09:00:00Z");
    var scanner = List.of(new BotPattern.Hit(0, t), new BotPattern.Hit(1, t.plusMillis(120)), new BotPattern.Hit(2, t.plusMillis(300)));
    assertThat(BotPattern.burst(scanner, Duration.ofSeconds(1))).isPresent();
    var person = List.of(new BotPattern.Hit(6, t), new BotPattern.Hit(8, t.plusSeconds(20)), new BotPattern.Hit(9, t.plusSeconds(45)));
    assertThat(BotPattern.burst(person, Duration.ofSeconds(1))).isEmpty();
    var doubleClick = List.of(new BotPattern.Hit(7, t), new BotPattern.Hit(7, t.plusMillis(200)));
    assertThat(BotPattern.burst(doubleClick, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void head_requests_and_scanner_user_agents_are_machines() {
    String chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
    assertThat(BotPattern.verdict("HEAD", chrome, List.of(), Duration.ofSeconds(1), BotPattern.SCANNER_AGENTS)).contains("HEAD request");
    assertThat(BotPattern.verdict("GET", "Mozilla/5.0 (compatible; Barracuda Sentinel)", List.of(), Duration.ofSeconds(1),
        BotPattern.SCANNER_AGENTS)).hasValueSatisfying(r -> assertThat(r).contains("barracuda"));
    assertThat(BotPattern.verdict("GET", chrome, List.of(), Duration.ofSeconds(1), BotPattern.SCANNER_AGENTS)).isEmpty();
  }

  @Test
  void a_widget_signature_is_valid_only_for_its_contact_and_time_and_only_while_fresh() {
    long ts = NOW.getEpochSecond();
    String sig = WidgetSignature.sign("s3cret", "c-42", ts);
    assertThat(sig).isEqualTo(WidgetSignature.sign("s3cret", "c-42", ts)).hasSize(64);
    assertThat(WidgetSignature.check(List.of("s3cret"), "c-42", ts, sig, NOW.plusSeconds(30), Duration.ofMinutes(10)))
        .isInstanceOf(WidgetSignature.Check.Valid.class);
    assertThat(WidgetSignature.check(List.of("s3cret"), "c-43", ts, sig, NOW, Duration.ofMinutes(10)))
        .isInstanceOf(WidgetSignature.Check.Tampered.class);
    assertThat(WidgetSignature.check(List.of("s3cret"), "c-42", ts + 1, sig, NOW, Duration.ofMinutes(10)))
        .isInstanceOf(WidgetSignature.Check.Tampered.class);
    assertThat(WidgetSignature.check(List.of("other"), "c-42", ts, sig, NOW, Duration.ofMinutes(10)))
        .isInstanceOf(WidgetSignature.Check.Tampered.class);
    assertThat(WidgetSignature.check(List.of("s3cret"), "c-42", ts, sig, NOW.plus(11, ChronoUnit.MINUTES), Duration.ofMinutes(10)))
        .isInstanceOf(WidgetSignature.Check.Expired.class);
    // after a rotation the previous secret is still accepted
    assertThat(WidgetSignature.check(List.of("new", "s3cret"), "c-42", ts, sig, NOW, Duration.ofMinutes(10)))
        .isInstanceOf(WidgetSignature.Check.Valid.class);
  }

  // ---- programs -----------------------------------------------------------------------------------

  static Program relational(int cadence, int cohorts) {
    return new Program(null, "Quarterly", Program.Kind.RELATIONAL, Program.Channel.EMAIL, true, cadence, cohorts,
        LocalDate.of(2027, 1, 1), null, null, 0, null, null, List.of(new Program.Reminder(3, "survey.reminder")), null,
        false, null, null);
  }

  @Test
  void a_program_names_the_first_field_it_gets_wrong() {
    assertThat(relational(3, 3).violation()).isEmpty();
    assertThat(relational(4, 1).violation()).contains(new Program.Invalid("cadenceMonths", "must be 3, 6 or 12"));
    assertThat(relational(3, 13).violation()).hasValueSatisfying(i -> assertThat(i.field()).isEqualTo("cohorts"));
    var noEvent = new Program(null, "Onboarding", Program.Kind.TRANSACTIONAL, Program.Channel.EMAIL, true, null, 1, null,
        null, " ", 60, null, null, List.of(), null, false, null, null);
    assertThat(noEvent.violation()).hasValueSatisfying(i -> assertThat(i.field()).isEqualTo("eventType"));
    var shrinkingReminders = new Program(null, "Q", Program.Kind.RELATIONAL, Program.Channel.EMAIL, true, 3, 1,
        LocalDate.of(2027, 1, 1), null, null, 0, null, null,
        List.of(new Program.Reminder(5, "survey.reminder"), new Program.Reminder(3, "survey.reminder")), null, false, null, null);
    assertThat(shrinkingReminders.violation()).hasValueSatisfying(i -> assertThat(i.field()).isEqualTo("reminders[1].afterDays"));
    var emailFallback = new Program(null, "Q", Program.Kind.RELATIONAL, Program.Channel.EMAIL, true, 3, 1,
        LocalDate.of(2027, 1, 1), null, null, 0, null, null, List.of(), 5, false, null, null);
    assertThat(emailFallback.violation()).hasValueSatisfying(i -> assertThat(i.field()).isEqualTo("fallbackDays"));
  }
}
