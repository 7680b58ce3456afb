package dev.followthrough.followup.domain;

import dev.followthrough.followup.CaseOutcome;
import dev.followthrough.followup.CaseStatus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.followup.domain.SlaPlan.Milestone;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FollowUpCaseTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private static FollowUpCase anOpenCaseDueAt(Instant due) {
    return new FollowUpCase(UUID.randomUUID(), CaseStatus.OPEN, null, "priya", "enterprise-cs", false, "call", 0, null,
        false, 1, due, null, null, null, null, null, null, null);
  }

  private static Change.Applied applied(Change c) {
    assertThat(c).isInstanceOf(Change.Applied.class);
    return (Change.Applied) c;
  }

  @Test
  void milestones_fire_once_and_only_while_nobody_has_contacted_the_customer() {
    FollowUpCase c = anOpenCaseDueAt(T0.plus(Duration.ofHours(48)));
    assertThat(applied(c.milestone(Milestone.REMINDER, 1, "lead", T0)).entries()).extracting(CaseEntry::type).containsExactly("reminder");
    assertThat(applied(c.milestone(Milestone.REMINDER, 1, "lead", T0)).changed()).isFalse();
    assertThat(applied(c.milestone(Milestone.ESCALATE_1, 1, "lead", T0)).changed()).isTrue();
    assertThat(applied(c.milestone(Milestone.ESCALATE_1, 1, "lead", T0)).changed()).isFalse();
    assertThat(c.escalationLevel()).isEqualTo(1);
    assertThat(c.escalatedTo()).isEqualTo("lead");

    FollowUpCase contacted = anOpenCaseDueAt(T0.plus(Duration.ofHours(48)));
    contacted.attempt("call", "reached", null, "priya", T0.plusSeconds(60));
    assertThat(applied(contacted.milestone(Milestone.ESCALATE_1, 1, "lead", T0.plus(Duration.ofHours(49)))).changed()).isFalse();
    assertThat(contacted.firstContactAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void a_timer_from_an_earlier_cycle_does_nothing_after_a_reopen() {
    FollowUpCase c = anOpenCaseDueAt(T0.plus(Duration.ofHours(48)));
    c.close(CaseOutcome.NO_RESPONSE, null, null, true, "priya", T0);
    applied(c.reopen("customer wrote back", T0.plus(Duration.ofHours(72)), "priya", T0.plusSeconds(5)));
    assertThat(c.cycle()).isEqualTo(2);
    assertThat(applied(c.milestone(Milestone.ESCALATE_1, 1, "lead", T0.plus(Duration.ofHours(50)))).changed()).isFalse();
    assertThat(applied(c.milestone(Milestone.ESCALATE_1, 2, "lead", T0.plus(Duration.ofHours(73)))).changed()).isTrue();
  }

  @Test
  void resolving_needs_a_root_cause_and_an_action_unless_configured_otherwise() {
    FollowUpCase c = anOpenCaseDueAt(T0);
    assertThat(c.close(CaseOutcome.RESOLVED, null, "fixed it", true, "p", T0))
        .isEqualTo(new Change.Refused("rootCause", "is required to close a case as resolved", false));
    assertThat(c.close(CaseOutcome.RESOLVED, "SSO misconfigured", " ", true, "p", T0))
        .isEqualTo(new Change.Refused("action", "is required to close a case as resolved", false));
    assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
    applied(c.record(null, "SSO misconfigured", "Fixed the IdP mapping", null, null, "p", T0));
    assertThat(applied(c.close(CaseOutcome.RESOLVED, null, null, true, "p", T0)).changed()).isTrue();
    assertThat(c.outcome()).isEqualTo(CaseOutcome.RESOLVED);

    FollowUpCase lax = anOpenCaseDueAt(T0);
    assertThat(applied(lax.close(CaseOutcome.RESOLVED, null, null, false, "p", T0)).changed()).isTrue();
  }

  @Test
  void states_move_forward_closed_cases_refuse_work_and_repeats_are_no_ops() {
    FollowUpCase c = anOpenCaseDueAt(T0);
    applied(c.moveTo(CaseStatus.AWAITING_ACTION, "p", T0));
    assertThat(c.moveTo(CaseStatus.CONTACTED, "p", T0)).isInstanceOf(Change.Refused.class);
    assertThat(applied(c.moveTo(CaseStatus.AWAITING_ACTION, "p", T0)).changed()).isFalse();
    applied(c.close(CaseOutcome.NOT_RESOLVED, null, null, true, "p", T0));
    assertThat(((Change.Refused) c.attempt("call", "reached", null, "p", T0)).conflict()).isTrue();
    assertThat(applied(c.close(CaseOutcome.NOT_RESOLVED, null, null, true, "p", T0)).changed()).isFalse();
    assertThat(c.reopen("", T0, "p", T0)).isInstanceOf(Change.Refused.class);
  }
}
