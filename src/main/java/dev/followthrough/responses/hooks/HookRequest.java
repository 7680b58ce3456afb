package dev.followthrough.responses.hooks;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One delivery as it arrived: the raw body bytes (signatures are computed over them, never over
 * re-serialised JSON), headers with lower-case names, query parameters, and the URLs it may have
 * been addressed to (HubSpot signs the URL: behind a proxy that is the public one).
 */
public record HookRequest(String method, java.util.List<String> urls, Map<String, String> headers,
                          Map<String, String> query, byte[] body) {

  public HookRequest {
    headers = headers.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
        e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
    query = Map.copyOf(query);
    urls = java.util.List.copyOf(urls);
    body = body == null ? new byte[0] : body;
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean formEncoded() {
    String ct = header("content-type");
    return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }
}
