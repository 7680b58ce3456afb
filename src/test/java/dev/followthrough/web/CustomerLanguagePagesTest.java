package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.Play;
import dev.followthrough.interviews.InterviewFixtures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The customer pages (survey, interview, unsubscribe) in the customer's language: each of the nine
 * languages by Accept-Language, the contact's and the account's language ahead of the browser's, the
 * workspace default last; Arabic and Hebrew right to left.
 */
class CustomerLanguagePagesTest extends InterviewFixtures {

  /** A word of each page in each language, as the bundles say it (the send button, the unsubscribe button). */
  static final Map<String, String[]> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put("en", new String[] {"How likely are you to recommend us", "Send", "Stop these emails?"});
    WORDS.put("fr", new String[] {"Quelle est la probabilité que vous nous recommandiez", "Envoyer", "Ne plus recevoir ces e-mails ?"});
    WORDS.put("de", new String[] {"Wie wahrscheinlich ist es, dass Sie uns", "Senden", "Diese E-Mails nicht mehr erhalten?"});
    WORDS.put("es", new String[] {"¿Qué probabilidad hay de que nos recomiende", "Enviar", "¿Dejar de recibir estos correos?"});
    WORDS.put("pt", new String[] {"Qual a probabilidade de nos recomendar", "Enviar", "Deixar de receber estes e-mails?"});
    WORDS.put("nl", new String[] {"Hoe waarschijnlijk is het dat u ons aanbeveelt", "Versturen", "Deze e-mails niet meer ontvangen?"});
    WORDS.put("it", new String[] {"Quanto è probabile che ci consigli", "Invia", "Non ricevere più queste e-mail?"});
    WORDS.put("ar", new String[] {"ما مدى احتمال أن توصي بنا", "إرسال", "إيقاف هذه الرسائل؟"});
    WORDS.put("he", new String[] {"מה הסיכוי שתמליץ עלינו", "שליחה", "להפסיק לקבל את המיילים האלה?"});
  }

  Reply page(String path, String acceptLanguage) {
    var b = HttpRequest.newBuilder(URI.create(url(path))).GET();
    if (acceptLanguage != null) b.header("Accept-Language", acceptLanguage);
    return send(b);
  }

  String surveyPath(Customer c) {
    String link = links.surveyLink(c.caseId(), c.contactId());
    return link.substring(link.indexOf("/s/"));
  }

  String unsubscribePath(UUID contactId) {
    String link = links.unsubscribeLink(contactId);
    return link.substring(link.indexOf("/u/"));
  }

  void language(String table, UUID id, String language) {
    jdbc.sql("UPDATE " + table + " SET attributes = attributes || jsonb_build_object('language', ?::text) WHERE id = ?")
        .params(language, id).update();
  }

  static void assertIn(Reply r, String lang, int word) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.body()).contains("<html lang=\"" + lang + "\" dir=\"" + (lang.equals("ar") || lang.equals("he") ? "rtl" : "ltr") + "\"")
        .contains(WORDS.get(lang)[word]);
  }

  @Test
  void every_page_speaks_each_language_the_browser_asks_for() {
    Customer c = aCustomerWithACase(3, "Exports time out", Channel.INTERVIEW, Play.RECOVER);
    for (String lang : WORDS.keySet()) {
      String accept = lang + "-XX," + lang + ";q=0.9,en;q=0.1";
      assertIn(page(surveyPath(c), accept), lang, 0);
      assertIn(page("/i/" + c.token(), accept), lang, 1);
      assertIn(page(unsubscribePath(c.contactId()), accept), lang, 2);
    }
  }

  @Test
  void the_contacts_language_comes_first_then_the_accounts_then_the_browsers_then_the_default() {
    Customer c = aCustomerWithACase(3, "Exports time out", Channel.INTERVIEW, Play.RECOVER);
    // nothing known, no header: the workspace default (English)
    assertIn(page(surveyPath(c), null), "en", 0);
    // the browser's first language we speak, in its order of preference
    assertIn(page(surveyPath(c), "ja, nl;q=0.8, fr;q=0.5"), "nl", 0);
    assertIn(page(unsubscribePath(c.contactId()), "ja, nl;q=0.8, fr;q=0.5"), "nl", 2);
    // the account's language beats the browser's
    language("responses_account", c.accountId(), "it");
    assertIn(page(surveyPath(c), "fr"), "it", 0);
    assertIn(page("/i/" + c.token(), "fr"), "it", 1);
    // the contact's beats the account's
    language("responses_contact", c.contactId(), "de-AT");
    assertIn(page(surveyPath(c), "fr"), "de", 0);
    assertIn(page("/i/" + c.token(), "fr"), "de", 1);
    assertIn(page(unsubscribePath(c.contactId()), "fr"), "de", 2);
    // the contact's own language hides the account's; one we have no words for falls through to the browser's
    language("responses_contact", c.contactId(), "ja");
    assertIn(page(surveyPath(c), "fr"), "fr", 0);
  }

  @Test
  void a_broken_link_is_explained_in_the_browsers_language() {
    Reply survey = page("/s/not-a-token", "es");
    assertThat(survey.status()).isEqualTo(404);
    assertThat(survey.body()).contains("<html lang=\"es\"").contains("Este enlace no funciona");
    Reply unsubscribe = page("/u/not-a-token", "he");
    assertThat(unsubscribe.status()).isEqualTo(404);
    assertThat(unsubscribe.body()).contains("dir=\"rtl\"").contains("הקישור הזה לא עובד");
  }
}
