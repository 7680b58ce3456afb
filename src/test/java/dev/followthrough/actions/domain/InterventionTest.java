package dev.followthrough.actions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InterventionTest {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  static Intervention anIntervention(Status status, String outcome, LocalDate dueOn) {
    return new Intervention(UUID.randomUUID(), "Background exports", "product", outcome, dueOn, status, null, null, 3,
        List.of("slow-performance"), "ann", T0, null, null, null, T0);
  }

  @Test
  void the_happy_path_moves_proposed_to_verified_and_stamps_each_milestone() {
    Intervention i = anIntervention(Status.PROPOSED, "exports under 2 min", LocalDate.parse("2026-12-31"));
    var committed = (Intervention.Transition.Moved) i.moveTo(Status.COMMITTED, T0.plusSeconds(10));
    assertThat(committed.from()).isEqualTo(Status.PROPOSED);
    assertThat(committed.after().version()).isEqualTo(4);
    assertThat(committed.after().committedAt()).isEqualTo(T0.plusSeconds(10));
    var progress = (Intervention.Transition.Moved) committed.after().moveTo(Status.IN_PROGRESS, T0.plusSeconds(20));
    var shipped = (Intervention.Transition.Moved) progress.after().moveTo(Status.SHIPPED, T0.plusSeconds(30));
    assertThat(shipped.after().shippedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(shipped.after().committedAt()).isEqualTo(T0.plusSeconds(10));
    var verified = (Intervention.Transition.Moved) shipped.after().moveTo(Status.VERIFIED, T0.plusSeconds(40));
    assertThat(verified.after().status()).isEqualTo(Status.VERIFIED);
    assertThat(verified.after().verifiedAt()).isEqualTo(T0.plusSeconds(40));
    assertThat(verified.after().version()).isEqualTo(7);
  }

  @Test
  void an_impossible_move_is_a_conflict_naming_status_and_the_allowed_moves() {
    var r = (Intervention.Transition.Refused) anIntervention(Status.PROPOSED, "x", LocalDate.parse("2026-12-31"))
        .moveTo(Status.SHIPPED, T0);
    assertThat(r.field()).isEqualTo("status");
    assertThat(r.conflict()).isTrue();
    assertThat(r.reason()).contains("proposed to shipped").contains("committed, dropped");
    var fin = (Intervention.Transition.Refused) anIntervention(Status.VERIFIED, "x", null).moveTo(Status.DROPPED, T0);
    assertThat(fin.reason()).contains("final");
    var same = (Intervention.Transition.Refused) anIntervention(Status.SHIPPED, "x", null).moveTo(Status.SHIPPED, T0);
    assertThat(same.conflict()).isTrue();
  }

  @Test
  void committing_needs_a_measurable_outcome_and_a_due_date() {
    var noOutcome = (Intervention.Transition.Refused) anIntervention(Status.PROPOSED, " ", LocalDate.parse("2026-12-31"))
        .moveTo(Status.COMMITTED, T0);
    assertThat(noOutcome.field()).isEqualTo("outcome");
    assertThat(noOutcome.conflict()).isFalse();
    var noDate = (Intervention.Transition.Refused) anIntervention(Status.PROPOSED, "exports under 2 min", null)
        .moveTo(Status.COMMITTED, T0);
    assertThat(noDate.field()).isEqualTo("dueOn");
    // dropping needs neither
    assertThat(anIntervention(Status.PROPOSED, null, null).moveTo(Status.DROPPED, T0)).isInstanceOf(Intervention.Transition.Moved.class);
  }

  @Test
  void late_means_past_due_and_still_open() {
    LocalDate due = LocalDate.parse("2026-12-10");
    assertThat(anIntervention(Status.COMMITTED, "x", due).late(LocalDate.parse("2026-12-10"))).isFalse();
    assertThat(anIntervention(Status.COMMITTED, "x", due).late(LocalDate.parse("2026-12-11"))).isTrue();
    assertThat(anIntervention(Status.IN_PROGRESS, "x", due).late(LocalDate.parse("2026-12-11"))).isTrue();
    assertThat(anIntervention(Status.SHIPPED, "x", due).late(LocalDate.parse("2026-12-11"))).isFalse();
    assertThat(anIntervention(Status.DROPPED, "x", due).late(LocalDate.parse("2026-12-11"))).isFalse();
    assertThat(anIntervention(Status.PROPOSED, "x", null).late(LocalDate.parse("2030-01-01"))).isFalse();
  }

  @Test
  void a_proposal_names_its_first_wrong_field() {
    var known = java.util.Set.of("slow-performance", "billing-errors");
    assertThat(new Proposal("", "product", null, null, null, null, List.of("slow-performance")).check(known).orElseThrow().field())
        .isEqualTo("title");
    assertThat(new Proposal("t", "product", null, null, null, 0, List.of("slow-performance")).check(known).orElseThrow().field())
        .isEqualTo("resurveyDays");
    assertThat(new Proposal("t", "product", null, null, null, null, List.of()).check(known).orElseThrow().field())
        .isEqualTo("mechanisms");
    assertThat(new Proposal("t", "product", null, null, null, null, List.of("nope")).check(known).orElseThrow().reason())
        .contains("'nope' is not a mechanism");
    assertThat(new Proposal("t", "product", "o", null, null, 30, List.of("billing-errors")).check(known)).isEmpty();
  }
}
