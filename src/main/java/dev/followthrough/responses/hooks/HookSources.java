package dev.followthrough.responses.hooks;

import dev.followthrough.platform.FollowthroughSettings;
import dev.followthrough.platform.Ids;
import dev.followthrough.responses.domain.Kind;
import dev.followthrough.responses.hooks.jdbc.JdbcHookStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Survey sources for the console and the API: create, rotate secrets, enable, read the delivery log, send a test. */
@Service
public class HookSources {

  public static final int LOG_SIZE = 50;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private final JdbcHookStore store;
  private final FollowthroughSettings settings;
  private final Clock clock;

  HookSources(JdbcHookStore store, FollowthroughSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /** What an admin asks for; text fields as typed. */
  public record NewSource(String key, String vendor, String secret, String program, String kind, String touchpoint,
                          Map<String, String> mapping) {}

  public sealed interface Created {
    record Ok(HookSource source) implements Created {}
    record Invalid(String field, String reason) implements Created {}
  }

  public List<HookSource> list() {
    return store.sources();
  }

  public Optional<HookSource> find(String key) {
    return store.source(key);
  }

  public List<HookDelivery> deliveries(String key) {
    return store.deliveries(key, LOG_SIZE);
  }

  public Created create(NewSource n) {
    String key = n.key() == null ? "" : n.key().strip().toLowerCase(java.util.Locale.ROOT);
    if (!HookSource.KEY.matcher(key).matches())
      return new Created.Invalid("key", "must be 1–40 lower-case letters, digits, '-' or '_', starting with a letter or digit");
    Optional<Vendor> vendor = Vendor.parse(n.vendor());
    if (vendor.isEmpty()) return new Created.Invalid("vendor", "must be one of " + List.of(Vendor.values()).stream().map(Vendor::key).toList());
    Kind kind = null;
    if (n.kind() != null && !n.kind().isBlank()) {
      kind = Kind.parse(n.kind()).orElse(null);
      if (kind == null) return new Created.Invalid("kind", "must be \"relational\" or \"transactional\"");
    }
    for (var f : new String[][] {{"program", n.program()}, {"touchpoint", n.touchpoint()}})
      if (f[1] != null && f[1].strip().length() > 200) return new Created.Invalid(f[0], "must be at most 200 characters");
    String secret = n.secret() == null || n.secret().isBlank() ? newSecret() : n.secret().strip();
    String bad = checkSecret(secret);
    if (bad != null) return new Created.Invalid("secret", bad);
    Map<String, String> mapping = new LinkedHashMap<>();
    if (n.mapping() != null) {
      for (var e : n.mapping().entrySet()) {
        if (e.getValue() == null || e.getValue().isBlank()) continue;
        if (!GenericAdapter.FIELDS.contains(e.getKey()))
          return new Created.Invalid("mapping." + e.getKey(), "is not a mappable field; use one of " + GenericAdapter.FIELDS);
        String v = e.getValue().strip();
        if (v.length() > 200) return new Created.Invalid("mapping." + e.getKey(), "must be at most 200 characters");
        if (vendor.get() == Vendor.GENERIC && GenericAdapter.invalidPointer(v) != null)
          return new Created.Invalid("mapping." + e.getKey(), GenericAdapter.invalidPointer(v));
        mapping.put(e.getKey(), v);
      }
    }
    HookSource s = new HookSource(Ids.timeOrdered(clock.instant()), key, vendor.get(), secret, true, blankToNull(n.program()),
        kind, blankToNull(n.touchpoint()), mapping, clock.instant());
    return store.insert(s) ? new Created.Ok(s) : new Created.Invalid("key", "is already used by another source");
  }

  /** A new generated secret; the old one stops working at once. Empty if there is no such source. */
  public Optional<String> rotate(String key) {
    String secret = newSecret();
    return store.updateSecret(key, secret, clock.instant()) ? Optional.of(secret) : Optional.empty();
  }

  /** The vendor's own signing secret, pasted; null when it is acceptable and stored, else the reason. */
  public String replaceSecret(String key, String secret) {
    String s = secret == null ? "" : secret.strip();
    String bad = checkSecret(s);
    if (bad != null) return bad;
    return store.updateSecret(key, s, clock.instant()) ? null : "no such source";
  }

  public boolean enable(String key, boolean enabled) {
    return store.updateEnabled(key, enabled);
  }

  /** {@code followthrough.public-base-url}, else the base URL the request came in on. */
  public String baseUrl(String requestBase) {
    String base = settings.publicBaseUrl() == null || settings.publicBaseUrl().isBlank() ? requestBase : settings.publicBaseUrl();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public String endpoint(HookSource s, String requestBase) {
    return baseUrl(requestBase) + "/hooks/" + s.key();
  }

  /** The URL to paste into the vendor: with {@code ?token=} for vendors that cannot sign. */
  public String pasteUrl(HookSource s, String requestBase) {
    String url = endpoint(s, requestBase);
    return s.vendor().tokenInUrl() ? Samples.withToken(url, s.secret()) : url;
  }

  public record TestResult(int status, String body) {}

  /** Posts the vendor's signed sample to the real endpoint at {@code localBase} (this server) and reports the answer. */
  public Optional<TestResult> sendTest(String key, String localBase) {
    Optional<HookSource> source = store.source(key);
    if (source.isEmpty()) return Optional.empty();
    Samples.Delivery d = Samples.signed(source.get(), localBase + "/hooks/" + key, clock.instant());
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(d.url())).timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
    d.headers().forEach(b::header);
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return Optional.of(new TestResult(r.statusCode(), r.body()));
    } catch (IOException e) {
      return Optional.of(new TestResult(0, "could not reach " + localBase + ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(new TestResult(0, "interrupted"));
    }
  }

  static String newSecret() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return "whsec_" + Base64.getEncoder().encodeToString(b); // the Standard Webhooks form: usable as key and as token
  }

  private static String checkSecret(String s) {
    if (s.length() < 8) return "must be at least 8 characters";
    if (s.length() > 500) return "must be at most 500 characters";
    if (s.chars().anyMatch(Character::isWhitespace)) return "must not contain spaces";
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
