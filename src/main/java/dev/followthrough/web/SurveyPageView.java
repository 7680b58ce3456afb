package dev.followthrough.web;

import dev.followthrough.surveys.SurveyAnswers;

/**
 * What the customer's survey page shows. {@code state}: {@code form} (answer or change), {@code thanks}
 * (saved; comment and opt-in can still be added), {@code invalid} (bad or expired link).
 * {@code autoSubmit}: the score came from the email's one-click scale and the visit did not look like a
 * mail scanner, so the page's script saves it after a moment (the button does the same without script).
 */
public record SurveyPageView(String state, String token, SurveyAnswers.Page page, Integer score, boolean autoSubmit,
                             String via, String error, CustomerText t) {

  public boolean checked(int s) {
    return score != null && score == s;
  }
}
