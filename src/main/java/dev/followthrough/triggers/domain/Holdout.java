package dev.followthrough.triggers.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The holdout arm: a small share of contacts whose follow-ups are deliberately skipped, so the program can
 * measure what following up is worth (the listening dividend). The arm is a pure function of the contact and a
 * salt — SHA-256 of {@code salt:contactId} read as a number in [0, 1) — so a contact stays in its arm for every
 * response, on every node, after every restart. Exempt tiers (enterprise by default) are never held out.
 */
public record Holdout(double share, Set<String> exemptTiers, String salt) {

  public static final Holdout OFF = new Holdout(0, Set.of(), "");

  public Holdout {
    if (!(share >= 0 && share <= 0.5)) throw new IllegalArgumentException("holdout share must be 0..0.5, was " + share);
    salt = salt == null ? "" : salt;
  }

  public static Holdout of(double share, Collection<String> exemptTiers, String salt) {
    return new Holdout(share, exemptTiers.stream().map(t -> t.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet()), salt);
  }

  /**
   * Why this follow-up is held out, or empty when it goes ahead. {@code key} is the contact (the response when
   * the contact is unknown); {@code tier} as the rules see it (lower case).
   */
  public Optional<String> holdOut(UUID key, String tier) {
    if (share <= 0 || key == null) return Optional.empty();
    if (tier != null && exemptTiers.contains(tier.toLowerCase(Locale.ROOT))) return Optional.empty();
    double position = position(salt, key);
    if (position >= share) return Optional.empty();
    return Optional.of(String.format(Locale.ROOT,
        "holdout: this contact is in the %s holdout arm (not followed up on purpose, to measure what follow-up is worth)",
        SamplingPolicy.percent(share)));
  }

  /** Where the key falls in [0, 1): the first 53 bits of SHA-256(salt + ":" + key). */
  public static double position(String salt, UUID key) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((salt + ":" + key).getBytes(StandardCharsets.UTF_8));
      long bits = 0;
      for (int i = 0; i < 8; i++) bits = (bits << 8) | (h[i] & 0xff);
      return (bits >>> 11) * 0x1.0p-53;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
