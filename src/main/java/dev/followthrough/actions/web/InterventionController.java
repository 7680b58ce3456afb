package dev.followthrough.actions.web;


import dev.followthrough.actions.Interventions;
import dev.followthrough.actions.Interventions.Fields;
import dev.followthrough.actions.Interventions.Result;
import dev.followthrough.platform.JsonFields;
import dev.followthrough.platform.Problems;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/interventions}: CRUD, status moves, evidence, notices and recovery; {@code /api/v1/sprint}. */
@RestController
@RequestMapping("/api/v1")
class InterventionController {

  private final Interventions interventions;

  InterventionController(Interventions interventions) {
    this.interventions = interventions;
  }

  @GetMapping("/interventions")
  Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(required = false) String team,
                           @RequestParam(defaultValue = "false") boolean late, @RequestParam(required = false) String mechanism) {
    if (status != null && !status.isBlank() && Interventions.STATUSES.stream().noneMatch(status::equals)) {
      throw new dev.followthrough.platform.InvalidField("status", "must be one of " + String.join(", ", Interventions.STATUSES));
    }
    return Map.of("items", interventions.list(status, team, late, mechanism));
  }

  @PostMapping(path = "/interventions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> create(@RequestBody JsonNode body, Principal p) {
    Result r = interventions.create(fields(body), p.getName());
    if (r instanceof Result.Done d) return ResponseEntity.created(URI.create("/api/v1/interventions/" + d.intervention().id())).body(d.intervention());
    return reply(r);
  }

  @GetMapping("/interventions/{id}")
  ResponseEntity<?> get(@PathVariable String id) {
    UUID uuid = Body.id(id);
    return interventions.find(uuid).<ResponseEntity<?>>map(i -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("intervention", i);
      m.put("trail", interventions.trail(uuid));
      return ResponseEntity.ok(m);
    }).orElseGet(InterventionController::missing);
  }

  @PutMapping(path = "/interventions/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> update(@PathVariable String id, @RequestBody JsonNode body, Principal p) {
    return reply(interventions.update(Body.id(id), JsonFields.integer(body, "version"), fields(body), p.getName()));
  }

  @DeleteMapping("/interventions/{id}")
  ResponseEntity<?> delete(@PathVariable String id, @RequestParam(required = false) Integer version) {
    Result r = interventions.delete(Body.id(id), version);
    return r instanceof Result.Done ? ResponseEntity.noContent().build() : reply(r);
  }

  @PostMapping(path = "/interventions/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> status(@PathVariable String id, @RequestBody JsonNode body, Principal p) {
    String to = JsonFields.text(body, "status");
    if (to == null) return Problems.unprocessable("status", "is required");
    return reply(interventions.move(Body.id(id), JsonFields.integer(body, "version"), to, JsonFields.text(body, "note"), p.getName()));
  }

  @GetMapping("/interventions/{id}/evidence")
  ResponseEntity<?> evidence(@PathVariable String id) {
    return found(interventions.evidence(Body.id(id)));
  }

  @GetMapping("/interventions/{id}/notices")
  ResponseEntity<?> notices(@PathVariable String id) {
    UUID uuid = Body.id(id);
    if (interventions.find(uuid).isEmpty()) return missing();
    return ResponseEntity.ok(Map.of("items", interventions.notices(uuid)));
  }

  @GetMapping("/interventions/{id}/recovery")
  ResponseEntity<?> recovery(@PathVariable String id) {
    return found(interventions.recovery(Body.id(id)));
  }

  @GetMapping("/sprint")
  Interventions.SprintView sprint() {
    return interventions.sprint();
  }

  private static Fields fields(JsonNode body) {
    if (body == null || !body.isObject()) throw new dev.followthrough.platform.InvalidField("body", "must be a JSON object");
    return new Fields(JsonFields.text(body, "title"), JsonFields.text(body, "team"), JsonFields.text(body, "outcome"), JsonFields.date(body, "dueOn"),
        JsonFields.text(body, "notes"), JsonFields.integer(body, "resurveyDays"), Body.strings(body, "mechanisms"));
  }

  private static ResponseEntity<?> found(Optional<?> o) {
    return o.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(InterventionController::missing);
  }

  static ResponseEntity<?> reply(Result r) {
    return switch (r) {
      case Result.Done d -> ResponseEntity.ok(d.intervention());
      case Result.Missing m -> missing();
      case Result.Refused x -> x.conflict()
          ? Problems.response(Problems.withField(HttpStatus.CONFLICT, "Conflict", x.field(), x.reason()))
          : Problems.unprocessable(x.field(), x.reason());
    };
  }

  static ResponseEntity<?> missing() {
    return Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "No such intervention", "id", "no intervention has this id"));
  }
}
