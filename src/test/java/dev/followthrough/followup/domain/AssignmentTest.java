package dev.followthrough.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.followup.domain.Assignment.Decision;
import dev.followthrough.followup.domain.Assignment.Load;
import dev.followthrough.followup.domain.Assignment.Team;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.OwnerPolicy;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentTest {

  private static Team team(long cursor, Load... members) {
    return new Team("smb-cs", "lead", List.of(members), 0, 100, cursor);
  }

  private static Assignment.Request call(OwnerPolicy policy, String accountOwner, Channel overflow) {
    return new Assignment.Request(policy, accountOwner, null, Channel.CALL, overflow);
  }

  @Test
  void the_account_owner_gets_the_case_while_they_have_room() {
    Decision d = Assignment.decide(call(OwnerPolicy.ACCOUNT_OWNER, "Priya", null), Optional.of(new Load("Priya", 3, 15)),
        team(0, new Load("a", 0, 15)));
    assertThat(d).isEqualTo(new Decision.ToOwner("Priya", "account owner Priya"));
  }

  @Test
  void a_full_owner_hands_over_to_round_robin_and_a_full_team_overflows_or_queues() {
    Decision rr = Assignment.decide(call(OwnerPolicy.ACCOUNT_OWNER, "Priya", null), Optional.of(new Load("Priya", 15, 15)),
        team(1, new Load("a", 2, 15), new Load("b", 2, 15), new Load("c", 5, 15)));
    assertThat(rr).isInstanceOf(Decision.ToOwner.class);
    assertThat(((Decision.ToOwner) rr).owner()).isEqualTo("b"); // tie between a and b: the cursor starts at b
    assertThat(rr.why()).contains("Priya is at capacity (15/15 today)");

    Decision overflow = Assignment.decide(call(OwnerPolicy.TEAM, null, Channel.INTERVIEW), Optional.empty(),
        team(0, new Load("a", 15, 15)));
    assertThat(overflow).isInstanceOf(Decision.Overflow.class);
    assertThat(((Decision.Overflow) overflow).channel()).isEqualTo(Channel.INTERVIEW);

    Decision queue = Assignment.decide(call(OwnerPolicy.TEAM, null, null), Optional.empty(), team(0, new Load("a", 15, 15)));
    assertThat(queue).isInstanceOf(Decision.Queue.class);
    assertThat(queue.why()).contains("waits in the queue");
  }

  @Test
  void round_robin_spreads_work_evenly() {
    int[] counts = new int[3];
    Load[] loads = {new Load("a", 0, 100), new Load("b", 0, 100), new Load("c", 0, 100)};
    for (int i = 0; i < 90; i++) {
      Decision d = Assignment.decide(call(OwnerPolicy.TEAM, null, null), Optional.empty(), team(i, loads));
      int k = "abc".indexOf(((Decision.ToOwner) d).owner());
      counts[k]++;
      loads[k] = new Load(loads[k].user(), loads[k].today() + 1, 100);
    }
    assertThat(counts).containsExactly(30, 30, 30);
  }

  @Test
  void channels_without_a_person_and_unassigned_rules_get_no_owner() {
    assertThat(Assignment.decide(new Assignment.Request(OwnerPolicy.ACCOUNT_OWNER, "Priya", null, Channel.INTERVIEW, null),
        Optional.empty(), team(0))).isInstanceOf(Decision.NoOwner.class);
    assertThat(Assignment.decide(call(OwnerPolicy.UNASSIGNED, "Priya", null), Optional.empty(), team(0)))
        .isInstanceOf(Decision.NoOwner.class);
  }

  @Test
  void the_least_urgent_untouched_case_gives_way_to_a_more_urgent_one() {
    UUID low = UUID.randomUUID();
    var held = List.of(new Assignment.Held(UUID.randomUUID(), 60), new Assignment.Held(low, 20));
    assertThat(Assignment.displace(80, held)).contains(new Assignment.Held(low, 20));
    assertThat(Assignment.displace(10, held)).isEmpty();
  }
}
