package dev.followthrough.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.OwnerPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Daily capacity: round-robin, overflow to a channel without a person, a queue, and urgent work first. */
class CapacityTest extends CaseFixtures {

  @Autowired FollowUps followUps;

  private void teams(String extra) {
    assertThat(put("/api/v1/teams", """
        {"teams": [{"name": "cx-leads", "lead": "head.of.cx@example.test", "fallback": true}, %s]}""".formatted(extra))
        .status()).isEqualTo(200);
  }

  private JsonNode caseOf(UUID id) {
    return get("/api/v1/cases/" + id).json();
  }

  @Test
  void a_full_team_overflows_to_the_interview_and_without_overflow_work_waits_in_the_queue() {
    String a = unique("a"), b = unique("b"), solo = unique("solo");
    String team = unique("team"), small = unique("small");
    teams("""
        {"name": "%s", "lead": "lead@example.test", "members": ["%s", "%s"], "memberCapacity": 1},
        {"name": "%s", "members": ["%s"], "memberCapacity": 1}""".formatted(team, a, b, small, solo));

    List<JsonNode> cases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Stored s = aResponse(3, null, "smb");
      UUID id = followUps.open(aRequest(s, Channel.EMAIL, Duration.ofHours(48), OwnerPolicy.TEAM, team, Channel.INTERVIEW, 50))
          .orElseThrow();
      cases.add(caseOf(id));
    }
    assertThat(cases.subList(0, 2).stream().map(c -> c.get("owner").asString())).containsExactlyInAnyOrder(a, b);
    JsonNode third = cases.get(2);
    assertThat(third.get("owner").isNull()).isTrue();
    assertThat(third.get("channel").asString()).isEqualTo("interview");
    assertThat(third.get("timeline").get(0).get("detail").get("assignment").asString())
        .contains("at capacity").contains("overflow to interview");

    UUID first = followUps.open(aRequest(aResponse(3, null, "smb"), Channel.CALL, Duration.ofHours(48), OwnerPolicy.TEAM,
        small, null, 50)).orElseThrow();
    UUID waiting = followUps.open(aRequest(aResponse(3, null, "smb"), Channel.CALL, Duration.ofHours(48), OwnerPolicy.TEAM,
        small, null, 50)).orElseThrow();
    assertThat(caseOf(first).get("owner").asString()).isEqualTo(solo);
    assertThat(caseOf(waiting).get("queued").asBoolean()).isTrue();
    assertThat(caseOf(waiting).get("channel").asString()).isEqualTo("call");
    assertThat(get("/api/v1/cases?view=unassigned&team=" + small).json().get("items").findValuesAsString("id"))
        .containsExactly(waiting.toString());
  }

  @Test
  void a_more_urgent_case_takes_the_place_of_the_owners_least_urgent_untouched_one() {
    String owner = unique("Owner");
    String team = unique("team");
    teams("""
        {"name": "%s", "members": [], "memberCapacity": 1}""".formatted(team));
    UUID low = followUps.open(aRequest(aResponse(6, owner, "smb"), Channel.EMAIL, Duration.ofHours(48),
        OwnerPolicy.ACCOUNT_OWNER, team, null, 20)).orElseThrow();
    assertThat(caseOf(low).get("owner").asString()).isEqualTo(owner);

    UUID urgent = followUps.open(aRequest(aResponse(0, owner, "smb"), Channel.CALL, Duration.ofHours(24),
        OwnerPolicy.ACCOUNT_OWNER, team, null, 90)).orElseThrow();
    assertThat(caseOf(urgent).get("owner").asString()).isEqualTo(owner);
    JsonNode displaced = caseOf(low);
    assertThat(displaced.get("owner").isNull()).isTrue();
    assertThat(displaced.get("queued").asBoolean()).isTrue();
    assertThat(displaced.get("timeline").findValuesAsString("type")).contains("queued");

    UUID lessUrgent = followUps.open(aRequest(aResponse(5, owner, "smb"), Channel.EMAIL, Duration.ofHours(48),
        OwnerPolicy.ACCOUNT_OWNER, team, null, 10)).orElseThrow();
    assertThat(caseOf(lessUrgent).get("queued").asBoolean()).isTrue(); // never silently dropped
  }
}
