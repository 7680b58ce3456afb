package dev.followthrough.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets at rest (source secrets, Slack URLs, outbound webhook secrets, signing secrets): AES-256-GCM
 * with a random 96-bit nonce per value. A sealed value reads {@code ftenc:<key id>:<base64url(nonce ‖
 * ciphertext ‖ tag)>}; the key id (the first 8 hex digits of a hash of the key, never the key) says which
 * key opened it, so a value sealed under an old key still opens while {@code followthrough.previous-secrets}
 * lists that key, and {@link SecretsAtRest} re-seals it under the current one. The prefix and key id are
 * the GCM associated data: a value cannot be moved to another key id unnoticed.
 *
 * <p>Plain Java, no Spring: the keys come from {@link SecretsConfiguration}.
 */
public final class SecretBox {

  public static final String PREFIX = "ftenc:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Key current;
  private final Map<String, Key> keys = new LinkedHashMap<>();

  private record Key(String id, SecretKeySpec spec) {}

  /** {@code secret} seals and opens; each of {@code previous} only opens. */
  public SecretBox(String secret, List<String> previous) {
    if (secret == null || secret.isBlank()) throw new IllegalArgumentException("the secrets-at-rest key needs a secret");
    current = derive(secret);
    keys.put(current.id(), current);
    for (String p : previous) {
      if (p == null || p.isBlank()) continue;
      Key k = derive(p);
      keys.putIfAbsent(k.id(), k);
    }
  }

  /** The id of the key new values are sealed with. */
  public String keyId() {
    return current.id();
  }

  /** Ids of the keys that can open values, the current one first. */
  public List<String> keyIds() {
    return new ArrayList<>(keys.keySet());
  }

  /** Seals a clear value; {@code null} stays {@code null}. */
  public String seal(String clear) {
    if (clear == null) return null;
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad(current.id()));
      byte[] sealed = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + current.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Opens a stored value. A value without the prefix is a clear one written before secrets were sealed
   * (it is returned as it is, and re-sealed on the next start); {@code null} stays {@code null}.
   *
   * @throws SealedValueException when the value names a key that is not configured, or was tampered with
   */
  public String open(String stored) {
    if (stored == null || !isSealed(stored)) return stored;
    int colon = stored.indexOf(':', PREFIX.length());
    if (colon < 0) throw new SealedValueException("a sealed value without a key id");
    String id = stored.substring(PREFIX.length(), colon);
    Key k = keys.get(id);
    if (k == null) {
      throw new SealedValueException("a value is sealed with key " + id + ", which is neither followthrough.secret nor one of "
          + "followthrough.previous-secrets (configured: " + String.join(", ", keys.keySet()) + ")");
    }
    try {
      byte[] in = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
      if (in.length < NONCE_BYTES + TAG_BITS / 8) throw new SealedValueException("a sealed value is truncated");
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, k.spec(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      c.updateAAD(aad(id));
      return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new SealedValueException("a sealed value is not base64url");
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SealedValueException("a sealed value under key " + id + " does not authenticate (tampered with, or another key has that id)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** Whether a stored value is sealed under the current key (else it should be re-sealed). */
  public boolean isCurrent(String stored) {
    return stored != null && stored.startsWith(PREFIX + current.id() + ":");
  }

  private static byte[] aad(String keyId) {
    return (PREFIX + keyId).getBytes(StandardCharsets.UTF_8);
  }

  // HMAC-SHA256 under a fixed label: a key of its own for this purpose, so the AES key is never the
  // link-signing key derived from the same secret
  private static Key derive(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] key = mac.doFinal("followthrough secrets at rest v1".getBytes(StandardCharsets.UTF_8));
      byte[] idHash = MessageDigest.getInstance("SHA-256").digest(ByteBuffer.allocate(key.length + 6)
          .put("key-id".getBytes(StandardCharsets.US_ASCII)).put(key).array());
      return new Key(HexFormat.of().formatHex(idHash, 0, 4), new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** A stored value that cannot be opened with the configured keys. */
  public static final class SealedValueException extends RuntimeException {
    public SealedValueException(String message) {
      super(message);
    }
  }
}
