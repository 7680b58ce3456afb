package dev.followthrough.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which language a customer is spoken to in. The first of: the contact's {@code language} attribute,
 * the account's, (on a page) the browser's {@code Accept-Language} in its order of preference, the
 * workspace default ({@code followthrough.default-language}) — each only if we have the words for it,
 * else English. A contact's own attribute hides its account's (a Japanese-speaking contact at an Italian
 * account is not written to in Italian): one we have no words for falls through to the browser's. Customer pages speak {@link #PAGES}; customer emails {@link #EMAILS}.
 */
@Component
public class CustomerLanguages {

  /** Survey, interview, unsubscribe pages and the widget; Arabic and Hebrew are laid out right to left. */
  public static final List<String> PAGES = List.of("en", "fr", "de", "es", "pt", "nl", "it", "ar", "he");
  /** The customer email templates shipped in these languages (others fall back to the default). */
  public static final List<String> EMAILS = List.of("en", "fr", "de", "es", "pt", "nl", "it");

  private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "yi");

  private final String defaultLanguage;

  public CustomerLanguages(LanguageSettings settings) {
    this.defaultLanguage = LanguageDetection.code(settings.defaultLanguage());
  }

  public String defaultLanguage() {
    return defaultLanguage.isEmpty() ? "en" : defaultLanguage;
  }

  /** A page's language: {@code known} (contact, then account; nulls skipped), then the Accept-Language header. */
  public String forPage(String acceptLanguage, String... known) {
    List<String> candidates = new ArrayList<>(List.of(nonNull(known)));
    candidates.addAll(accepted(acceptLanguage));
    return choose(PAGES, candidates);
  }

  /** An email's language: contact, account, then what else is known of the customer (nulls skipped). */
  public String forEmail(String... known) {
    return choose(EMAILS, List.of(nonNull(known)));
  }

  String choose(List<String> supported, List<String> candidates) {
    for (String c : candidates) {
      String code = LanguageDetection.code(c);
      if (supported.contains(code)) return code;
    }
    return supported.contains(defaultLanguage()) ? defaultLanguage() : "en";
  }

  public static boolean rightToLeft(String language) {
    return RIGHT_TO_LEFT.contains(LanguageDetection.code(language));
  }

  public static String direction(String language) {
    return rightToLeft(language) ? "rtl" : "ltr";
  }

  /** The header's languages in the browser's order of preference (q-values), without "*". */
  static List<String> accepted(String header) {
    if (header == null || header.isBlank()) return List.of();
    try {
      return Locale.LanguageRange.parse(header).stream().filter(r -> r.getWeight() > 0)
          .map(Locale.LanguageRange::getRange).filter(r -> !r.equals("*")).toList();
    } catch (IllegalArgumentException e) {
      return List.of(); // a malformed header says nothing
    }
  }

  private static String[] nonNull(String[] values) {
    return values == null ? new String[0] : java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toArray(String[]::new);
  }
}
