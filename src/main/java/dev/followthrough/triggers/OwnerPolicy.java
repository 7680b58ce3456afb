package dev.followthrough.triggers;

/** Who owns the case a rule opens. */
public enum OwnerPolicy {
  /** The account's owner if any, else round-robin within the team, else the fallback team. */
  ACCOUNT_OWNER,
  /** Round-robin within the rule's team (capacity-aware), else the fallback team. */
  TEAM,
  /** The named user ({@code owner} on the rule). */
  USER,
  /** Nobody: the case waits in the unassigned queue (or runs on a channel without a person). */
  UNASSIGNED
}
