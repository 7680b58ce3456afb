package dev.followthrough.platform.web;

import dev.followthrough.platform.ApiKeys;
import dev.followthrough.platform.Problems;
import dev.followthrough.platform.Role;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Admin-only (see SecurityConfiguration): create, list and revoke API keys. */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

  private final ApiKeys keys;

  ApiKeyController(ApiKeys keys) {
    this.keys = keys;
  }

  @GetMapping
  List<ApiKeys.ApiKey> list() {
    return keys.list();
  }

  @PostMapping
  ResponseEntity<?> create(@RequestBody JsonNode body, Principal who) {
    JsonNode name = body.get("name");
    if (name == null || !name.isString() || name.asString().isBlank() || name.asString().length() > 100)
      return Problems.unprocessable("name", "is required (1–100 characters)");
    Role role = Role.AGENT;
    JsonNode r = body.get("role");
    if (r != null && !r.isNull()) {
      if (!r.isString()) return Problems.unprocessable("role", "must be one of admin, manager, agent, viewer");
      try {
        role = Role.parse(r.asString());
      } catch (IllegalArgumentException e) {
        return Problems.unprocessable("role", "must be one of admin, manager, agent, viewer");
      }
    }
    var created = keys.create(name.asString().trim(), role, who.getName());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", created.key().id());
    out.put("name", created.key().name());
    out.put("role", created.key().role().key());
    out.put("prefix", created.key().prefix());
    out.put("token", created.token());
    out.put("note", "the token is shown once; store it now");
    return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.key().id())).body(out);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<?> revoke(@PathVariable UUID id) {
    return keys.revoke(id) ? ResponseEntity.noContent().build()
        : Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", "no active API key " + id));
  }
}
