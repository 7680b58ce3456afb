package dev.followthrough.responses.hooks;

import dev.followthrough.platform.Ids;
import dev.followthrough.platform.Problems;
import dev.followthrough.responses.ResponseIntake;
import dev.followthrough.responses.domain.Intake;
import dev.followthrough.responses.domain.ResponseCommand;
import dev.followthrough.responses.hooks.jdbc.JdbcHookStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * One delivery, start to end: find the source, verify, refuse replays, parse, record through the
 * intake, and log what happened. Nothing is stored as a response unless the delivery is authentic
 * and well-formed; every delivery to a known source is logged, an unauthenticated one without its body.
 */
@Service
class WebhookReceiver {

  /** Headers kept in the log: enough to debug a delivery, never a credential. */
  private static final Set<String> LOGGED = Set.of("content-type", "user-agent", "webhook-id", "webhook-timestamp",
      "x-zendesk-webhook-id", "x-zendesk-webhook-invocation-id", "x-zendesk-webhook-signature-timestamp",
      "x-hubspot-request-timestamp", "x-hubspot-signature-version", "sm-apikey", "x-forwarded-for");
  private static final Set<String> SIGNATURES = Set.of("webhook-signature", "x-delighted-webhook-signature",
      "x-wootric-signature", "typeform-signature", "sm-signature", "x-zendesk-webhook-signature", "x-hubspot-signature-v3",
      "authorization", "x-followthrough-token");
  static final int MAX_LOGGED_BODY = 256 * 1024;

  private final JdbcHookStore store;
  private final ResponseIntake intake;
  private final Clock clock;

  WebhookReceiver(JdbcHookStore store, ResponseIntake intake, Clock clock) {
    this.store = store;
    this.intake = intake;
    this.clock = clock;
  }

  ResponseEntity<?> receive(String key, HookRequest request) {
    Instant now = clock.instant();
    var found = store.source(key);
    if (found.isEmpty())
      return Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "Unknown source", "source", "no source '" + key + "'"));
    HookSource source = found.get();
    if (!source.enabled()) {
      log(source, now, "rejected", 403, "the source is disabled", null, 0, request, false, null);
      return Problems.response(Problems.withField(HttpStatus.FORBIDDEN, "Source disabled", "source",
          "source '" + key + "' is disabled"));
    }
    VendorAdapter adapter = source.vendor().adapter();
    String replayKey;
    switch (adapter.verify(request, source.secret(), now)) {
      case VendorAdapter.Verification.Unauthorized u -> { return unauthorized(source, now, u.reason(), request); }
      case VendorAdapter.Verification.Verified v -> replayKey = v.replayKey();
    }
    if (replayKey != null && store.replaySeen(key, replayKey))
      return unauthorized(source, now, "replayed: this signed delivery was already received", request);
    return switch (adapter.parse(request, source)) {
      case VendorAdapter.Parsed.Malformed m -> {
        log(source, now, "rejected", 400, "body: " + m.reason(), null, 0, request, true, null);
        yield Problems.response(Problems.withField(HttpStatus.BAD_REQUEST, "Malformed request body", "body", m.reason()));
      }
      case VendorAdapter.Parsed.Invalid x -> {
        log(source, now, "rejected", 422, x.field() + ": " + x.reason(), null, 0, request, true, null);
        yield Problems.unprocessable(x.field(), x.reason());
      }
      case VendorAdapter.Parsed.Ignored i -> {
        UUID id = log(source, now, "ignored", 200, i.reason(), null, 0, request, true, replayKey);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ignored");
        body.put("reason", i.reason());
        body.put("delivery", id);
        yield ResponseEntity.ok(body);
      }
      case VendorAdapter.Parsed.Commands c -> record(source, now, c.commands(), request, replayKey);
    };
  }

  private ResponseEntity<?> record(HookSource source, Instant now, List<ResponseCommand> commands, HookRequest request,
                                   String replayKey) {
    List<Map<String, Object>> results = new ArrayList<>();
    Intake.Rejected firstRejected = null;
    UUID firstId = null;
    boolean recorded = false;
    boolean updated = false;
    for (ResponseCommand command : commands) {
      Intake outcome = intake.record(command);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sourceId", command.sourceId());
      switch (outcome) {
        case Intake.Recorded r -> { m.put("status", "recorded"); m.put("id", r.id()); m.put("category", r.category().key()); m.put("revision", 1); recorded = true; firstId = firstId == null ? r.id() : firstId; }
        case Intake.Updated u -> { m.put("status", "updated"); m.put("id", u.id()); m.put("category", u.category().key()); m.put("revision", u.revision()); updated = true; firstId = firstId == null ? u.id() : firstId; }
        case Intake.Duplicate d -> { m.put("status", "duplicate"); m.put("id", d.id()); m.put("category", d.category().key()); firstId = firstId == null ? d.id() : firstId; }
        case Intake.Rejected x -> { m.put("status", "rejected"); m.put("field", x.field()); m.put("reason", x.reason()); firstRejected = firstRejected == null ? x : firstRejected; }
      }
      results.add(m);
    }
    if (firstId == null && firstRejected != null) {
      log(source, now, "rejected", 422, firstRejected.field() + ": " + firstRejected.reason(), null, commands.size(), request, true, null);
      return Problems.unprocessable(firstRejected.field(), firstRejected.reason());
    }
    String outcome = recorded ? "accepted" : updated ? "updated" : "duplicate";
    int status = recorded ? 201 : 200;
    String reason = firstRejected == null ? null : "some responses rejected, first: " + firstRejected.field() + ": " + firstRejected.reason();
    UUID delivery = log(source, now, outcome, status, reason, firstId, commands.size(), request, true, replayKey);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", recorded ? "recorded" : updated ? "updated" : "duplicate");
    body.put("delivery", delivery);
    if (results.size() == 1) body.putAll(results.get(0));
    body.put("results", results);
    return ResponseEntity.status(status).body(body);
  }

  private ResponseEntity<ProblemDetail> unauthorized(HookSource source, Instant now, String reason, HookRequest request) {
    log(source, now, "unauthorized", 401, reason, null, 0, request, false, null);
    return Problems.response(Problems.withField(HttpStatus.UNAUTHORIZED, "Unauthorized", "signature", reason));
  }

  private UUID log(HookSource source, Instant now, String outcome, int status, String reason, UUID responseId, int responses,
                   HookRequest request, boolean keepBody, String replayKey) {
    UUID id = Ids.timeOrdered(now);
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach((k, v) -> {
      if (LOGGED.contains(k)) headers.put(k, v.length() > 300 ? v.substring(0, 300) : v);
      else if (SIGNATURES.contains(k)) headers.put(k, "(present)");
    });
    String body = null;
    if (keepBody) {
      byte[] b = request.body();
      body = new String(b, 0, Math.min(b.length, MAX_LOGGED_BODY), StandardCharsets.UTF_8).replace("\u0000", "");
    }
    HookDelivery d = new HookDelivery(id, source.key(), now, outcome, status, reason == null ? null
        : reason.length() > 1000 ? reason.substring(0, 1000) : reason, responseId, responses, request.body().length, body, headers);
    if (!store.log(d, replayKey) && replayKey != null) store.log(d, null); // a racing copy took the key: keep the log line
    return id;
  }
}
