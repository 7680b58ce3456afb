package dev.followthrough.outreach;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.sun.net.httpserver.HttpServer;
import dev.followthrough.followup.FollowUps;
import dev.followthrough.support.IntegrationTest;
import dev.followthrough.support.TestClock;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.FollowUpRequested;
import dev.followthrough.triggers.OwnerPolicy;
import dev.followthrough.triggers.Play;
import dev.followthrough.triggers.PriorityFactor;
import dev.followthrough.triggers.SlaCalendar;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Fixtures in outreach's words: a customer with an email, a case on a channel, the mail they got. */
public abstract class OutreachFixtures extends IntegrationTest {

  @Autowired FollowUps followUps;
  @Autowired Scheduler scheduler;

  record Customer(UUID responseId, UUID contactId, UUID accountId, String email, int score, Instant receivedAt) {}

  @AfterEach
  void resetClock() {
    TestClock.INSTANCE.reset();
  }

  /**
   * A stored response the default rules leave alone (30 days old). {@code timezone}: the contact's
   * zone attribute (null: none).
   */
  Customer aCustomer(int score, String comment, String accountOwner, String timezone) {
    String id = unique("out");
    String email = id + "@customer.example";
    String respondedAt = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    String attrs = timezone == null ? "" : ", \"attributes\": {\"timezone\": \"" + timezone + "\"}";
    Reply r = post("/api/v1/responses", """
        {"source": "outreach-test", "sourceId": "%s", "score": %d, "comment": %s, "respondedAt": "%s",
         "contact": {"externalId": "%s", "email": "%s", "name": "Dana Ruiz"%s},
         "account": {"externalId": "%s", "name": "Acme %s", "tier": "enterprise", "arr": 240000,
                     "renewalDate": "2030-01-31"%s}}"""
        .formatted(id, score, comment == null ? "null" : JSON.writeValueAsString(comment), respondedAt, id, email, attrs,
            id, id, accountOwner == null ? "" : ", \"owner\": \"" + accountOwner + "\""));
    if (r.status() != 201) throw new AssertionError(r.toString());
    JsonNode b = r.json();
    return new Customer(UUID.fromString(b.get("id").asString()), UUID.fromString(b.get("contact").get("id").asString()),
        UUID.fromString(b.get("account").get("id").asString()), email, score, Instant.parse(b.get("receivedAt").asString()));
  }

  UUID openCase(Customer c, Channel channel, Play play, Duration sla, OwnerPolicy policy, String team) {
    var request = new FollowUpRequested(c.responseId(), 1, c.contactId(), c.accountId(), c.score(),
        c.score() <= 6 ? "detractor" : c.score() <= 8 ? "passive" : "promoter", c.receivedAt(), UUID.randomUUID(),
        "outreach test rule", channel, play, sla, SlaCalendar.CALENDAR, 60,
        List.of(new PriorityFactor("severity", 60, "score " + c.score())), policy, team, null, null, null,
        c.receivedAt());
    return followUps.open(request).orElseThrow();
  }

  UUID anInterviewCase(Customer c) {
    return openCase(c, Channel.INTERVIEW, Play.RECOVER, Duration.ofHours(48), OwnerPolicy.UNASSIGNED, null);
  }

  /** A zone where it is now about {@code hour} o'clock. */
  static String zoneAt(int hour) {
    int utc = TestClock.INSTANCE.instant().atZone(ZoneOffset.UTC).getHour();
    int offset = hour - utc;
    if (offset > 14) offset -= 24;
    if (offset < -12) offset += 24;
    return "UTC" + (offset >= 0 ? "+" : "-") + String.format("%02d:00", Math.abs(offset));
  }

  public static List<MimeMessage> mailTo(String address) {
    return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  MimeMessage awaitMail(String address) {
    return await("an email to " + address, () -> {
      scheduler.triggerCheckForDueExecutions();
      return mailTo(address).stream().findFirst();
    });
  }

  /** Content type (lower case, without parameters) → text of every leaf part. */
  static Map<String, String> parts(Part p) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    collect(p, out);
    return out;
  }

  private static void collect(Part p, Map<String, String> out) {
    try {
      Object content = p.getContent();
      if (content instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart b = mp.getBodyPart(i);
          collect(b, out);
        }
      } else {
        String type = p.getContentType().toLowerCase().split(";")[0].strip();
        out.put(type, content instanceof String s ? s : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  List<Map<String, Object>> rows(UUID caseId) {
    return jdbc.sql("SELECT kind, channel, status, reason, attempts, recipient, not_before, idempotency_key, id FROM outreach_message WHERE case_id = ? ORDER BY created_at")
        .param(caseId).query().listOfRows();
  }

  Map<String, Object> awaitRow(UUID caseId, String kind, String status) {
    return await(kind + " " + status + " on " + caseId, () -> {
      scheduler.triggerCheckForDueExecutions();
      return rows(caseId).stream().filter(r -> kind.equals(r.get("kind")) && status.equals(r.get("status"))).findFirst();
    });
  }

  /** Moves the clock and lets the timers run. */
  void advance(Duration d) {
    TestClock.INSTANCE.advance(d);
    scheduler.triggerCheckForDueExecutions();
  }

  /** A real local HTTP receiver (Slack, webhooks): records every request, answers {@code status}. */
  static final class Receiver implements AutoCloseable {
    record Request(String path, Map<String, List<String>> headers, String body) {
      String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
            .map(e -> e.getValue().getFirst()).orElse(null);
      }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final HttpServer server;
    volatile int status = 200;

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
            new String(body, StandardCharsets.UTF_8)));
        byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
      });
      server.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Waits for a request; {@code poke} lets due timers run (the scheduler's own polling may be asleep after a clock move). */
    Request await(String what, java.util.function.Predicate<Request> p, Runnable poke) {
      return IntegrationTest.await(what, () -> {
        poke.run();
        return new ArrayList<>(requests).stream().filter(p).findFirst();
      });
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  static Optional<String> find(String text, String regex) {
    var m = java.util.regex.Pattern.compile(regex).matcher(text);
    return m.find() ? Optional.of(m.group(m.groupCount() > 0 ? 1 : 0)) : Optional.empty();
  }
}
