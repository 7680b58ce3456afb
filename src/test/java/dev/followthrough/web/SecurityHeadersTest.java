package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Headers, cookies and sessions of the console and the customer pages, over real HTTP. */
class SecurityHeadersTest extends IntegrationTest {

  private HttpResponse<String> raw(String path, String... headers) {
    try {
      var b = HttpRequest.newBuilder(URI.create(url(path))).GET();
      for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void the_csp_allows_no_inline_script_or_style_and_no_framing_and_the_templates_need_none() throws Exception {
    for (String path : List.of("/login", "/s/not-a-token", "/i/not-a-token", "/u/not-a-token")) {
      String csp = raw(path).headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(csp).as(path).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
          "form-action 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      assertThat(raw(path).headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
      assertThat(raw(path).headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
    }
    // what the CSP refuses must not be in any template: inline <script> bodies, <style>, style="", on…= handlers
    Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|<style\\b|\\sstyle=|\\son[a-z]+=\"|javascript:", Pattern.CASE_INSENSITIVE);
    try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
        Matcher m = inline.matcher(Files.readString(f));
        assertThat(m.find()).as(f + (m.hitEnd() ? "" : ": " + safeGroup(m))).isFalse();
      }
    }
  }

  private static String safeGroup(Matcher m) {
    try {
      return m.group();
    } catch (IllegalStateException e) {
      return "";
    }
  }

  @Test
  void hsts_and_secure_cookies_only_when_the_request_came_over_https_through_the_proxy() {
    var plain = raw("/login");
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure;"));

    var https = raw("/login", "X-Forwarded-Proto", "https");
    assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
    assertThat(https.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
        .containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax"));
  }

  @Test
  void signing_in_changes_the_session_id_and_signing_out_ends_the_session() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    String login = client.send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    String before = session(cookies);
    String csrf = csrfOf(login);
    var signedIn = client.send(form("/login", "username=" + enc(ADMIN_EMAIL) + "&password=" + enc(ADMIN_PASSWORD) + "&_csrf=" + enc(csrf)),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    String after = session(cookies);
    assertThat(after).as("session fixation: a new id after sign-in").isNotEqualTo(before);

    var home = client.send(HttpRequest.newBuilder(URI.create(url("/cases"))).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(home.statusCode()).isEqualTo(200);
    String csrf2 = csrfOf(home.body());

    // a form posted without the token is refused
    var forged = client.send(form("/logout", ""), HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);

    var out = client.send(form("/logout", "_csrf=" + enc(csrf2)), HttpResponse.BodyHandlers.ofString());
    assertThat(out.statusCode()).isEqualTo(302);
    // the old session id, replayed by someone who copied it, no longer signs anyone in
    HttpClient thief = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    var replay = thief.send(HttpRequest.newBuilder(URI.create(url("/cases"))).header("Cookie", "JSESSIONID=" + after).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(replay.statusCode()).isEqualTo(302);
    assertThat(replay.headers().firstValue("Location").orElse("")).endsWith("/login");
  }

  @Test
  void the_customer_pages_may_be_framed_only_by_the_configured_origins_and_the_console_never() {
    // default: nobody (the setting is exercised by ContentSecurityPolicyTest)
    assertThat(raw("/s/x").headers().firstValue("Content-Security-Policy").orElseThrow()).endsWith("frame-ancestors 'none'");
  }

  private HttpRequest form(String path, String body) {
    return HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static String session(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue)
        .findFirst().orElseThrow();
  }

  private static String csrfOf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
