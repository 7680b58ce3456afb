package dev.followthrough.responses;

import java.time.Instant;
import java.util.UUID;

/** A contact asked never to be contacted again ({@code optedOut}), or took that back. */
public record ContactOptedOut(UUID contactId, boolean optedOut, Instant at) {}
