package dev.followthrough.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for the console: keeps cookies, reads CSRF tokens from forms, never follows redirects. */
final class ConsoleSession {

  record Page(int status, String location, String contentType, String body) {
    String csrf() {
      Matcher m = CSRF.matcher(body);
      if (!m.find()) throw new AssertionError("no CSRF token in the page: " + body);
      return m.group(1);
    }

    @Override
    public String toString() {
      return status + " " + location + " " + body;
    }
  }

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;

  ConsoleSession(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  static ConsoleSession signedIn(int port, String email, String password) {
    ConsoleSession s = new ConsoleSession(port);
    Page result = s.signIn(email, password);
    if (result.status() != 302 || result.location().contains("error")) throw new AssertionError("sign-in failed: " + result);
    return s;
  }

  Page signIn(String email, String password) {
    String csrf = get("/login").csrf();
    return post("/login", Map.of("username", email, "password", password, "_csrf", csrf));
  }

  Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
  }

  Page getJson(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  Page get(String path, String header, String value) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").header(header, value).GET());
  }

  Page post(String path, Map<String, String> form) {
    Map<String, String> ordered = new LinkedHashMap<>(form);
    String body = ordered.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A form body as given, for repeated keys ({@code ids=a&ids=b}). */
  Page postRaw(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(""),
          r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
