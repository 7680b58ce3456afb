package dev.followthrough.surveys;

import dev.followthrough.responses.ContactDirectory;
import dev.followthrough.responses.SurveyIntake;
import dev.followthrough.surveys.domain.WidgetSignature;
import dev.followthrough.surveys.jdbc.JdbcSurveys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-app widget. The customer's backend signs the contact's external id and the time with the
 * workspace's widget secret; the widget shows the survey only when the contact has an outstanding
 * in-app send (so the same throttles apply as to email), and one signature records one answer.
 */
@Service
public class SurveyWidget {

  /** A request from the widget: who (external id), when signed (unix seconds), the signature. */
  public record Signed(String contact, long timestamp, String signature) {}

  public sealed interface Result {
    /** {@code show}: ask now; {@code program} names what the widget asks for. */
    /** {@code language}: the contact's (else its account's) language attribute, null when neither says. */
    record Eligible(boolean show, String program, String language) implements Result {}

    record Answered(boolean changed) implements Result {}

    record Unauthorized(String field, String reason) implements Result {}

    record Forbidden(String field, String reason) implements Result {}

    record Invalid(String field, String reason) implements Result {}
  }

  /** The secret as managers see it in the console. */
  public record Secret(String secret, boolean previousStillAccepted, Instant rotatedAt) {}

  private final JdbcSurveys store;
  private final ContactDirectory contacts;
  private final SurveyIntake intake;
  private final TransactionTemplate tx;
  private final SurveySettings settings;
  private final Clock clock;

  SurveyWidget(JdbcSurveys store, ContactDirectory contacts, SurveyIntake intake, TransactionTemplate tx,
               SurveySettings settings, Clock clock) {
    this.store = store;
    this.contacts = contacts;
    this.intake = intake;
    this.tx = tx;
    this.settings = settings;
    this.clock = clock;
  }

  public Secret secret() {
    var s = store.widgetSecret().orElseGet(() -> {
      store.createWidgetSecret(newSecret(), clock.instant());
      return store.widgetSecret().orElseThrow();
    });
    return new Secret(s.secret(), s.previous() != null, s.rotatedAt());
  }

  /** A new secret; the previous one keeps working until the next rotation so backends can switch over. */
  public Secret rotate() {
    secret();
    store.rotateWidgetSecret(newSecret(), clock.instant());
    return secret();
  }

  /** Should the widget ask this contact now? */
  public Result check(Signed s) {
    Result auth = authenticate(s);
    if (auth != null) return auth;
    var member = contacts.byExternalId(s.contact());
    if (member.isEmpty() || member.get().optedOut()) return new Result.Eligible(false, null, null);
    return store.openInApp(member.get().id())
        .map(send -> (Result) new Result.Eligible(true, store.program(send.programId()).map(Program::name).orElse(null),
            member.get().language()))
        .orElse(new Result.Eligible(false, null, null));
  }

  /** Records the contact's answer to their outstanding in-app survey; each signature answers once. */
  public Result answer(Signed s, int score, String comment) {
    Result auth = authenticate(s);
    if (auth != null) return auth;
    if (score < 0 || score > 10) return new Result.Invalid("score", "must be 0..10");
    if (comment != null && comment.length() > 4000) return new Result.Invalid("comment", "must be at most 4000 characters");
    Instant now = clock.instant();
    return tx.execute(st -> {
      // a signature answers once, whatever else is wrong with the request
      if (!store.useSignature(s.signature(), now)) return new Result.Forbidden("signature", "was used before (replay)");
      var member = contacts.byExternalId(s.contact());
      if (member.isEmpty()) return new Result.Forbidden("contact", "no survey is open for this contact");
      var send = store.openInApp(member.get().id());
      if (send.isEmpty()) return new Result.Forbidden("contact", "no survey is open for this contact");
      Program p = store.program(send.get().programId()).orElseThrow();
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("programId", p.id().toString());
      attrs.put("sendId", send.get().id().toString());
      attrs.put("channel", "in_app");
      var out = intake.record(new SurveyIntake.Answer("survey", "send:" + send.get().id(), score, comment, p.name(),
          p.kind().key(), send.get().touchpoint(), member.get().language(), attrs, member.get().id()));
      return switch (out) {
        case SurveyIntake.Outcome.Rejected x -> new Result.Invalid(x.field(), x.reason());
        case SurveyIntake.Outcome.Recorded r -> {
          store.answered(send.get().id(), score, r.responseId(), now);
          yield new Result.Answered(r.changed());
        }
      };
    });
  }

  /** Null when the signature is genuine and fresh; otherwise the refusal. */
  private Result authenticate(Signed s) {
    if (s.contact() == null || s.contact().isBlank()) return new Result.Unauthorized("contact", "is required");
    if (s.signature() == null || s.signature().isBlank()) return new Result.Unauthorized("signature", "is required");
    var secret = store.widgetSecret();
    if (secret.isEmpty()) return new Result.Unauthorized("signature", "the widget has no secret yet");
    List<String> accepted = new ArrayList<>();
    accepted.add(secret.get().secret());
    if (secret.get().previous() != null) accepted.add(secret.get().previous());
    return switch (WidgetSignature.check(accepted, s.contact(), s.timestamp(), s.signature(), clock.instant(),
        settings.widgetSignatureMaxAge())) {
      case WidgetSignature.Check.Valid v -> null;
      case WidgetSignature.Check.Tampered t -> new Result.Unauthorized("signature", "does not match the contact and timestamp");
      case WidgetSignature.Check.Expired e -> new Result.Unauthorized("timestamp",
          "the signature is " + e.age().abs().toSeconds() + " s old; at most " + settings.widgetSignatureMaxAge().toSeconds() + " s");
    };
  }

  private static String newSecret() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return "ftw_" + HexFormat.of().formatHex(b);
  }
}
