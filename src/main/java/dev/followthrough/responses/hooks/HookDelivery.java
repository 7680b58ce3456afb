package dev.followthrough.responses.hooks;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One logged delivery: what arrived, what became of it and why. */
public record HookDelivery(UUID id, String source, Instant receivedAt, String outcome, int httpStatus, String reason,
                           UUID responseId, int responses, int bodyBytes, String body, Map<String, String> headers) {}
