package dev.followthrough.actions.web;

import dev.followthrough.actions.Interventions;
import dev.followthrough.platform.JsonFields;
import dev.followthrough.platform.Problems;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/action-routing}: the rules (mechanism or category → team) and where each mechanism goes. */
@RestController
@RequestMapping("/api/v1/action-routing")
class RoutingController {

  private final Interventions interventions;

  RoutingController(Interventions interventions) {
    this.interventions = interventions;
  }

  @GetMapping
  Map<String, Object> all() {
    return Map.of("rules", interventions.rules(), "routes", interventions.routes());
  }

  @PutMapping(path = "/{kind}/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> save(@PathVariable String kind, @PathVariable String key, @RequestBody JsonNode body, Principal p) {
    return interventions.saveRule(kind, key, JsonFields.text(body, "team"), p.getName())
        .<ResponseEntity<?>>map(x -> Problems.unprocessable(x.field(), x.reason()))
        .orElseGet(() -> ResponseEntity.ok(Map.of("kind", kind, "key", key, "team", JsonFields.text(body, "team").strip())));
  }

  @DeleteMapping("/{kind}/{key}")
  ResponseEntity<?> delete(@PathVariable String kind, @PathVariable String key) {
    return interventions.deleteRule(kind, key) ? ResponseEntity.noContent().build()
        : Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "No such rule", "key", "no " + kind + " rule for " + key));
  }
}
