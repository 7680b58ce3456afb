package dev.followthrough.followup.web;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.followup.CaseQueries.TeamView;
import dev.followthrough.followup.FollowUps;
import dev.followthrough.platform.InvalidField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/teams}: who works follow-ups. A team has members (round-robin), a lead (first
 * escalation), the tiers and regions it covers, daily capacities; exactly one is the fallback.
 */
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

  private final CaseQueries queries;
  private final FollowUps followUps;

  TeamController(CaseQueries queries, FollowUps followUps) {
    this.queries = queries;
    this.followUps = followUps;
  }

  @GetMapping
  Map<String, Object> list() {
    return Map.of("teams", queries.teams());
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> replace(@RequestBody JsonNode body) {
    Json.only(body, "teams");
    JsonNode arr = body.get("teams");
    if (arr == null || !arr.isArray() || arr.isEmpty()) throw new InvalidField("teams", "must be a non-empty array");
    List<TeamView> teams = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int fallbacks = 0;
    for (int i = 0; i < arr.size(); i++) {
      JsonNode t = arr.get(i);
      String at = "teams[" + i + "]";
      if (!t.isObject()) throw new InvalidField(at, "must be an object");
      for (var it = t.propertyNames().iterator(); it.hasNext(); ) {
        String f = it.next();
        if (!Set.of("name", "lead", "tiers", "regions", "members", "dailyCapacity", "memberCapacity", "fallback").contains(f)) {
          throw new InvalidField(at + "." + f, "is not a known field");
        }
      }
      String name = prefixed(at, () -> Json.required(t, "name"));
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}")) {
        throw new InvalidField(at + ".name", "use letters, digits, spaces, '-', '_' or '.', at most 64 characters");
      }
      if (!names.add(name)) throw new InvalidField(at + ".name", "'" + name + "' appears twice");
      JsonNode fb = t.get("fallback");
      if (fb != null && !fb.isBoolean()) throw new InvalidField(at + ".fallback", "must be true or false");
      boolean fallback = fb != null && fb.asBoolean();
      if (fallback) fallbacks++;
      teams.add(new TeamView(name, prefixed(at, () -> Json.text(t, "lead")), prefixed(at, () -> Json.strings(t, "tiers")),
          prefixed(at, () -> Json.strings(t, "regions")), prefixed(at, () -> Json.strings(t, "members")),
          prefixed(at, () -> Json.positiveInt(t, "dailyCapacity")), prefixed(at, () -> Json.positiveInt(t, "memberCapacity")),
          fallback));
    }
    if (fallbacks != 1) throw new InvalidField("teams", "exactly one team must be the fallback (found " + fallbacks + ")");
    followUps.saveTeams(teams);
    return list();
  }

  private static <T> T prefixed(String at, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidField e) {
      throw new InvalidField(at + "." + e.field(), e.reason());
    }
  }
}
