package dev.followthrough.web;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.platform.Role;
import dev.followthrough.triggers.TriggerRule;
import dev.followthrough.triggers.TriggerRules;
import dev.followthrough.triggers.TriggerRules.Change;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The trigger rules in the console. Everyone signed in may read them; a manager changes them; an
 * agent may dry-run them. Changes go through {@link TriggerRules}, which validates them and names
 * the field it refuses; the page shows that beside the form.
 */
@Controller
class RulesController {

  private final TriggerRules rules;
  private final CaseQueries cases;

  RulesController(TriggerRules rules, CaseQueries cases) {
    this.rules = rules;
    this.cases = cases;
  }

  @GetMapping("/rules")
  String page(Model model, Principal p) {
    return render(model, p, Map.of(), Map.of(), RulesView.TestForm.empty(), null, (String) model.getAttribute("notice"));
  }

  @GetMapping("/rules/export.yaml")
  ResponseEntity<String> export() {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml"))
        .header("Content-Disposition", "attachment; filename=\"followthrough-rules.yaml\"")
        .header("Cache-Control", "no-store").body(rules.exportYaml());
  }

  @PostMapping("/rules/{id}/enabled")
  String enable(@PathVariable String id, @RequestParam(defaultValue = "false") boolean enabled, Principal p,
                Model model, RedirectAttributes redirect, HttpServletResponse res) {
    ConsoleRoles.require(p, Role.MANAGER);
    TriggerRule r = find(id);
    Map<String, Object> body = body(r);
    body.put("enabled", enabled);
    return saved(rules.update(r.id(), body), "rule:" + r.id(), null, p, model, redirect, res,
        "\u201c" + r.name() + "\u201d is " + (enabled ? "enabled." : "disabled."));
  }

  @PostMapping("/rules/{id}/move")
  String move(@PathVariable String id, @RequestParam(defaultValue = "up") String direction, Principal p, Model model,
              RedirectAttributes redirect, HttpServletResponse res) {
    ConsoleRoles.require(p, Role.MANAGER);
    TriggerRule r = find(id);
    List<UUID> order = new ArrayList<>(rules.list().stream().map(TriggerRule::id).toList());
    int i = order.indexOf(r.id());
    int j = "down".equals(direction) ? i + 1 : i - 1;
    if (i < 0 || j < 0 || j >= order.size()) return "redirect:/rules";
    order.set(i, order.get(j));
    order.set(j, r.id());
    return saved(rules.reorder(order), "rule:" + r.id(), null, p, model, redirect, res,
        "\u201c" + r.name() + "\u201d moved " + ("down" .equals(direction) ? "down." : "up."));
  }

  @PostMapping("/rules/{id}")
  String edit(@PathVariable String id, @RequestParam(defaultValue = "") String yaml,
              @RequestParam(defaultValue = "0") int version, Principal p, Model model, RedirectAttributes redirect,
              HttpServletResponse res) {
    ConsoleRoles.require(p, Role.MANAGER);
    TriggerRule r = find(id);
    String form = "rule:" + r.id();
    Object parsed;
    try {
      parsed = TriggerRules.parseYaml(yaml);
    } catch (YAMLException e) {
      return invalid(form, yaml, "Not valid YAML: " + firstLine(e.getMessage()), p, model, res);
    }
    if (!(parsed instanceof Map<?, ?> m)) return invalid(form, yaml, "Expected a rule: name, conditions and outcome.", p, model, res);
    Map<String, Object> body = new LinkedHashMap<>();
    m.forEach((k, v) -> body.put(String.valueOf(k), v));
    body.putIfAbsent("version", version);
    body.remove("id");
    body.remove("position");
    return saved(rules.update(r.id(), body), form, yaml, p, model, redirect, res, "Saved \u201c" + body.get("name") + "\u201d.");
  }

  @PostMapping("/rules/new")
  String create(@RequestParam(defaultValue = "") String yaml, Principal p, Model model, RedirectAttributes redirect,
                HttpServletResponse res) {
    ConsoleRoles.require(p, Role.MANAGER);
    Object parsed;
    try {
      parsed = TriggerRules.parseYaml(yaml);
    } catch (YAMLException e) {
      return invalid("new", yaml, "Not valid YAML: " + firstLine(e.getMessage()), p, model, res);
    }
    if (parsed == null) return invalid("new", yaml, "Write the rule first: name, conditions and outcome.", p, model, res);
    return saved(rules.create(parsed), "new", yaml, p, model, redirect, res, "Rule added.");
  }

  @PostMapping("/rules/{id}/delete")
  String delete(@PathVariable String id, Principal p, RedirectAttributes redirect) {
    ConsoleRoles.require(p, Role.MANAGER);
    TriggerRule r = find(id);
    rules.delete(r.id());
    redirect.addFlashAttribute("notice", "Deleted \u201c" + r.name() + "\u201d.");
    return "redirect:/rules";
  }

