package dev.followthrough.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login lockout and rate limits ({@code followthrough.security.*}). Rate limits count per client address
 * (the proxy's {@code X-Forwarded-For} when the request comes from a trusted proxy) and per node.
 */
@ConfigurationProperties("followthrough.security")
public record SecuritySettings(
    @DefaultValue("5") int loginMaxFailures,          // failed logins of one account before it is locked
    @DefaultValue("1m") Duration loginLockout,        // the first lockout; each further failure doubles it
    @DefaultValue("1h") Duration loginLockoutMax,     // the longest lockout; failures this old are forgotten
    @DefaultValue("20") int loginPerMinute,           // login attempts per client address per minute
    @DefaultValue("60") int publicPagesPerMinute,     // /i/, /s/, /u/ and the interview token API, per client address
    @DefaultValue("120") int widgetPerMinute,         // /w/ (in-app widget), per client address
    @DefaultValue("600") int hooksPerMinute,          // /hooks/ (vendor webhooks), per client address
    @DefaultValue("") String rateLimitExempt,         // comma-separated client addresses never limited (monitoring, load tests)
    @DefaultValue("") String customerFrameAncestors) { // origins that may frame /s/, /i/, /u/ (empty: none may)

  public SecuritySettings {
    if (loginMaxFailures < 1) throw new IllegalArgumentException("followthrough.security.login-max-failures must be at least 1");
    for (int n : new int[] {loginPerMinute, publicPagesPerMinute, widgetPerMinute, hooksPerMinute}) {
      if (n < 1) throw new IllegalArgumentException("followthrough.security.*-per-minute must be at least 1");
    }
  }

  public Set<String> exemptAddresses() {
    return Arrays.stream(rateLimitExempt.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }
}
