package dev.followthrough.responses.hooks;

import dev.followthrough.platform.FollowthroughSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /hooks/{source}}: no API key and no session (see the security configuration); the
 * source's adapter authenticates the delivery. The body is read raw: signatures are over bytes.
 */
@RestController
class HookController {

  private final WebhookReceiver receiver;
  private final FollowthroughSettings settings;

  HookController(WebhookReceiver receiver, FollowthroughSettings settings) {
    this.receiver = receiver;
    this.settings = settings;
  }

  @PostMapping("/hooks/{source}")
  ResponseEntity<?> receive(@PathVariable String source, HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readAllBytes(); // over the size limit → BodyTooLarge → 413
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) headers.put(name, request.getHeader(name));
    String query = request.getQueryString();
    String suffix = request.getRequestURI() + (query == null ? "" : "?" + query);
    List<String> urls = new ArrayList<>();
    if (settings.publicBaseUrl() != null && !settings.publicBaseUrl().isBlank())
      urls.add(settings.publicBaseUrl().replaceAll("/+$", "") + suffix);
    urls.add(request.getRequestURL() + (query == null ? "" : "?" + query));
    return receiver.receive(source, new HookRequest(request.getMethod(), urls, headers, query(query), body));
  }

  /** Read by hand: {@code getParameter} would consume a form-encoded body before we can verify its signature. */
  private static Map<String, String> query(String q) {
    Map<String, String> out = new LinkedHashMap<>();
    if (q == null) return out;
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(k, v);
      } catch (IllegalArgumentException ignored) {
        // a broken escape in the query: that parameter is not there
      }
    }
    return out;
  }
}
