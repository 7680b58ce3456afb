package dev.followthrough.actions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An intervention was shipped: the customers whose feedback led to it are told. */
public record InterventionShipped(UUID interventionId, String title, String team, List<String> mechanisms,
                                  String shippedBy, Instant shippedAt) {}
