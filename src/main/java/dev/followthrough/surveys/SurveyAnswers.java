package dev.followthrough.surveys;

import dev.followthrough.outreach.Links;
import dev.followthrough.responses.ContactDirectory;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.SurveyIntake;
import dev.followthrough.surveys.domain.BotPattern;
import dev.followthrough.surveys.jdbc.JdbcSurveys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The survey page behind {@code /s/{token}}: program sends (one-click from the email, or the link
 * survey) and the re-survey links of follow-up cases. Opening a link never records an answer (mail
 * scanners open every link); the page records on a real interaction, a POST. Hits that look like a
 * machine's are recorded in {@code surveys_bot_hit} and answer nothing.
 */
@Service
public class SurveyAnswers {

  /** What the page shows. {@code kind}: {@code program} or {@code resurvey}. */
  public record Page(String kind, UUID sendId, UUID caseId, UUID contactId, String firstName, String program,
                     boolean allowAnonymous, Integer score, String comment, boolean followUpOptIn, String language,
                     boolean answered) {}

  /** A page visit: a person may be looking at it, or the hit looked like a machine's (the page still shows). */
  public record Visit(Page page, String botReason) {}

  /** {@code via}: {@code email} (one-click from the email's scale) or {@code link}. */
  public record Submission(int score, String comment, boolean followUpOptIn, boolean anonymous, String via,
                           String userAgent) {}

  public sealed interface Answered {
    record Recorded(Page page, boolean changed) implements Answered {}

    record Bot(String reason) implements Answered {}

    record Invalid(String field, String reason) implements Answered {}

    record NotFound() implements Answered {}
  }

  private static final Duration BURST_MEMORY = Duration.ofMinutes(2);

  private final Links links;
  private final JdbcSurveys store;
  private final ContactDirectory contacts;
  private final SurveyIntake intake;
  private final ResponseQueries responses;
  private final TransactionTemplate tx;
  private final SurveySettings settings;
  private final Clock clock;

  SurveyAnswers(Links links, JdbcSurveys store, ContactDirectory contacts, SurveyIntake intake, ResponseQueries responses,
                TransactionTemplate tx, SurveySettings settings, Clock clock) {
    this.links = links;
    this.store = store;
    this.contacts = contacts;
    this.intake = intake;
    this.responses = responses;
    this.tx = tx;
    this.settings = settings;
    this.clock = clock;
  }

  /** The page of a genuine token; empty for anything tampered with, expired or for a deleted send. */
  public Optional<Page> open(String token) {
    return links.verify(token).flatMap(this::page);
  }

  /**
   * A GET or HEAD of the page. With a {@code score} (a scale link from the email) the hit is remembered,
   * so all links of one email hit within a second are recognised as a scanner.
   */
  public Optional<Visit> visit(String token, String method, String userAgent, Integer score) {
    var claims = links.verify(token);
    if (claims.isEmpty()) return Optional.empty();
    Optional<Page> page = page(claims.get());
    if (page.isEmpty()) return Optional.empty();
    Instant now = clock.instant();
    String hash = hash(token);
    UUID sendId = page.get().sendId();
    Optional<String> bot = BotPattern.verdict(method, userAgent, java.util.List.of(), settings.botWindow(),
        BotPattern.SCANNER_AGENTS);
    if (bot.isEmpty() && score != null) {
      store.linkHit(hash, score, now);
      bot = BotPattern.burst(store.linkHits(hash, now.minus(BURST_MEMORY)), settings.botWindow());
    }
    if (bot.isPresent()) store.botHit(hash, sendId, method, score, userAgent, bot.get(), now);
    return Optional.of(new Visit(page.get(), bot.orElse(null)));
  }

