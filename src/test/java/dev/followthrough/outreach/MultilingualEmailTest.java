package dev.followthrough.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Customer emails over real SMTP (GreenMail) in the customer's language, and per-language edits. */
class MultilingualEmailTest extends OutreachFixtures {

  void language(String table, UUID id, String language) {
    jdbc.sql("UPDATE " + table + " SET attributes = attributes || jsonb_build_object('language', ?::text) WHERE id = ?")
        .params(language, id).update();
  }

  @Test
  void a_customer_of_a_french_account_is_invited_in_french() throws Exception {
    Customer c = aCustomer(3, "Le support met 8 jours à répondre.", null, zoneAt(12));
    language("responses_account", c.accountId(), "fr");
    anInterviewCase(c);

    MimeMessage mail = awaitMail(c.email());
    assertThat(mail.getSubject()).isEqualTo("Merci pour votre avis, Dana");
    Map<String, String> parts = parts(mail);
    assertThat(parts.get("text/plain")).startsWith("Bonjour Dana,").contains("Vous nous avez donné 3 sur 10")
        .contains("« Le support met 8 jours à répondre. »").contains("/i/")
        .containsPattern("fonctionne jusqu'au \\d{1,2} [a-zéû]+ \\d{4}") // a French date, not "7 Dec 2026"
        .doesNotContain("Hi ").doesNotContain("Thank you");
    assertThat(parts.get("text/html")).contains("Bonjour Dana").contains("<a href=\"");
  }

  @Test
  void with_no_language_on_contact_or_account_the_comments_language_decides() throws Exception {
    Customer c = aCustomer(2, "El soporte tarda ocho días en responder, es demasiado tiempo.", null, zoneAt(12));
    language("responses_contact", c.contactId(), "ja"); // a language we ship no emails in
    anInterviewCase(c);
    MimeMessage mail = awaitMail(c.email());
    assertThat(mail.getSubject()).isEqualTo("Gracias por su opinión, Dana");
    assertThat(parts(mail).get("text/plain")).startsWith("Hola Dana:");
  }

  @Test
  void an_edit_in_one_language_is_used_for_that_language_only_and_a_reset_brings_the_shipped_text_back() throws Exception {
    var saved = put("/api/v1/templates/invitation.recover/de",
        "{\"subject\": \"Ihre Meinung zählt, {{firstName}}\", \"body\": \"Hallo {{firstName}}, hier entlang: {{link}}\"}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    try {
      Customer german = aCustomer(3, "Der Export bricht immer ab.", null, zoneAt(12));
      language("responses_contact", german.contactId(), "de");
      anInterviewCase(german);
      assertThat(awaitMail(german.email()).getSubject()).isEqualTo("Ihre Meinung zählt, Dana");

      Customer dutch = aCustomer(3, "De export loopt steeds vast bij grote projecten.", null, zoneAt(12));
      language("responses_contact", dutch.contactId(), "nl");
      anInterviewCase(dutch);
      MimeMessage nl = awaitMail(dutch.email());
      assertThat(nl.getSubject()).isEqualTo("Bedankt voor uw feedback, Dana");
    } finally {
      var reset = put("/api/v1/templates/invitation.recover/de", "{\"subject\": \"\", \"body\": \"\"}");
      assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    }
    assertThat(get("/api/v1/templates/invitation.recover/de").json().get("subject").asString())
        .isEqualTo("Danke für Ihr Feedback{{#firstName}}, {{firstName}}{{/firstName}}");
  }
}
