package dev.followthrough.triggers;

/** How the customer is followed up. */
public enum Channel {
  /** A call by a person (the account's CSM), with a call guide. */
  CALL,
  /** An invitation to the adaptive, AI-moderated interview. */
  INTERVIEW,
  /** A personal email from the owner. */
  EMAIL,
  /** A message inside the product. */
  IN_APP;

  /** Channels a person works; the others run without one and do not consume human capacity. */
  public boolean needsHuman() {
    return this == CALL || this == EMAIL;
  }
}
