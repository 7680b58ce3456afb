package dev.followthrough.outreach.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>},
 * the key being the base64 part of a {@code whsec_…} secret.
 */
public final class WebhookSignature {

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  public static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  public static String sign(String secret, String id, long timestamp, String body) {
    byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
    return "v1," + Base64.getEncoder().encodeToString(hmac(key, id + "." + timestamp + "." + body));
  }

  /** True when one of the space-separated signatures in the header matches. */
  public static boolean verify(String secret, String id, long timestamp, String body, String header) {
    byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    for (String candidate : header.split(" ")) {
      if (MessageDigest.isEqual(expected, candidate.strip().getBytes(StandardCharsets.US_ASCII))) return true;
    }
    return false;
  }

  static byte[] hmac(byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
