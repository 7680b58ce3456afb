package dev.followthrough.web;

import dev.followthrough.followup.CaseQueries.TeamView;
import dev.followthrough.triggers.TriggerDecision;
import dev.followthrough.triggers.TriggerRule;
import dev.followthrough.triggers.TriggerRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules page: the ordered rules in words, each editable as YAML; import, export, a dry run and
 * the teams. {@code errors} is keyed by the form ("rule:&lt;id&gt;", "new", "import", "test"), {@code drafts}
 * holds what the user typed in that form.
 */
public record RulesView(List<TriggerRule> rules, List<TeamView> teams, boolean canEdit, boolean canTest,
                        Map<String, String> errors, Map<String, String> drafts, TestForm test,
                        TriggerDecision decision, String notice) {

  /** The sample response of the dry run, as typed. */
  public record TestForm(String score, String tier, String arr, String program, String touchpoint, boolean comment,
                         String renewalDate, String previousScore, boolean hasOpenCase, String rule) {
    public static TestForm empty() {
      return new TestForm("3", "enterprise", "120000", "", "", true, "", "", false, "");
    }
  }

  public String error(String form) {
    return errors.get(form);
  }

  public String draft(String form, String fallback) {
    String d = drafts.get(form);
    return d != null ? d : fallback;
  }

  public String yaml(TriggerRule r) {
    return TriggerRules.toYaml(r.asMap(false));
  }

  public static final String NEW_RULE = """
      name: Renewing detractors
      enabled: true
      conditions:
        categories: [detractor]
        renewalWithinDays: 90
      outcome:
        followUp: true
        channel: call
        play: recover
        sla: 24h
        ownerPolicy: account_owner
      """;

  /** What the rule does, in words: "Call (recover) within 24h · account owner · overflow to email". */
  public static String outcome(TriggerRule r) {
    Map<String, Object> o = r.outcome();
    if (o == null || !Boolean.TRUE.equals(o.get("followUp"))) return "No follow-up";
    List<String> parts = new ArrayList<>();
    parts.add(CaseText.label(str(o.get("channel"))) + " (" + CaseText.label(str(o.get("play"))).toLowerCase() + ") within "
        + str(o.get("sla")) + ("business".equals(o.get("calendar")) ? " business hours" : ""));
    String policy = str(o.get("ownerPolicy"));
    parts.add(switch (policy) {
      case "account_owner" -> "the account's owner";
      case "team" -> "team " + str(o.get("team"));
      case "user" -> str(o.get("owner"));
      case "unassigned" -> "unassigned";
      default -> CaseText.label(policy).toLowerCase();
    });
    if (o.get("sampleRate") instanceof Number n && n.doubleValue() < 1) {
      parts.add("a rotating " + Math.round(n.doubleValue() * 100) + "% sample");
    }
    if (o.get("overflow") != null) parts.add("overflow to " + CaseText.label(str(o.get("overflow"))).toLowerCase());
    if (o.get("priorityBoost") != null) parts.add("priority +" + o.get("priorityBoost"));
    if (o.get("resurveyAfter") != null) parts.add("re-survey after " + o.get("resurveyAfter"));
    return String.join(" · ", parts);
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }
}