  /** The answer from the page (or a changed one: the same send keeps one response, with revisions). */
  public Answered answer(String token, Submission s) {
    var claims = links.verify(token);
    if (claims.isEmpty()) return new Answered.NotFound();
    Optional<Page> found = page(claims.get());
    if (found.isEmpty()) return new Answered.NotFound();
    Page page = found.get();
    Instant now = clock.instant();
    String hash = hash(token);
    Optional<String> bot = BotPattern.verdict("POST", s.userAgent(), store.linkHits(hash, now.minus(BURST_MEMORY)),
        settings.botWindow(), BotPattern.SCANNER_AGENTS);
    if (bot.isPresent()) {
      store.botHit(hash, page.sendId(), "POST", s.score(), s.userAgent(), bot.get(), now);
      return new Answered.Bot(bot.get());
    }
    if (s.score() < 0 || s.score() > 10) return new Answered.Invalid("score", "must be 0..10");
    if (s.comment() != null && s.comment().length() > 4000) return new Answered.Invalid("comment", "must be at most 4000 characters");
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("followUpOptIn", s.followUpOptIn());
    attrs.put("channel", s.via() == null ? "link" : s.via());
    if (page.kind().equals("resurvey")) {
      if (page.caseId() != null) attrs.put("caseId", page.caseId().toString());
      var c = claims.get();
      String sourceId = "resurvey:" + (c.caseId() == null ? "contact" : c.caseId()) + ":" + c.contactId() + ":"
          + (c.expiresAt() == null ? 0 : c.expiresAt().getEpochSecond());
      var out = intake.record(new SurveyIntake.Answer("resurvey", sourceId, s.score(), s.comment(), null, null, "resurvey",
          page.language(), attrs, page.contactId()));
      return outcome(out, page, s, null);
    }
    SurveySend send = store.send(page.sendId()).orElseThrow();
    Program program = store.program(send.programId()).orElseThrow();
    boolean anonymous = s.anonymous() && program.allowAnonymous();
    attrs.put("programId", program.id().toString());
    if (!anonymous) attrs.put("sendId", send.id().toString());
    else attrs.put("anonymous", true);
    // keyed: an unkeyed hash of the send id (which the API lists with its contact) could be recomputed to re-identify
    String sourceId = anonymous ? "anon:" + links.pseudonym("survey-send:" + send.id()) : "send:" + send.id();
    return tx.execute(st -> {
      var out = intake.record(new SurveyIntake.Answer("survey", sourceId, s.score(), s.comment(), program.name(),
          program.kind().key(), send.touchpoint(), page.language(), attrs, anonymous ? null : send.contactId()));
      return outcome(out, page, s, out instanceof SurveyIntake.Outcome.Recorded r
          ? (Runnable) () -> store.answered(send.id(), anonymous ? null : s.score(), anonymous ? null : r.responseId(), now) : null);
    });
  }

  private Answered outcome(SurveyIntake.Outcome out, Page page, Submission s, Runnable after) {
    return switch (out) {
      case SurveyIntake.Outcome.Rejected x -> new Answered.Invalid(x.field(), x.reason());
      case SurveyIntake.Outcome.Recorded r -> {
        if (after != null) after.run();
        yield new Answered.Recorded(new Page(page.kind(), page.sendId(), page.caseId(), page.contactId(), page.firstName(),
            page.program(), page.allowAnonymous(), s.score(), s.comment(), s.followUpOptIn(), page.language(), true),
            r.changed());
      }
    };
  }

  private Optional<Page> page(Links.Claims c) {
    var member = contacts.find(c.contactId()).orElse(null);
    if (member == null) return Optional.empty();
    String first = member.name() == null || member.name().isBlank() ? null : member.name().strip().split("\\s+")[0];
    if (c.purpose().equals("survey")) {
      return Optional.of(new Page("resurvey", null, c.caseId(), member.id(), first, null, false, null, null, false,
          member.language(), false));
    }
    if (!c.purpose().equals("program_survey")) return Optional.empty();
    return store.send(c.caseId()).filter(s -> s.contactId().equals(c.contactId())).flatMap(send -> {
      Program p = store.program(send.programId()).orElseThrow();
      String comment = null;
      boolean optIn = false;
      if (send.responseId() != null) {
        var r = responses.find(send.responseId()).orElse(null);
        if (r != null) {
          comment = r.comment();
          optIn = Boolean.TRUE.equals(r.attributes().get("followUpOptIn"));
        }
      }
      Integer score = send.score();
      return Optional.of(new Page("program", send.id(), null, member.id(), first, p.name(), p.allowAnonymous(), score,
          comment, optIn, member.language(), send.respondedAt() != null));
    });
  }

  static String hash(String token) {
    return sha256(token);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
