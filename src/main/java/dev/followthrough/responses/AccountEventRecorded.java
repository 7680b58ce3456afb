package dev.followthrough.responses;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A renewal, churn, downgrade or expansion of an account was recorded (once: a duplicate publishes nothing). */
public record AccountEventRecorded(UUID eventId, UUID accountId, String kind, LocalDate date, BigDecimal arrChange,
                                   Instant recordedAt) {}
