package dev.followthrough.triggers.web;

import dev.followthrough.platform.Problems;
import dev.followthrough.triggers.TriggerDecisions;
import dev.followthrough.triggers.TriggerRules;
import dev.followthrough.triggers.TriggerRules.Change;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trigger rules over HTTP. Reading needs a viewer; changing rules needs a manager (checked here, as
 * the security chain only knows "writes need an agent").
 */
@RestController
class RuleController {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  private final TriggerRules rules;
  private final TriggerDecisions decisions;
  private final RoleHierarchy roles;

  RuleController(TriggerRules rules, TriggerDecisions decisions, RoleHierarchy roles) {
    this.rules = rules;
    this.decisions = decisions;
    this.roles = roles;
  }

  @GetMapping("/api/v1/rules")
  Map<String, Object> list() {
    return Map.of("items", rules.list());
  }

  @GetMapping("/api/v1/rules/{id}")
  ResponseEntity<?> get(@PathVariable String id) {
    UUID uuid = uuid(id);
    if (uuid == null) return notFound(id);
    return rules.get(uuid).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
  }

  @PostMapping(path = "/api/v1/rules", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> create(@RequestBody JsonNode body) {
    if (!manager()) return forbidden();
    return answer(rules.create(plain(body)), true);
  }

  @PutMapping(path = "/api/v1/rules/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> update(@PathVariable String id, @RequestBody JsonNode body) {
    if (!manager()) return forbidden();
    UUID uuid = uuid(id);
    if (uuid == null) return notFound(id);
    return answer(rules.update(uuid, plain(body)), false);
  }

  @DeleteMapping("/api/v1/rules/{id}")
  ResponseEntity<?> delete(@PathVariable String id) {
    if (!manager()) return forbidden();
    UUID uuid = uuid(id);
    if (uuid == null || !rules.delete(uuid)) return notFound(id);
    return ResponseEntity.noContent().build();
  }

  /** {@code {"ids": [...]}} (or a bare array): every rule, in the new order. */
  @PostMapping(path = "/api/v1/rules/order", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> reorder(@RequestBody JsonNode body) {
    if (!manager()) return forbidden();
    JsonNode ids = body.isArray() ? body : body.get("ids");
    if (ids == null || !ids.isArray()) return Problems.unprocessable("ids", "must be a list of rule ids");
    List<UUID> list = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      UUID u = ids.get(i).isString() ? uuid(ids.get(i).asString()) : null;
      if (u == null) return Problems.unprocessable("ids[" + i + "]", "must be a rule id (UUID)");
      list.add(u);
    }
    return answer(rules.reorder(list), false);
  }

  @GetMapping(path = "/api/v1/rules/export")
  ResponseEntity<String> export() {
    return ResponseEntity.ok().contentType(YAML)
        .header("Content-Disposition", "attachment; filename=\"followthrough-rules.yaml\"").body(rules.exportYaml());
  }

  /** The YAML body replaces all rules ({@code mode=replace}, default) or is merged by name ({@code mode=merge}). */
  @PostMapping(path = "/api/v1/rules/import")
  ResponseEntity<?> importRules(@RequestBody(required = false) String body,
                                @RequestParam(defaultValue = "replace") String mode) {
    if (!manager()) return forbidden();
    TriggerRules.ImportMode m;
    switch (mode.toLowerCase(java.util.Locale.ROOT)) {
      case "replace" -> m = TriggerRules.ImportMode.REPLACE;
      case "merge" -> m = TriggerRules.ImportMode.MERGE;
      default -> {
        return Problems.unprocessable("mode", "must be replace or merge");
      }
    }
    if (body == null || body.isBlank()) return Problems.unprocessable("body", "is empty: expected the YAML of an export");
    return switch (rules.importYaml(body, m)) {
      case TriggerRules.Imported.Done d -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", m.name().toLowerCase(java.util.Locale.ROOT));
        out.put("created", d.created());
        out.put("updated", d.updated());
        out.put("deleted", d.deleted());
        out.put("items", d.rules());
        yield ResponseEntity.ok(out);
      }
      case TriggerRules.Imported.Invalid x -> Problems.unprocessable(x.field(), x.reason());
    };
  }

  /** A dry run: {@code {"rule": {...optional draft...}, "response": {...sample...}}}. Nothing is recorded. */
  @PostMapping(path = "/api/v1/rules/test", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> test(@RequestBody JsonNode body) {
    if (!body.isObject()) return Problems.unprocessable("body", "must be a JSON object with \"response\"");
    for (var e : body.properties()) {
      if (!e.getKey().equals("rule") && !e.getKey().equals("response"))
        return Problems.unprocessable(e.getKey(), "is not a known field (known: response, rule)");
    }
    JsonNode response = body.get("response");
    if (response == null || response.isNull()) return Problems.unprocessable("response", "is required");
    JsonNode rule = body.get("rule");
    return switch (rules.test(rule == null || rule.isNull() ? null : plain(rule), plain(response))) {
      case TriggerRules.Tested.Ok ok -> ResponseEntity.ok(ok.decision());
      case TriggerRules.Tested.Invalid x -> Problems.unprocessable(x.field(), x.reason());
    };
  }

  @GetMapping("/api/v1/decisions")
  ResponseEntity<?> decisions(@RequestParam String responseId) {
    UUID uuid = uuid(responseId);
    if (uuid == null) return Problems.unprocessable("responseId", "must be a response id (UUID)");
    var all = decisions.forResponse(uuid);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("responseId", uuid);
    out.put("latest", all.isEmpty() ? null : all.getLast());
    out.put("items", all);
    return ResponseEntity.ok(out);
  }

  private ResponseEntity<?> answer(Change change, boolean created) {
    return switch (change) {
      case Change.Saved s -> created
          ? ResponseEntity.created(URI.create("/api/v1/rules/" + s.rule().id())).body(s.rule())
          : ResponseEntity.ok(s.rule());
      case Change.Ordered o -> ResponseEntity.ok(Map.of("items", o.rules()));
      case Change.Invalid x -> Problems.unprocessable(x.field(), x.reason());
      case Change.NotFound n -> notFound(n.id().toString());
      case Change.Conflict c -> Problems.response(Problems.withField(HttpStatus.CONFLICT, "Edit conflict", "version",
          "the rule was changed by someone else (you edited version " + c.expectedVersion() + ", it is now at version "
              + c.currentVersion() + "); reload it and apply your change again"));
    };
  }

  private boolean manager() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) return false;
    return roles.getReachableGrantedAuthorities(auth.getAuthorities()).stream()
        .anyMatch(a -> "ROLE_MANAGER".equals(a.getAuthority()));
  }

  private static ResponseEntity<?> forbidden() {
    return Problems.response(Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "changing trigger rules needs the manager role"));
  }

  private static ResponseEntity<?> notFound(String id) {
    return Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "Not found", "id", "no rule " + id));
  }

  private static UUID uuid(String s) {
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** JSON as plain maps, lists, texts, numbers and booleans — the shape RuleFormat reads. */
  private static Object plain(JsonNode node) {
    return JSON.treeToValue(node, Object.class);
  }

}
