package dev.followthrough.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors. The JSON API ({@code /api/**}, {@code /actuator/**}) is stateless and takes
 * {@code Authorization: Bearer <api key>}; the console takes a form login with a session and CSRF.
 * Everything requires authentication except login, static assets and the health probe; customer
 * pages reached by token are added to {@link #PUBLIC_PAGES} by the capabilities that own them.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  static final String[] PUBLIC_PAGES = {"/login", "/webjars/**", "/assets/**", "/favicon.ico", "/error",
      "/u/**", "/i/**", "/s/**"}; // /u/{token}, /i/{token}, /s/{token}: a customer's own unsubscribe, interview and survey pages, authorised by their signed token

  /** Customer pages authorised by a signed token in the URL; one-click unsubscribe posts without a session. */
  static final String[] TOKEN_PAGES = {"/u/**", "/i/**", "/s/**"};

  /** The interview's JSON API for in-app and mobile front ends: the interview token in the path is the only credential. */
  static final String[] TOKEN_API = {"/api/v1/interviews/*", "/api/v1/interviews/*/answers", "/api/v1/interviews/*/stop"};

  /** Console forms that change how the program runs: managers and admins (agents work cases). */
  static final String[] CONSOLE_MANAGER_WRITES = {"/rules/**", "/actions/**", "/interviews/**", "/surveys/**", "/outreach/slack",
      "/outreach/webhooks/**", "/outreach/templates/**", "/insights/codebook", "/insights/themes/**", "/insights/backlog"};

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.withDefaultRolePrefix()
        .role("ADMIN").implies("MANAGER")
        .role("MANAGER").implies("AGENT")
        .role("AGENT").implies("VIEWER")
        .build();
  }

  /**
   * Vendor webhooks: no API key, no session, no CSRF — each source's adapter verifies the vendor's
   * signature (or the source's secret token) itself and answers 401 without storing anything.
   */
  @Bean
  @Order(0)
  SecurityFilterChain hooks(HttpSecurity http) throws Exception {
    http.securityMatcher("/hooks/**")
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .authorizeHttpRequests(a -> a.anyRequest().permitAll()); // only POST is mapped: other methods get 405 problem+json
    return http.build();
  }

  /**
   * The in-app survey widget ({@code /w/**}): called from customers' products across origins (CORS is the
   * surveys module's), authorised by an HMAC signature of contact and time that the surveys module checks.
   */
  @Bean
  @Order(0)
  SecurityFilterChain widget(HttpSecurity http) throws Exception {
    http.securityMatcher("/w/**")
        .csrf(c -> c.disable())
        .cors(org.springframework.security.config.Customizer.withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .authorizeHttpRequests(a -> a.anyRequest().permitAll());
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiKeys keys) throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        .csrf(c -> c.disable()) // no cookies on this door: a bearer key cannot be sent by a forged form
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers(TOKEN_API).permitAll()
            .requestMatchers("/actuator/**").hasRole("ADMIN")
            .requestMatchers("/api/v1/api-keys/**", "/api/v1/users/**").hasRole("ADMIN")
            .requestMatchers("/api/v1/secrets", "/api/v1/secrets/**").hasRole("ADMIN") // secrets at rest (hardening)
            .requestMatchers("/api/v1/audit", "/api/v1/audit/**").hasRole("ADMIN") // the audit log (hardening)
            .requestMatchers("/api/v1/sources", "/api/v1/sources/**").hasRole("MANAGER") // they reveal secrets
            .requestMatchers("/api/v1/survey-widget/**").hasRole("MANAGER") // reveals and rotates the widget secret
            .requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
            // rules and teams shape everyone's work: managers change them (testing a rule is harmless)
            .requestMatchers(HttpMethod.POST, "/api/v1/rules/test").hasRole("AGENT")
            .requestMatchers("/api/v1/rules/**", "/api/v1/rules", "/api/v1/teams/**", "/api/v1/teams").hasRole("MANAGER")
            .requestMatchers("/api/v1/interview-guides/**").hasRole("MANAGER")
            .requestMatchers(HttpMethod.POST, "/api/v1/survey-programs", "/api/v1/survey-programs/**").hasRole("MANAGER")
            .requestMatchers(HttpMethod.PUT, "/api/v1/survey-programs/**").hasRole("MANAGER")
            .requestMatchers("/api/v1/interventions", "/api/v1/interventions/**", "/api/v1/action-routing/**").hasRole("MANAGER")
            .requestMatchers(HttpMethod.POST, "/api/v1/reports", "/api/v1/reports/**").hasRole("MANAGER")
            .anyRequest().hasRole("AGENT"))
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED, "Unauthorized",
                "Authorization", "send a valid API key as 'Authorization: Bearer <key>'"))
            .accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN, "Forbidden",
                "role", "this API key's role may not do this")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain console(HttpSecurity http, SecuritySettings security) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers(PUBLIC_PAGES).permitAll()
            .requestMatchers("/settings/**").hasRole("ADMIN")
            // a role below the one a write needs is refused before a form is read (hardening; the README's role table)
            .requestMatchers(HttpMethod.POST, "/rules/test", "/outreach/templates/preview").hasRole("AGENT")
            .requestMatchers(HttpMethod.POST, CONSOLE_MANAGER_WRITES).hasRole("MANAGER")
            .requestMatchers(HttpMethod.GET, "/surveys/new", "/actions/new").hasRole("MANAGER")
            .requestMatchers(HttpMethod.POST).hasRole("AGENT")
            .requestMatchers(HttpMethod.PUT).hasRole("AGENT")
            .requestMatchers(HttpMethod.PATCH).hasRole("AGENT")
            .requestMatchers(HttpMethod.DELETE).hasRole("AGENT")
            .anyRequest().hasRole("VIEWER"))
        .csrf(c -> c.ignoringRequestMatchers(TOKEN_PAGES))
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .headers(h -> h
            .addHeaderWriter(new ContentSecurityPolicy(security.customerFrameAncestors())) // no 'unsafe-inline' (hardening)
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  private static void problem(HttpServletResponse res, HttpStatus status, String title, String field, String reason)
      throws java.io.IOException {
    res.setStatus(status.value());
    res.setContentType(Problems.PROBLEM_JSON.toString());
    if (status == HttpStatus.UNAUTHORIZED) res.setHeader("WWW-Authenticate", "Bearer");
    res.getWriter().write(JSON.writeValueAsString(Problems.withField(status, title, field, reason)));
  }
}
