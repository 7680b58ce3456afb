package dev.followthrough.platform;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits on the doors open to anyone: login attempts, the customer pages reached by token
 * ({@code /i/}, {@code /s/}, {@code /u/} and the interview token API), the in-app widget ({@code /w/}) and
 * vendor webhooks ({@code /hooks/}). A token bucket (Bucket4j) per door and client address, refilled
 * evenly over a minute; past it the answer is {@code 429} problem+json with {@code Retry-After}. Buckets
 * live in this node's memory (the least recently used are dropped past {@link #MAX_BUCKETS}), so with N
 * nodes behind a balancer a client gets up to N times the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RateLimitFilter extends OncePerRequestFilter {

  static final int MAX_BUCKETS = 100_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  enum Door { LOGIN, PUBLIC_PAGES, WIDGET, HOOKS }

  private final SecuritySettings settings;
  private final Set<String> exempt;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > MAX_BUCKETS;
    }
  };

  RateLimitFilter(SecuritySettings settings) {
    this.settings = settings;
    this.exempt = settings.exemptAddresses();
  }

  static Door doorOf(String method, String path) {
    if (path.equals("/login") && method.equals("POST")) return Door.LOGIN;
    if (path.startsWith("/i/") || path.startsWith("/s/") || path.startsWith("/u/")) return Door.PUBLIC_PAGES;
    if (path.startsWith("/api/v1/interviews/")) return Door.PUBLIC_PAGES;
    if (path.startsWith("/w/")) return Door.WIDGET;
    if (path.startsWith("/hooks/")) return Door.HOOKS;
    return null;
  }

  private int perMinute(Door door) {
    return switch (door) {
      case LOGIN -> settings.loginPerMinute();
      case PUBLIC_PAGES -> settings.publicPagesPerMinute();
      case WIDGET -> settings.widgetPerMinute();
      case HOOKS -> settings.hooksPerMinute();
    };
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Door door = doorOf(request.getMethod(), path);
    String client = request.getRemoteAddr();
    if (door == null || exempt.contains(client)) {
      chain.doFilter(request, response);
      return;
    }
    ConsumptionProbe probe = bucket(door, client).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
        + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType(Problems.PROBLEM_JSON.toString());
    response.getWriter().write(JSON.writeValueAsString(Problems.withField(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
        "rate", "more than " + perMinute(door) + " requests a minute from this address to " + door.name().toLowerCase().replace('_', ' ')
            + "; retry after " + seconds + " s")));
  }

  private Bucket bucket(Door door, String client) {
    String key = door + "|" + client;
    synchronized (buckets) {
      return buckets.computeIfAbsent(key, k -> Bucket.builder()
          .addLimit(l -> l.capacity(perMinute(door)).refillGreedy(perMinute(door), Duration.ofMinutes(1))).build());
    }
  }
}
