package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.platform.Role;
import dev.followthrough.support.IntegrationTest;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the server maps × every role, checked against the role table in the README ("Roles and
 * routes"). Below the least role → 403, whatever the body. At or above it → never 401/403 (and never
 * 5xx) for reads; writes are sent at or above the least role only where the handler reads a JSON body,
 * and then with a malformed one, so the walk changes nothing.
 */
class RoleWalkTest extends IntegrationTest {

  record Rule(Set<String> methods, List<String> paths, String least) {}

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private static final AntPathMatcher PATHS = new AntPathMatcher();
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  static List<Rule> table() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("### Roles and routes"));
    section = section.substring(0, section.indexOf("\n## "));
    List<Rule> rules = new ArrayList<>();
    Matcher row = Pattern.compile("(?m)^\\| (any|GET|POST|write) \\| (.+?) \\| (public|admin|manager|agent|viewer)\\b.*\\|$").matcher(section);
    while (row.find()) {
      Set<String> methods = switch (row.group(1)) {
        case "any" -> Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
        case "write" -> WRITES;
        default -> Set.of(row.group(1));
      };
      List<String> paths = new ArrayList<>();
      Matcher p = Pattern.compile("`([^`]+)`").matcher(row.group(2));
      while (p.find()) paths.add(p.group(1));
      rules.add(new Rule(methods, paths, row.group(3)));
    }
    assertThat(rules).as("the README's role table").hasSizeGreaterThan(5);
    return rules;
  }

  static String least(List<Rule> rules, String method, String path) {
    for (Rule r : rules) {
      if (r.methods().contains(method) && r.paths().stream().anyMatch(p -> PATHS.match(p, path))) return r.least();
    }
    throw new AssertionError("no row of the role table covers " + method + " " + path);
  }

  private static String concrete(String pattern) {
    return pattern.replaceAll("\\{token}", "tampered-token").replaceAll("\\{id}", UUID.randomUUID().toString())
        .replaceAll("\\{language}", "en").replaceAll("\\{kind}", "mechanism").replaceAll("\\{source}", "no-such-source")
        .replaceAll("\\{[^}]+}", "no-such-key");
  }

  @Test
  void every_route_answers_every_role_as_the_readme_table_says() throws Exception {
    List<Rule> rules = table();
    // one API key and one console session per role
    Map<Role, String> keys = new EnumMap<>(Role.class);
    Map<Role, ConsoleSession> consoles = new EnumMap<>(Role.class);
    Map<Role, String> csrf = new EnumMap<>(Role.class);
    ConsoleSession admin = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    for (Role role : Role.values()) {
      keys.put(role, post("/api/v1/api-keys", "{\"name\": \"" + unique("walk-" + role.key()) + "\", \"role\": \"" + role.key() + "\"}")
          .json().get("token").asString());
      if (role == Role.ADMIN) {
        consoles.put(role, admin);
      } else {
        String email = unique("walk-" + role.key()) + "@example.test";
        admin.post("/settings/users", Map.of("_csrf", admin.get("/settings/users").csrf(), "email", email, "displayName", role.key(),
            "password", "a-long-enough-password", "role", role.key()));
        consoles.put(role, ConsoleSession.signedIn(port, email, "a-long-enough-password"));
      }
      csrf.put(role, consoles.get(role).get("/cases").csrf());
    }

    List<String> wrong = new ArrayList<>();
    int checked = 0;
    Set<String> seen = new LinkedHashSet<>();
    for (var e : mappings.getHandlerMethods().entrySet()) {
      var info = e.getKey();
      HandlerMethod handler = e.getValue();
      Set<String> patterns = info.getPathPatternsCondition() == null ? info.getPatternValues()
          : info.getPathPatternsCondition().getPatternValues();
      Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
      List<String> methods = declared.isEmpty() ? List.of("GET", "POST") : declared.stream().map(Enum::name).toList();
      boolean jsonBody = java.util.Arrays.stream(handler.getMethod().getParameters()).anyMatch(this::isBody);
      for (String pattern : patterns) {
        for (String method : methods) {
          if (!seen.add(method + " " + pattern) || pattern.equals("/error")) continue;
          String least = least(rules, method, pattern);
          if (least.equals("public")) continue;
          Role needed = Role.parse(least);
          String path = concrete(pattern);
          for (Role role : Role.values()) {
            boolean allowed = role.ordinal() <= needed.ordinal();
            boolean write = WRITES.contains(method);
            if (allowed && write && !jsonBody) continue; // would run the action: the denial side is what matters
            int status = request(method, path, role, keys, consoles, csrf, allowed && write);
            checked++;
            if (!allowed && status != 403) wrong.add(method + " " + pattern + " as " + role.key() + ": " + status + " (needs " + least + ")");
            if (allowed && (status == 401 || status == 403 || status >= 500 || (status == 302 && !write && redirectsToLogin))) {
              wrong.add(method + " " + pattern + " as " + role.key() + ": " + status + " (allowed from " + least + ")");
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(400);
    assertThat(wrong).as("routes that do not answer as the README's role table says (" + checked + " requests)").isEmpty();
  }

  private boolean redirectsToLogin;

  private boolean isBody(Parameter p) {
    return p.isAnnotationPresent(RequestBody.class);
  }

  private int request(String method, String path, Role role, Map<Role, String> keys, Map<Role, ConsoleSession> consoles,
                      Map<Role, String> csrf, boolean malformed) {
    redirectsToLogin = false;
    boolean api = path.startsWith("/api/") || path.startsWith("/actuator/");
    if (api) {
      var b = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + keys.get(role))
          .header("Content-Type", "application/json");
      var body = method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(malformed ? "{" : "{}");
      return send(b.method(method, body)).status();
    }
    ConsoleSession s = consoles.get(role);
    if (method.equals("GET")) {
      var page = s.get(path);
      redirectsToLogin = page.status() == 302 && page.location().contains("/login");
      return page.status();
    }
    return s.postRaw(path, "_csrf=" + java.net.URLEncoder.encode(csrf.get(role), java.nio.charset.StandardCharsets.UTF_8)).status();
  }
}
