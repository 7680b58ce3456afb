package dev.followthrough.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.followthrough.support.RecordedEvents;
import dev.followthrough.support.TestClock;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.FollowUpRequested;
import dev.followthrough.triggers.OwnerPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** SLA milestones on durable timers, driven by moving the clock — never by sleeping. */
class SlaTimerTest extends CaseFixtures {

  @Autowired FollowUps followUps;
  @Autowired Scheduler scheduler;
  @Autowired RecordedEvents events;

  @AfterEach
  void resetClock() {
    TestClock.INSTANCE.reset();
  }

  private List<String> types(UUID caseId) {
    return jdbc.sql("SELECT type FROM followup_case_event WHERE case_id = ? ORDER BY id").param(caseId)
        .query(String.class).list();
  }

  private long count(UUID caseId, String type) {
    return types(caseId).stream().filter(type::equals).count();
  }

  /**
   * The case's events of a type once at least {@code n} are there: a committed change is visible in
   * the database a moment before its after-commit event is recorded.
   */
  private <T> List<T> eventsOf(Class<T> type, UUID caseId, java.util.function.Function<T, UUID> caseOf, int n) {
    return await(n + " " + type.getSimpleName() + " of " + caseId, () -> {
      List<T> mine = events.of(type).stream().filter(e -> caseOf.apply(e).equals(caseId)).toList();
      return mine.size() >= n ? Optional.of(mine) : Optional.empty();
    });
  }

  /** Moves time and lets the timers run, then waits until the case's trail shows {@code type} n times. */
  private void advanceUntil(Duration by, UUID caseId, String type, long n) {
    TestClock.INSTANCE.advance(by);
    scheduler.triggerCheckForDueExecutions();
    await(type + " on " + caseId, () -> {
      scheduler.triggerCheckForDueExecutions();
      return count(caseId, type) >= n ? Optional.of(true) : Optional.empty();
    });
  }

  @Test
  void an_untouched_case_gets_a_reminder_then_escalates_to_the_lead_then_to_the_second_level_exactly_once() {
    String team = unique("team");
    assertThat(put("/api/v1/teams", """
        {"teams": [{"name": "cx-leads", "lead": "head.of.cx@example.test", "fallback": true},
                   {"name": "%s", "lead": "lead@example.test", "members": ["a@example.test"]}]}""".formatted(team))
        .status()).isEqualTo(200);
    Stored s = aResponse(2, null, "smb");
    UUID id = followUps.open(aRequest(s, Channel.CALL, Duration.ofHours(48), OwnerPolicy.TEAM, team, null, 60)).orElseThrow();
    assertThat(types(id)).containsExactly("opened");

    advanceUntil(Duration.ofHours(37), id, "reminder", 1);        // 75% of 48 h
    assertThat(count(id, "escalated")).isZero();

    advanceUntil(Duration.ofHours(12), id, "escalated", 1);       // past the deadline
    var c = get("/api/v1/cases/" + id).json();
    assertThat(c.get("escalationLevel").asInt()).isEqualTo(1);
    assertThat(c.get("escalatedTo").asString()).isEqualTo("lead@example.test");
    assertThat(c.get("overdue").asBoolean()).isTrue();
    assertThat(get("/api/v1/cases?view=overdue&team=" + team).json().get("total").asInt()).isEqualTo(1);

    advanceUntil(Duration.ofHours(24), id, "escalated", 2);       // second level
    c = get("/api/v1/cases/" + id).json();
    assertThat(c.get("escalationLevel").asInt()).isEqualTo(2);
    assertThat(c.get("escalatedTo").asString()).isEqualTo("head.of.cx@example.test");

    // a timer that fires again (a redelivery, a second node) changes nothing
    followUps.onMilestone(id, 1, dev.followthrough.followup.domain.SlaPlan.Milestone.ESCALATE_1);
    followUps.onMilestone(id, 1, dev.followthrough.followup.domain.SlaPlan.Milestone.REMINDER);
    assertThat(count(id, "reminder")).isEqualTo(1);
    assertThat(count(id, "escalated")).isEqualTo(2);
    assertThat(eventsOf(CaseEscalated.class, id, CaseEscalated::caseId, 2).stream().map(CaseEscalated::level))
        .containsExactly(1, 2);
    assertThat(eventsOf(CaseReminderDue.class, id, CaseReminderDue::caseId, 1)).hasSize(1);
  }

