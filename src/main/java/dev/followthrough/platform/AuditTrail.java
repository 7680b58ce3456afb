package dev.followthrough.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes an audit entry for every security-relevant request that succeeded (status below 400), in the
 * console and the API alike, from one table of routes — so a capability's controller cannot forget it.
 * Logins, failed logins, lockouts and logouts come from Spring Security's events ({@link LoginAttempts}).
 * The entry names the route, never the body (which may carry a secret or a password).
 */
@Configuration(proxyBeanMethods = false)
class AuditTrail implements WebMvcConfigurer {

  record Route(String action, HttpMethod method, String pattern) {}

  /** What is audited; a request matching none of these is not. First match wins. */
  static final List<Route> ROUTES = List.of(
      new Route("rule.tested", HttpMethod.POST, "/api/v1/rules/test"), // harmless, but marks the rule routes below
      new Route("rule.tested", HttpMethod.POST, "/rules/test"),
      new Route("api_key.created", HttpMethod.POST, "/api/v1/api-keys"),
      new Route("api_key.created", HttpMethod.POST, "/settings/api-keys"),
      new Route("api_key.revoked", HttpMethod.DELETE, "/api/v1/api-keys/*"),
      new Route("api_key.revoked", HttpMethod.POST, "/settings/api-keys/*/revoke"),
      new Route("user.created", HttpMethod.POST, "/settings/users"),
      new Route("user.changed", HttpMethod.POST, "/settings/users/**"),
      new Route("secrets.resealed", HttpMethod.POST, "/api/v1/secrets/reseal"),
      new Route("secrets.sealed", HttpMethod.POST, "/api/v1/secrets/seal"),
      new Route("secret.rotated", HttpMethod.POST, "/api/v1/sources/*/rotate-secret"),
      new Route("secret.rotated", HttpMethod.POST, "/settings/sources/*/rotate"),
      new Route("secret.rotated", HttpMethod.POST, "/settings/sources/*/secret"),
      new Route("secret.rotated", HttpMethod.POST, "/api/v1/survey-widget/secret/rotate"),
      new Route("secret.rotated", HttpMethod.POST, "/surveys/widget/rotate"),
      new Route("secret.revealed", HttpMethod.GET, "/api/v1/survey-widget/secret"),
      new Route("source.created", HttpMethod.POST, "/api/v1/sources"),
      new Route("source.created", HttpMethod.POST, "/settings/sources"),
      new Route("source.changed", HttpMethod.POST, "/settings/sources/*/enabled"),
      new Route("webhook.created", HttpMethod.POST, "/api/v1/webhooks"),
      new Route("webhook.created", HttpMethod.POST, "/outreach/webhooks"),
      new Route("webhook.deleted", HttpMethod.DELETE, "/api/v1/webhooks/*"),
      new Route("webhook.deleted", HttpMethod.POST, "/outreach/webhooks/*/delete"),
      new Route("slack.changed", HttpMethod.PUT, "/api/v1/slack-channels"),
      new Route("slack.changed", HttpMethod.POST, "/outreach/slack"),
      new Route("export", HttpMethod.GET, "/api/v1/rules/export"),
      new Route("export", HttpMethod.GET, "/rules/export.yaml"),
      new Route("export", HttpMethod.GET, "/insights/codebook/export"),
      new Route("export", HttpMethod.GET, "/api/v1/export"),
      new Route("personal_data.exported", HttpMethod.GET, "/api/v1/contacts/*/personal-data"),
      new Route("personal_data.erased", HttpMethod.DELETE, "/api/v1/contacts/*/personal-data"),
      new Route("rule.changed", HttpMethod.POST, "/api/v1/rules"),
      new Route("rule.changed", HttpMethod.POST, "/api/v1/rules/**"),
      new Route("rule.changed", HttpMethod.PUT, "/api/v1/rules/**"),
      new Route("rule.changed", HttpMethod.DELETE, "/api/v1/rules/**"),
      new Route("rule.changed", HttpMethod.POST, "/rules/**"),
      new Route("codebook.changed", HttpMethod.PUT, "/api/v1/codebook"),
      new Route("codebook.changed", HttpMethod.POST, "/insights/codebook"),
      new Route("team.changed", HttpMethod.PUT, "/api/v1/teams/**"),
      new Route("team.changed", HttpMethod.POST, "/api/v1/teams"),
      new Route("team.changed", HttpMethod.DELETE, "/api/v1/teams/**"),
      new Route("import", HttpMethod.POST, "/api/v1/imports/**"));

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final Audit audit;

  AuditTrail(Audit audit) {
    this.audit = audit;
  }

  /** The action a request stands for, or null. */
  static String actionOf(String method, String path) {
    for (Route r : ROUTES) {
      if (r.method().matches(method) && PATHS.match(r.pattern(), path)) return r.action();
    }
    return null;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (ex != null || response.getStatus() >= 400) return;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean revealed = "GET".equals(request.getMethod()) && request.getParameter("reveal") != null
            && PATHS.match("/settings/sources/*", path);
        String action = revealed ? "secret.revealed" : actionOf(request.getMethod(), path);
        if (action == null || action.equals("rule.tested")) return;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", request.getMethod());
        details.put("status", response.getStatus());
        audit.record(action, path, details);
      }
    });
  }
}
