package dev.followthrough.responses.hooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMACs, constant-time comparison and the freshness window shared by the adapters. */
public final class Signatures {

  /** A signed timestamp further than this from our clock is refused: a captured delivery cannot be replayed later. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private Signatures() {}

  public static byte[] hmac(String algorithm, byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
      for (byte[] p : parts) mac.update(p);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  public static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  public static String base64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** Constant time, so the comparison leaks nothing about how much of a guess was right. */
  public static boolean same(String expected, String given) {
    if (expected == null || given == null) return false;
    return MessageDigest.isEqual(utf8(expected), utf8(given.strip()));
  }

  public static boolean fresh(Instant signedAt, Instant now) {
    return !signedAt.isBefore(now.minus(TOLERANCE)) && !signedAt.isAfter(now.plus(TOLERANCE));
  }

  /** The source's own secret as a token: {@code ?token=}, {@code Authorization: Bearer} or {@code X-Followthrough-Token}. */
  public static VendorAdapter.Verification token(HookRequest r, String secret) {
    String given = r.query().get("token");
    if (given == null) given = r.header("x-followthrough-token");
    String auth = r.header("authorization");
    if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) given = auth.substring(7);
    if (given == null) return new VendorAdapter.Verification.Unauthorized(
        "no token: add ?token=<secret> to the URL or send 'Authorization: Bearer <secret>'");
    return same(secret, given) ? new VendorAdapter.Verification.Verified(null)
        : new VendorAdapter.Verification.Unauthorized("wrong token");
  }

  /** Standard Webhooks (standardwebhooks.com): v1 = base64(HMAC-SHA256(key, id.timestamp.body)), key = base64 after "whsec_". */
  public static VendorAdapter.Verification standardWebhooks(HookRequest r, String secret, Instant now) {
    String id = r.header("webhook-id");
    String ts = r.header("webhook-timestamp");
    String sig = r.header("webhook-signature");
    if (id == null || ts == null || sig == null)
      return new VendorAdapter.Verification.Unauthorized("missing webhook-id, webhook-timestamp or webhook-signature header");
    long seconds;
    try {
      seconds = Long.parseLong(ts.strip());
    } catch (NumberFormatException e) {
      return new VendorAdapter.Verification.Unauthorized("webhook-timestamp is not Unix seconds");
    }
    if (!fresh(Instant.ofEpochSecond(seconds), now))
      return new VendorAdapter.Verification.Unauthorized("stale: webhook-timestamp is more than 5 minutes from now");
    String expected = base64(hmac("HmacSHA256", standardKey(secret), utf8(id + "." + ts.strip() + "."), r.body()));
    for (String candidate : sig.strip().split(" ")) {
      int comma = candidate.indexOf(',');
      if (comma > 0 && candidate.substring(0, comma).equals("v1") && same(expected, candidate.substring(comma + 1)))
        return new VendorAdapter.Verification.Verified("wh:" + id);
    }
    return new VendorAdapter.Verification.Unauthorized("webhook-signature does not match");
  }

  static byte[] standardKey(String secret) {
    if (secret.startsWith("whsec_")) {
      try {
        return Base64.getDecoder().decode(secret.substring(6));
      } catch (IllegalArgumentException e) {
        return utf8(secret);
      }
    }
    return utf8(secret);
  }
}