  @Test
  void a_case_contacted_in_time_never_escalates() {
    Stored s = aResponse(3, "Elena Sokolova", "enterprise");
    FollowUpRequested request = aRequest(s, Channel.CALL, Duration.ofHours(24), OwnerPolicy.ACCOUNT_OWNER, null, null, 70);
    UUID id = followUps.open(request).orElseThrow();
    TestClock.INSTANCE.advance(Duration.ofHours(2));
    assertThat(post("/api/v1/cases/" + id + "/attempts", "{\"channel\": \"call\", \"result\": \"reached\"}").status())
        .isEqualTo(200);
    TestClock.INSTANCE.advance(Duration.ofHours(48));
    scheduler.triggerCheckForDueExecutions();
    await("the case's timers to run", () -> jdbc.sql(
        "SELECT count(*) FROM platform_scheduled_tasks WHERE task_instance LIKE ?").param(id + ":%")
        .query(Long.class).single() == 0 ? Optional.of(true) : Optional.empty());
    assertThat(types(id)).doesNotContain("reminder", "escalated");
    assertThat(get("/api/v1/cases/" + id).json().get("slaMet").asBoolean()).isTrue();
  }

  @Test
  void a_resolved_case_is_resurveyed_and_a_still_unhappy_answer_reopens_it() {
    Stored s = aResponse(2, "Aisha Khan", "smb");
    FollowUpRequested base = aDetractorRequest(s);
    FollowUpRequested withResurvey = new FollowUpRequested(base.responseId(), 1, base.contactId(), base.accountId(),
        base.score(), base.category(), base.receivedAt(), base.ruleId(), base.ruleName(), base.channel(), base.play(),
        base.sla(), base.calendar(), base.priority(), base.priorityFactors(), base.ownerPolicy(), base.team(),
        base.owner(), base.overflow(), Duration.ofDays(30), base.decidedAt());
    UUID id = followUps.open(withResurvey).orElseThrow();
    post("/api/v1/cases/" + id + "/attempts", "{\"channel\": \"call\", \"result\": \"reached\"}");
    assertThat(post("/api/v1/cases/" + id + "/close", """
        {"outcome": "resolved", "rootCause": "Onboarding skipped SSO", "action": "Ran an SSO session"}""").status())
        .isEqualTo(200);
    assertThat(get("/api/v1/cases/" + id).json().get("resurveyDueAt").isNull()).isFalse();

    advanceUntil(Duration.ofDays(31), id, "resurvey", 1);
    assertThat(eventsOf(ResurveyDue.class, id, ResurveyDue::caseId, 1)).hasSize(1);

    String contactExt = jdbc.sql("SELECT external_id FROM responses_contact WHERE id = ?").param(s.contactId())
        .query(String.class).single();
    String at = TestClock.INSTANCE.instant().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    assertThat(post("/api/v1/responses", """
        {"source": "case-test", "sourceId": "%s", "score": 4, "respondedAt": "%s", "contact": {"externalId": "%s"}}"""
        .formatted(unique("resurvey"), at, contactExt)).status()).isEqualTo(201);
    var reopened = await("the case to reopen", () -> {
      var c = get("/api/v1/cases/" + id).json();
      return c.get("status").asString().equals("open") ? Optional.of(c) : Optional.empty();
    });
    assertThat(reopened.get("recoveredScore").asInt()).isEqualTo(4);
    assertThat(reopened.get("cycle").asInt()).isEqualTo(2);
    assertThat(types(id)).containsSubsequence("closed", "resurvey", "recovery", "reopened");
  }
}
