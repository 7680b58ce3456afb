package dev.followthrough.platform;

/**
 * Thrown by request parsing when a field is wrong; the problem handler turns it into a 422
 * problem+json naming the field and the reason (or 400 when {@code malformed}).
 */
public class InvalidField extends RuntimeException {

  private final String field;
  private final String reason;

  public InvalidField(String field, String reason) {
    super(field + ": " + reason, null, false, false);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
