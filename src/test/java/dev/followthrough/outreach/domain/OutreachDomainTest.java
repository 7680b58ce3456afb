package dev.followthrough.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Plain-Java rules of outreach: quiet hours, backoff, template text, signatures, link tokens. */
class OutreachDomainTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void quiet_hours_move_a_late_message_to_the_morning_unless_the_deadline_comes_first() {
    QuietHours q = QuietHours.parse("21:00-08:00");
    Instant lateEvening = Instant.parse("2026-11-23T22:00:00Z"); // 23:00 in Berlin
    assertThat(q.sendAt(lateEvening, BERLIN, null)).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    assertThat(q.sendAt(lateEvening, BERLIN, Instant.parse("2026-11-24T03:00:00Z"))).isEqualTo(lateEvening);
    Instant earlyMorning = Instant.parse("2026-11-24T05:30:00Z"); // 06:30 local
    assertThat(q.sendAt(earlyMorning, BERLIN, null)).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    Instant noon = Instant.parse("2026-11-24T11:00:00Z");
    assertThat(q.sendAt(noon, BERLIN, null)).isEqualTo(noon);
    assertThat(QuietHours.parse("off").sendAt(lateEvening, BERLIN, null)).isEqualTo(lateEvening);
    assertThat(QuietHours.parse("12:00-14:00").isQuiet(java.time.LocalTime.of(13, 0))).isTrue();
  }

  @Test
  void backoff_doubles_up_to_its_cap_and_ends_after_max_attempts() {
    Backoff b = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(5), 4);
    assertThat(b.after(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(b.after(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(b.after(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(b.after(4)).isEqualTo(Duration.ofMinutes(5));
    assertThat(b.exhausted(3)).isFalse();
    assertThat(b.exhausted(4)).isTrue();
  }

  @Test
  void templates_fill_variables_keep_sections_only_when_present_and_escape_everything_in_html() {
    String t = "Hi {{firstName}},\n{{#comment}}you wrote \"{{comment}}\"{{/comment}}{{^comment}}no comment{{/comment}}\n\n{{link}}";
    assertThat(TemplateText.render(t, Map.of("firstName", "Dana", "comment", "", "link", "https://x.example/i/abc")))
        .isEqualTo("Hi Dana,\nno comment\n\nhttps://x.example/i/abc\n");
    String text = TemplateText.render(t, Map.of("firstName", "Dana", "comment", "<script>alert(1)</script>", "link", "https://x.example/i/abc"));
    assertThat(text).contains("you wrote \"<script>alert(1)</script>\"");
    String html = TemplateText.html(text);
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
        .contains("<a href=\"https://x.example/i/abc\">");
  }

  @Test
  void webhook_signatures_match_the_standard_webhooks_reference_example() {
    // the example from the Standard Webhooks specification
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    String signature = WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");
    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    assertThat(WebhookSignature.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}",
        "v1,bm9ldHUjKzFob2VudXRob2VodWUzMjRvdWVvdW9ldQo= " + signature)).isTrue();
    assertThat(WebhookSignature.newSecret()).startsWith("whsec_").hasSizeGreaterThan(40);
  }

  @Test
  void link_tokens_verify_expire_and_refuse_tampering() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes();
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    UUID caseId = UUID.randomUUID();
    UUID contactId = UUID.randomUUID();
    String token = new LinkToken(LinkToken.Purpose.INTERVIEW, caseId, contactId, now.plus(Duration.ofDays(14))).encode(key);
    assertThat(LinkToken.decode(token, key, now)).hasValueSatisfying(t -> {
      assertThat(t.caseId()).isEqualTo(caseId);
      assertThat(t.contactId()).isEqualTo(contactId);
      assertThat(t.purpose()).isEqualTo(LinkToken.Purpose.INTERVIEW);
    });
    assertThat(LinkToken.decode(token, key, now.plus(Duration.ofDays(15)))).isEmpty();
    assertThat(LinkToken.decode(token, "another-key-another-key-another!".getBytes(), now)).isEmpty();
    char[] chars = token.toCharArray();
    chars[3] = chars[3] == 'A' ? 'B' : 'A';
    assertThat(LinkToken.decode(new String(chars), key, now)).isEmpty();
    assertThat(LinkToken.decode("garbage", key, now)).isEmpty();
    String unsubscribe = new LinkToken(LinkToken.Purpose.UNSUBSCRIBE, null, contactId, null).encode(key);
    assertThat(LinkToken.decode(unsubscribe, key, now.plus(Duration.ofDays(3650)))).hasValueSatisfying(t -> assertThat(t.caseId()).isNull());
  }

  @Test
  void every_shipped_template_renders_and_customer_ones_never_ask_for_a_10() {
    for (var k : DefaultTemplates.KINDS) {
      var t = DefaultTemplates.find(k.key(), "en").orElseThrow();
      assertThat(t.subject()).isNotBlank();
      if (k.customer()) {
        assertThat(t.body()).doesNotContain("give us a 10").doesNotContainIgnoringCase("sorry").doesNotContainIgnoringCase("apolog");
        assertThat(t.body().chars().filter(ch -> ch == '?').count()).as(k.key()).isLessThanOrEqualTo(1);
      }
    }
  }
}
