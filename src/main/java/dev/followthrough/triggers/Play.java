package dev.followthrough.triggers;

/** What the follow-up is for; it chooses the templates and the call guide. */
public enum Play {
  /** Detractors: understand what went wrong and recover. */
  RECOVER,
  /** Passives: what would make it better. */
  IMPROVE,
  /** Promoters: thank them, ask for a referral or a review. */
  THANK_AND_REFER
}
