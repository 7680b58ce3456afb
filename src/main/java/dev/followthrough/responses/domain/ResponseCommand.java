package dev.followthrough.responses.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * One response to record. {@code sourceId} may be null: then a fingerprint of who answered what
 * when stands in for it, so an exact re-delivery is still recognised as a duplicate.
 */
public record ResponseCommand(
    String source, String sourceId, Score score, String comment, Instant respondedAt,
    String program, Kind kind, String touchpoint, String language, Map<String, Object> attributes,
    ContactData contact, AccountData account) {

  public static final int MAX_COMMENT = 20_000;
  public static final int MAX_TEXT = 200;
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+$");

  public ResponseCommand {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    comment = comment == null || comment.isBlank() ? null : comment.strip();
  }

  /** Rules that hold whatever the channel; the parser has already checked types. */
  public Optional<Intake.Rejected> violations(Instant now) {
    if (source == null || source.isBlank()) return reject("source", "is required");
    if (source.length() > 64) return reject("source", "must be at most 64 characters");
    if (sourceId != null && sourceId.length() > MAX_TEXT) return reject("sourceId", "must be at most 200 characters");
    if (comment != null && comment.length() > MAX_COMMENT) return reject("comment", "must be at most 20000 characters");
    if (respondedAt != null && respondedAt.isAfter(now.plusSeconds(24 * 3600)))
      return reject("respondedAt", "is more than a day in the future");
    if (respondedAt != null && respondedAt.isBefore(EARLIEST))
      return reject("respondedAt", "is before 1990");
    for (var f : new String[][] {{"program", program}, {"touchpoint", touchpoint}, {"language", language}})
      if (f[1] != null && f[1].length() > MAX_TEXT) return reject(f[0], "must be at most 200 characters");
    if (contact != null) {
      if (blank(contact.externalId()) && blank(contact.email()))
        return reject("contact", "needs an externalId or an email");
      if (!blank(contact.email()) && !EMAIL.matcher(contact.email()).matches())
        return reject("contact.email", "is not an email address");
    }
    if (account != null) {
      if (blank(account.externalId())) return reject("account.externalId", "is required when an account is given");
      if (account.arr() != null && account.arr().signum() < 0) return reject("account.arr", "must not be negative");
      if (account.arr() != null && account.arr().compareTo(new java.math.BigDecimal("1e13")) >= 0)
        return reject("account.arr", "is too large");
    }
    return Optional.empty();
  }

  /** Without a source id, the same who/score/comment at the same instant (or, undated, the same UTC day) is a duplicate. */
  public String effectiveSourceId(Instant now) {
    if (sourceId != null && !sourceId.isBlank()) return sourceId;
    String when = respondedAt != null ? String.valueOf(respondedAt.toEpochMilli())
        : "day:" + now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    String who = contact == null ? "" : (blank(contact.externalId()) ? "e:" + contact.email().toLowerCase() : "x:" + contact.externalId());
    String fingerprint = String.join("\u001f", who, when,
        String.valueOf(score.value()), comment == null ? "" : comment, program == null ? "" : program);
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
      return "fp:" + HexFormat.of().formatHex(d, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Optional<Intake.Rejected> reject(String field, String reason) {
    return Optional.of(new Intake.Rejected(field, reason));
  }
}
