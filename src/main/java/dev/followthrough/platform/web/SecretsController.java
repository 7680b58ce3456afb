package dev.followthrough.platform.web;

import dev.followthrough.platform.Problems;
import dev.followthrough.platform.SecretBox;
import dev.followthrough.platform.SecretsAtRest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Admin-only: which key seals the secrets at rest (ids, counts — never a value), re-sealing after a
 * rotation, and sealing a value for a setting such as {@code followthrough.interviews.llm-api-key}.
 */
@RestController
@RequestMapping("/api/v1/secrets")
@PreAuthorize("hasRole('ADMIN')")
class SecretsController {

  private final SecretsAtRest secrets;
  private final SecretBox box;

  SecretsController(SecretsAtRest secrets, SecretBox box) {
    this.secrets = secrets;
    this.box = box;
  }

  @GetMapping
  Map<String, Object> status() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("keyId", secrets.keyId());
    out.put("keyIds", secrets.keyIds());
    out.put("columns", secrets.census());
    return out;
  }

  @PostMapping("/reseal")
  Map<String, Object> reseal() {
    List<SecretsAtRest.Pass> passes = secrets.reseal();
    return Map.of("keyId", secrets.keyId(), "columns", passes);
  }

  @PostMapping("/seal")
  ResponseEntity<?> seal(@RequestBody JsonNode body) {
    JsonNode v = body == null ? null : body.get("value");
    if (v == null || !v.isString() || v.asString().isEmpty() || v.asString().length() > 4096) {
      return Problems.unprocessable("value", "is required: the clear value to seal (1–4096 characters)");
    }
    return ResponseEntity.ok(Map.of("keyId", box.keyId(), "sealed", box.seal(v.asString())));
  }
}
