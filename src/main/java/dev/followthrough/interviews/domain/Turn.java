package dev.followthrough.interviews.domain;

import java.time.Instant;

/**
 * One message of a transcript. {@code kind}: for the moderator question, probe, churn, acknowledge,
 * redirect, summary, closing; for the customer answer, stop. {@code depth}: on a customer's answer, the
 * depth reached with it (0 when it did not take the conversation deeper: off-topic, a stop, a confirmation).
 */
public record Turn(int seq, String speaker, String text, String phase, String kind, int depth, Instant at) {

  public static final String MODERATOR = "moderator";
  public static final String CUSTOMER = "customer";

  public boolean byCustomer() {
    return CUSTOMER.equals(speaker);
  }
}
