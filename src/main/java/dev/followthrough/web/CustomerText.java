package dev.followthrough.web;

import dev.followthrough.platform.CustomerLanguages;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The words of a customer page in one language ({@code messages_xx.properties}), with the page's
 * {@code lang} and {@code dir} ({@code rtl} for Arabic and Hebrew). A key missing in a language falls
 * back to English.
 */
public record CustomerText(String lang, String dir, MessageSource messages) {

  static CustomerText of(MessageSource messages, String language) {
    return new CustomerText(language, CustomerLanguages.direction(language), messages);
  }

  public String get(String key) {
    return messages.getMessage(key, null, key, Locale.forLanguageTag(lang));
  }
}
