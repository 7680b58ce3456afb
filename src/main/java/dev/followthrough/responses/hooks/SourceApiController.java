package dev.followthrough.responses.hooks;

import dev.followthrough.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Survey sources for automation (managers and admins). A secret appears in an answer only when it
 * is created or rotated; listings never show it.
 */
@RestController
@RequestMapping("/api/v1/sources")
@PreAuthorize("hasRole('MANAGER')")
class SourceApiController {

  private final HookSources sources;

  SourceApiController(HookSources sources) {
    this.sources = sources;
  }

  @GetMapping
  Map<String, Object> list(HttpServletRequest request) {
    return Map.of("items", sources.list().stream().map(s -> json(s, base(request), false)).toList());
  }

  @GetMapping("/{key}")
  ResponseEntity<?> get(@PathVariable String key, HttpServletRequest request) {
    return sources.find(key).<ResponseEntity<?>>map(s -> ResponseEntity.ok(json(s, base(request), false)))
        .orElseGet(() -> notFound(key));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> create(@RequestBody JsonNode body, HttpServletRequest request) {
    if (!body.isObject()) return Problems.unprocessable("body", "must be a JSON object");
    Map<String, String> mapping = new LinkedHashMap<>();
    JsonNode m = body.get("mapping");
    if (m != null && !m.isNull()) {
      if (!m.isObject()) return Problems.unprocessable("mapping", "must be an object of field → JSON pointer or field ref");
      for (var e : m.properties()) {
        if (!e.getValue().isString()) return Problems.unprocessable("mapping." + e.getKey(), "must be a string");
        mapping.put(e.getKey(), e.getValue().asString());
      }
    }
    for (String f : List.of("key", "vendor", "secret", "program", "kind", "touchpoint")) {
      JsonNode v = body.get(f);
      if (v != null && !v.isNull() && !v.isString()) return Problems.unprocessable(f, "must be a string");
    }
    var created = sources.create(new HookSources.NewSource(str(body, "key"), str(body, "vendor"), str(body, "secret"),
        str(body, "program"), str(body, "kind"), str(body, "touchpoint"), mapping));
    return switch (created) {
      case HookSources.Created.Invalid x -> Problems.unprocessable(x.field(), x.reason());
      case HookSources.Created.Ok ok -> ResponseEntity.created(URI.create("/api/v1/sources/" + ok.source().key()))
          .body(json(ok.source(), base(request), true));
    };
  }

  @PostMapping("/{key}/rotate-secret")
  ResponseEntity<?> rotate(@PathVariable String key, HttpServletRequest request) {
    return sources.rotate(key).flatMap(s -> sources.find(key))
        .<ResponseEntity<?>>map(s -> ResponseEntity.ok(json(s, base(request), true))).orElseGet(() -> notFound(key));
  }

  @GetMapping("/{key}/deliveries")
  ResponseEntity<?> deliveries(@PathVariable String key) {
    if (sources.find(key).isEmpty()) return notFound(key);
    return ResponseEntity.ok(Map.of("items", sources.deliveries(key).stream().map(d -> {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("id", d.id());
      j.put("receivedAt", d.receivedAt());
      j.put("outcome", d.outcome());
      j.put("httpStatus", d.httpStatus());
      if (d.reason() != null) j.put("reason", d.reason());
      if (d.responseId() != null) j.put("responseId", d.responseId());
      j.put("responses", d.responses());
      j.put("bodyBytes", d.bodyBytes());
      j.put("body", d.body());
      j.put("headers", d.headers());
      return j;
    }).toList()));
  }

  private Map<String, Object> json(HookSource s, String base, boolean withSecret) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("key", s.key());
    j.put("vendor", s.vendor().key());
    j.put("enabled", s.enabled());
    if (s.program() != null) j.put("program", s.program());
    if (s.kind() != null) j.put("kind", s.kind().key());
    if (s.touchpoint() != null) j.put("touchpoint", s.touchpoint());
    j.put("mapping", s.mapping());
    j.put("url", sources.endpoint(s, base));
    j.put("verification", s.vendor().scheme());
    j.put("createdAt", s.createdAt());
    if (withSecret) {
      j.put("secret", s.secret());
      j.put("pasteUrl", sources.pasteUrl(s, base));
    }
    return j;
  }

  private static String base(HttpServletRequest request) {
    return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
  }

  private static String str(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() ? null : v.asString();
  }

  private static ResponseEntity<?> notFound(String key) {
    return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", "no source " + key));
  }
}
