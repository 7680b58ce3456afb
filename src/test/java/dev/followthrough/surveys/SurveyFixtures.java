package dev.followthrough.surveys;

import dev.followthrough.support.IntegrationTest;
import dev.followthrough.support.TestClock;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Contacts, programs and emails for survey tests; every test tags its own contacts so waves never mix. */
public abstract class SurveyFixtures extends IntegrationTest {

  protected static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

  @Autowired protected SurveyWaves waves;
  @Autowired protected SurveyPrograms programs;

  @AfterEach
  protected void resetClock() {
    TestClock.INSTANCE.reset();
  }

  protected UUID account(String tier) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO responses_account (id, external_id, name, tier, created_at, updated_at)
        VALUES (?, ?, ?, ?, now(), now())""").params(id, unique("acct"), unique("Account"), tier).update();
    return id;
  }

  /** A contact carrying {@code tag} in its attributes (the audience filter of the test's program). */
  protected UUID contact(String tag, String email, UUID accountId, String timezone) {
    UUID id = UUID.randomUUID();
    String attrs = timezone == null ? "{\"tag\":\"" + tag + "\"}" : "{\"tag\":\"" + tag + "\",\"timezone\":\"" + timezone + "\"}";
    jdbc.sql("""
        INSERT INTO responses_contact (id, external_id, email, name, account_id, attributes, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), now(), now())""")
        .params(id, unique("ext"), email, "Dana " + unique("R"), accountId, attrs).update();
    return id;
  }

  protected String externalId(UUID contactId) {
    return jdbc.sql("SELECT external_id FROM responses_contact WHERE id = ?").param(contactId).query(String.class).single();
  }

  protected static String email(String prefix) {
    return unique(prefix) + "@example.test";
  }

  /** A relational program over the contacts tagged {@code tag}, starting today (UTC). */
  protected UUID relational(String tag, String extra) {
    String today = LocalDate.now(TestClock.INSTANCE.withZone(ZoneOffset.UTC)).toString();
    Reply r = post("/api/v1/survey-programs", """
        {"name": "%s", "kind": "relational", "cadenceMonths": 3, "startsOn": "%s",
         "audience": {"attribute": "tag", "value": "%s"}%s}""".formatted(unique("Quarterly"), today, tag, extra));
    if (r.status() != 201) throw new AssertionError(r.toString());
    return UUID.fromString(r.json().get("id").asString());
  }

  protected UUID transactional(String eventType, String extra) {
    Reply r = post("/api/v1/survey-programs", """
        {"name": "%s", "kind": "transactional", "eventType": "%s"%s}""".formatted(unique("Onboarding"), eventType, extra));
    if (r.status() != 201) throw new AssertionError(r.toString());
    return UUID.fromString(r.json().get("id").asString());
  }

  /** One contact surveyed by email by a new relational program; the email has arrived. */
  protected record Surveyed(UUID program, UUID contact, String address, MimeMessage mail) {}

  protected Surveyed surveyedByEmail(String prefix, String timezone, String programExtra) {
    String tag = unique("tag");
    String address = email(prefix);
    UUID contact = contact(tag, address, null, timezone);
    UUID program = relational(tag, programExtra);
    waves.planWaves(now());
    sendNow(program);
    return new Surveyed(program, contact, address, awaitMail(address));
  }

  protected List<SurveySend> sends(UUID programId) {
    return programs.sends(programId, null, 500);
  }

  protected SurveySend sendOf(UUID programId, UUID contactId) {
    return sends(programId).stream().filter(s -> s.contactId().equals(contactId)).findFirst().orElseThrow();
  }

  /** Makes every send of the program due now and runs the sending step. */
  protected void sendNow(UUID programId) {
    jdbc.sql("UPDATE surveys_send SET send_at = ? WHERE program_id = ? AND status = 'planned'")
        .params(Timestamp.from(TestClock.INSTANCE.instant().minusSeconds(1)), programId).update();
    waves.sendDue(TestClock.INSTANCE.instant());
  }

  protected static List<MimeMessage> mailTo(String address) {
    return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  protected static MimeMessage awaitMail(String address) {
    return await("mail to " + address, () -> mailTo(address).stream().findFirst());
  }

  protected static String text(MimeMessage m) {
    try {
      return part(m.getContent(), "text/plain").orElseThrow();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  protected static String html(MimeMessage m) {
    try {
      return part(m.getContent(), "text/html").orElseThrow();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<String> part(Object content, String type) throws Exception {
    if (content instanceof String s) return Optional.of(s);
    if (content instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart p = mp.getBodyPart(i);
        if (p.isMimeType(type)) return Optional.of((String) p.getContent());
        if (p.getContent() instanceof Multipart inner) {
          Optional<String> found = part(inner, type);
          if (found.isPresent()) return found;
        }
      }
    }
    return Optional.empty();
  }

  /** The path of the scale link for {@code score} in the email, e.g. {@code /s/abc.def?score=9}. */
  protected static String scaleLink(MimeMessage m, int score) {
    Matcher x = Pattern.compile("https?://[^/\\s]+(/s/[A-Za-z0-9_\\-.]+)\\?score=" + score + "\\b").matcher(text(m));
    if (!x.find()) throw new AssertionError("no scale link for " + score + " in " + text(m));
    return x.group(1) + "?score=" + score;
  }

  protected Reply page(String method, String path, String userAgent) {
    var b = HttpRequest.newBuilder(URI.create(url(path))).method(method, HttpRequest.BodyPublishers.noBody());
    if (userAgent != null) b.header("User-Agent", userAgent);
    return send(b);
  }

  protected Reply form(String path, Map<String, String> fields, String userAgent) {
    String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
        java.nio.charset.StandardCharsets.UTF_8)).reduce((a, b) -> a + "&" + b).orElse("");
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
        .header("User-Agent", userAgent).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  protected Instant now() {
    return TestClock.INSTANCE.instant();
  }
}
