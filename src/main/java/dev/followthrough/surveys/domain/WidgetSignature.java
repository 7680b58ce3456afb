package dev.followthrough.surveys.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The in-app widget's proof of identity: the customer's backend signs {@code <contact id>:<unix seconds>}
 * with the workspace's widget secret (hex HMAC-SHA256), so a page cannot answer as someone else, and an
 * old signature stops working after {@code maxAge}.
 */
public final class WidgetSignature {

  public sealed interface Check {
    record Valid() implements Check {}

    record Tampered() implements Check {}

    record Expired(Duration age) implements Check {}
  }

  private WidgetSignature() {}

  public static String sign(String secret, String contactId, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((contactId + ":" + timestamp).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks against every secret still accepted (the current one and, after a rotation, the previous one). */
  public static Check check(Iterable<String> secrets, String contactId, long timestamp, String signature,
                            Instant now, Duration maxAge) {
    if (contactId == null || signature == null) return new Check.Tampered();
    boolean genuine = false;
    for (String s : secrets) {
      if (s == null) continue;
      genuine |= MessageDigest.isEqual(sign(s, contactId, timestamp).getBytes(StandardCharsets.UTF_8),
          signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
    if (!genuine) return new Check.Tampered();
    Duration age = Duration.between(Instant.ofEpochSecond(timestamp), now);
    if (age.abs().compareTo(maxAge) > 0) return new Check.Expired(age);
    return new Check.Valid();
  }
}
