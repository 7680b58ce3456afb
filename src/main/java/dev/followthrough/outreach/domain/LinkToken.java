package dev.followthrough.outreach.domain;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A customer link's token: what it is for, the case and contact, when it expires, and an
 * HMAC-SHA256 over all of it. Unguessable (the MAC) and unforgeable without the install's secret;
 * nothing is stored per link.
 */
public record LinkToken(Purpose purpose, UUID caseId, UUID contactId, Instant expiresAt) {

  public enum Purpose {
    INTERVIEW('i'), SURVEY('s'), UNSUBSCRIBE('u'),
    /** One send of a survey program; the case id slot holds the send's id. */
    PROGRAM_SURVEY('p');

    final char code;

    Purpose(char code) {
      this.code = code;
    }

    static Optional<Purpose> of(char c) {
      for (Purpose p : values()) if (p.code == c) return Optional.of(p);
      return Optional.empty();
    }
  }

  private static final UUID NONE = new UUID(0, 0);
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();

  public String encode(byte[] key) {
    ByteBuffer b = ByteBuffer.allocate(1 + 16 + 16 + 8);
    b.put((byte) purpose.code);
    put(b, caseId);
    put(b, contactId);
    b.putLong(expiresAt == null ? 0 : expiresAt.getEpochSecond());
    byte[] payload = b.array();
    return ENC.encodeToString(payload) + "." + ENC.encodeToString(mac(key, payload));
  }

  /** The token's claims when its MAC is right and it has not expired at {@code now}. */
  public static Optional<LinkToken> decode(String token, byte[] key, Instant now) {
    if (token == null || token.length() > 200) return Optional.empty();
    int dot = token.indexOf('.');
    if (dot < 0) return Optional.empty();
    byte[] payload;
    byte[] sig;
    try {
      payload = DEC.decode(token.substring(0, dot));
      sig = DEC.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (payload.length != 41 || !MessageDigest.isEqual(sig, mac(key, payload))) return Optional.empty();
    ByteBuffer b = ByteBuffer.wrap(payload);
    Optional<Purpose> purpose = Purpose.of((char) b.get());
    if (purpose.isEmpty()) return Optional.empty();
    UUID caseId = get(b);
    UUID contactId = get(b);
    long exp = b.getLong();
    Instant expiresAt = exp == 0 ? null : Instant.ofEpochSecond(exp);
    if (expiresAt != null && !now.isBefore(expiresAt)) return Optional.empty();
    return Optional.of(new LinkToken(purpose.get(), caseId, contactId, expiresAt));
  }

  private static void put(ByteBuffer b, UUID id) {
    UUID v = id == null ? NONE : id;
    b.putLong(v.getMostSignificantBits()).putLong(v.getLeastSignificantBits());
  }

  private static UUID get(ByteBuffer b) {
    UUID v = new UUID(b.getLong(), b.getLong());
    return v.equals(NONE) ? null : v;
  }

  private static byte[] mac(byte[] key, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
