package dev.followthrough.web;

import dev.followthrough.surveys.SurveyAnswers;
import java.util.Locale;

/**
 * What the customer's survey page shows. {@code state}: {@code form} (answer or change), {@code thanks}
 * (saved; comment and opt-in can still be added), {@code invalid} (bad or expired link).
 * {@code autoSubmit}: the score came from the email's one-click scale and the visit did not look like a
 * mail scanner, so the page's script saves it after a moment (the button does the same without script).
 */
public record SurveyPageView(String state, String token, SurveyAnswers.Page page, Integer score, boolean autoSubmit,
                             String via, String error, Text t) {

  public boolean checked(int s) {
    return score != null && score == s;
  }

  /** The page's words in the contact's language (English unless German is asked for). */
  public record Text(String lang, String title, String question, String notLikely, String veryLikely, String reason,
                     String reasonHint, String optIn, String anonymous, String send, String confirm, String thanks,
                     String change, String invalidTitle, String invalidBody, String footer, String saving) {

    static final Text EN = new Text("en", "Your feedback",
        "How likely are you to recommend us to a friend or colleague?", "0 = not at all likely",
        "10 = extremely likely", "What is the primary reason for your score?", "Optional — in your own words.",
        "You may contact me about my answer.", "Answer anonymously (your name is not attached to the answer).",
        "Send", "Confirm my score", "Thank you — your answer is saved.",
        "You can add a reason or change your score with the same link.", "This link does not work",
        "It may be incomplete or it has expired. Copy the whole link from the email, or simply reply to the email.",
        "No tracking, no cookies. Your answer goes to the team that reads every response.", "Saving your score…");

    static final Text DE = new Text("de", "Ihr Feedback",
        "Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?", "0 = überhaupt nicht wahrscheinlich",
        "10 = äußerst wahrscheinlich", "Was ist der wichtigste Grund für Ihre Bewertung?", "Optional — in Ihren eigenen Worten.",
        "Sie dürfen mich zu meiner Antwort kontaktieren.", "Anonym antworten (Ihr Name wird nicht mit der Antwort gespeichert).",
        "Senden", "Bewertung bestätigen", "Danke — Ihre Antwort ist gespeichert.",
        "Mit demselben Link können Sie einen Grund ergänzen oder Ihre Bewertung ändern.", "Dieser Link funktioniert nicht",
        "Er ist unvollständig oder abgelaufen. Kopieren Sie den ganzen Link aus der E-Mail oder antworten Sie einfach auf die E-Mail.",
        "Kein Tracking, keine Cookies. Ihre Antwort geht an das Team, das jede Antwort liest.", "Ihre Bewertung wird gespeichert…");

    static Text of(String language) {
      return language != null && language.toLowerCase(Locale.ROOT).startsWith("de") ? DE : EN;
    }
  }
}