  @PostMapping("/rules/import")
  String importRules(@RequestParam(defaultValue = "") String yaml, @RequestParam(defaultValue = "merge") String mode,
                     Principal p, Model model, RedirectAttributes redirect, HttpServletResponse res) {
    ConsoleRoles.require(p, Role.MANAGER);
    if (yaml.isBlank()) return invalid("import", yaml, "Paste the YAML of an export.", p, model, res);
    var m = "replace".equals(mode) ? TriggerRules.ImportMode.REPLACE : TriggerRules.ImportMode.MERGE;
    return switch (rules.importYaml(yaml, m)) {
      case TriggerRules.Imported.Done d -> {
        redirect.addFlashAttribute("notice", "Imported: " + d.created() + " created, " + d.updated() + " updated, "
            + d.deleted() + " deleted.");
        yield "redirect:/rules";
      }
      case TriggerRules.Imported.Invalid x -> invalid("import", yaml, x.field() + ": " + x.reason() + ".", p, model, res);
    };
  }

  /** A dry run: nothing is recorded and no sample moves, so an agent may try it. */
  @PostMapping("/rules/test")
  String test(@RequestParam Map<String, String> form, Principal p, Model model, HttpServletResponse res) {
    ConsoleRoles.require(p, Role.AGENT);
    var t = new RulesView.TestForm(form.getOrDefault("score", ""), form.getOrDefault("tier", ""),
        form.getOrDefault("arr", ""), form.getOrDefault("program", ""), form.getOrDefault("touchpoint", ""),
        form.containsKey("comment"), form.getOrDefault("renewalDate", ""), form.getOrDefault("previousScore", ""),
        form.containsKey("hasOpenCase"), form.getOrDefault("rule", ""));
    Map<String, Object> sample = new LinkedHashMap<>();
    String problem = null;
    try {
      sample.put("score", Integer.parseInt(t.score().strip()));
    } catch (NumberFormatException e) {
      problem = "score: must be a whole number from 0 to 10.";
    }
    put(sample, "tier", t.tier());
    put(sample, "program", t.program());
    put(sample, "touchpoint", t.touchpoint());
    put(sample, "renewalDate", t.renewalDate());
    if (!t.arr().isBlank()) {
      try {
        sample.put("arr", new java.math.BigDecimal(t.arr().strip().replace(",", "")));
      } catch (NumberFormatException e) {
        problem = "arr: must be a number, like 120000.";
      }
    }
    if (!t.previousScore().isBlank()) {
      try {
        sample.put("previousScore", Integer.parseInt(t.previousScore().strip()));
      } catch (NumberFormatException e) {
        problem = "previousScore: must be a whole number from 0 to 10.";
      }
    }
    sample.put("hasComment", t.comment());
    sample.put("hasOpenCase", t.hasOpenCase());
    Object draft = null;
    if (problem == null && !t.rule().isBlank()) {
      try {
        draft = TriggerRules.parseYaml(t.rule());
      } catch (YAMLException e) {
        problem = "rule: not valid YAML: " + firstLine(e.getMessage());
      }
    }
    if (problem != null) {
      res.setStatus(422);
      return render(model, p, Map.of("test", problem), Map.of(), t, null, null);
    }
    return switch (rules.test(draft, sample)) {
      case TriggerRules.Tested.Ok ok -> render(model, p, Map.of(), Map.of(), t, ok.decision(), null);
      case TriggerRules.Tested.Invalid x -> {
        res.setStatus(422);
        yield render(model, p, Map.of("test", x.field().replaceFirst("^response\\.", "") + ": " + x.reason() + "."),
            Map.of(), t, null, null);
      }
    };
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private String saved(Change change, String form, String typed, Principal p, Model model, RedirectAttributes redirect,
                       HttpServletResponse res, String done) {
    return switch (change) {
      case Change.Saved s -> ok(redirect, done);
      case Change.Ordered o -> ok(redirect, done);
      case Change.NotFound n -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such rule");
      case Change.Invalid x -> invalid(form, typed, x.field() + ": " + x.reason() + ".", p, model, res);
      case Change.Conflict c -> invalid(form, typed, "Someone else saved this rule meanwhile (version " + c.currentVersion()
          + "). Copy your change, reload the page and apply it again.", p, model, res);
    };
  }

  private static String ok(RedirectAttributes redirect, String done) {
    redirect.addFlashAttribute("notice", done);
    return "redirect:/rules";
  }

  private String invalid(String form, String typed, String reason, Principal p, Model model, HttpServletResponse res) {
    res.setStatus(422);
    Map<String, String> drafts = typed == null ? Map.of() : Map.of(form, typed);
    return render(model, p, Map.of(form, reason), drafts, RulesView.TestForm.empty(), null, null);
  }

  private String render(Model model, Principal p, Map<String, String> errors, Map<String, String> drafts,
                        RulesView.TestForm test, dev.followthrough.triggers.TriggerDecision decision, String notice) {
    model.addAttribute("view", new RulesView(rules.list(), cases.teams(), ConsoleRoles.atLeast(p, Role.MANAGER),
        ConsoleRoles.atLeast(p, Role.AGENT), errors, drafts, test, decision, notice));
    return "rules/page";
  }

  private TriggerRule find(String id) {
    UUID uuid = CasesController.uuid(id);
    return (uuid == null ? java.util.Optional.<TriggerRule>empty() : rules.get(uuid))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such rule"));
  }

  /** The rule in its API shape, for a change to one field. */
  private static Map<String, Object> body(TriggerRule r) {
    return new LinkedHashMap<>(r.asMap(true));
  }

  private static void put(Map<String, Object> m, String k, String v) {
    if (v != null && !v.isBlank()) m.put(k, v.strip());
  }

  private static String firstLine(String s) {
    if (s == null) return "unreadable";
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() > 200 ? one.substring(0, 200) : one;
  }
}
