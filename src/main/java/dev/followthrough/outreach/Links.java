package dev.followthrough.outreach;

import dev.followthrough.outreach.domain.LinkToken;
import dev.followthrough.outreach.domain.LinkToken.Purpose;
import dev.followthrough.platform.FollowthroughSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal customer links: {@code /i/{token}} (interview), {@code /s/{token}} (survey) and
 * {@code /u/{token}} (unsubscribe). A token is signed with HMAC-SHA256 under a key derived from
 * {@code followthrough.secret}; when that is empty (development), from a random per-install secret
 * created once in {@code outreach_secret}. Interview and survey links expire after
 * {@code followthrough.outreach.link-expiry}; unsubscribe links never do.
 */
@Service
public class Links {

  /**
   * What a valid token says. {@code caseId} is null for unsubscribe links and contact-only re-surveys; for
   * {@code program_survey} links it is the survey send's id.
   */
  public record Claims(String purpose, UUID caseId, UUID contactId, Instant expiresAt) {}

  private final JdbcClient jdbc;
  private final FollowthroughSettings settings;
  private final OutreachSettings outreach;
  private final Clock clock;
  private final String fallbackBase;
  private final dev.followthrough.platform.SecretBox box; // the per-install secret is sealed at rest
  private volatile byte[] key;

  Links(JdbcClient jdbc, FollowthroughSettings settings, OutreachSettings outreach, Clock clock,
        dev.followthrough.platform.SecretBox box, @Value("${server.port:8080}") int port) {
    this.jdbc = jdbc;
    this.box = box;
    this.settings = settings;
    this.outreach = outreach;
    this.clock = clock;
    this.fallbackBase = "http://localhost:" + port;
  }

  public String baseUrl() {
    String b = settings.publicBaseUrl();
    b = b == null || b.isBlank() ? fallbackBase : b.strip();
    return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  public String interviewLink(UUID caseId, UUID contactId) {
    return baseUrl() + "/i/" + token(Purpose.INTERVIEW, caseId, contactId, clock.instant().plus(outreach.linkExpiry()));
  }

  public String surveyLink(UUID caseId, UUID contactId) {
    return baseUrl() + "/s/" + token(Purpose.SURVEY, caseId, contactId, clock.instant().plus(outreach.linkExpiry()));
  }

  /**
   * The personal link of one survey-program send ({@code /s/{token}}); {@link #verify} names it
   * {@code program_survey} with the send's id in {@code caseId}.
   */
  public String programSurveyLink(UUID sendId, UUID contactId) {
    return baseUrl() + "/s/" + token(Purpose.PROGRAM_SURVEY, sendId, contactId, clock.instant().plus(outreach.linkExpiry()));
  }

  public String unsubscribeLink(UUID contactId) {
    return baseUrl() + "/u/" + token(Purpose.UNSUBSCRIBE, null, contactId, null);
  }

  public Instant expiryFromNow() {
    return clock.instant().plus(outreach.linkExpiry());
  }

  /** The claims of a genuine, unexpired token; empty for anything tampered with, expired or malformed. */
  public Optional<Claims> verify(String token) {
    return LinkToken.decode(token, key(), clock.instant())
        .map(t -> new Claims(t.purpose().name().toLowerCase(java.util.Locale.ROOT), t.caseId(), t.contactId(), t.expiresAt()));
  }

  /** The contact an unsubscribe token names, if it is genuine. */
  public Optional<UUID> unsubscribeContact(String token) {
    return verify(token).filter(c -> c.purpose().equals("unsubscribe")).map(Claims::contactId);
  }

  /**
   * A stable pseudonym for {@code value} that only this server can compute (HMAC-SHA256 under the link key, 32 hex
   * characters): the same value always gives the same pseudonym, and nobody without the secret can go back.
   */
  public String pseudonym(String value) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key(), "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(("pseudonym\u0000" + value).getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String token(Purpose purpose, UUID caseId, UUID contactId, Instant expires) {
    return new LinkToken(purpose, caseId, contactId, expires).encode(key());
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      String secret = settings.secret() == null || settings.secret().isBlank() ? installSecret() : settings.secret();
      try {
        k = MessageDigest.getInstance("SHA-256").digest(("followthrough-links\u0000" + secret).getBytes(StandardCharsets.UTF_8));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      key = k;
    }
    return k;
  }

  private String installSecret() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    // the first node to get here wins; every node then reads the same secret
    jdbc.sql("INSERT INTO outreach_secret (id, secret, created_at) VALUES (1, :s, :now) ON CONFLICT (id) DO NOTHING")
        .param("s", box.seal(Base64.getEncoder().encodeToString(random))).param("now", Timestamp.from(clock.instant())).update();
    return box.open(jdbc.sql("SELECT secret FROM outreach_secret WHERE id = 1").query(String.class).single());
  }
}
