package dev.followthrough.platform;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The language of a customer's text (a comment, an interview answer), offline: the n-gram profiles of
 * optimaize's language-detector (71 languages, inside its jar), with two guards that matter for NPS
 * comments, which are often a few words long.
 * <ul>
 *   <li>Too little text says nothing: fewer than {@value #MIN_LETTERS} letters → {@code und}
 *       ("Super", "RAS", "ok" are words in many languages).</li>
 *   <li>A prior: the language the customer was surveyed in (or their contact's language), when known,
 *       weighs {@value #PRIOR_WEIGHT}× in a short text's decision, so "Trop cher !" from a French
 *       customer stays French. A long text's n-grams outvote it.</li>
 * </ul>
 * A result below {@value #MIN_PROBABILITY} probability is {@code und}: an honest "not sure" beats a
 * wrong label in a filter. Hebrew script is Hebrew; the detector is thread-safe.
 */
@org.springframework.stereotype.Component
public final class LanguageDetection {

  public static final String UNDETERMINED = "und";
  static final int MIN_LETTERS = 10;
  static final int SHORT_LETTERS = 40;
  static final double PRIOR_WEIGHT = 4.0;
  static final double MIN_PROBABILITY = 0.6;

  /** Links, addresses, numbers and redaction masks ("XXXX") are no language's letters. */
  private static final Pattern NOISE = Pattern.compile("https?://\\S+|www\\.\\S+|\\S+@\\S+|[0-9]+|\\b[Xx]{2,}\\b");

  /**
   * Regional and small languages whose profiles look like a major neighbour's on a few words
   * (Asturian, Breton, Afrikaans, Tagalog… took 1–4% of short English and French comments): they
   * start with a twentieth of the weight, so only a text with their own n-grams ends there.
   */
  private static final Set<String> RARE = Set.of("af", "an", "ast", "br", "cy", "eu", "ga", "gl", "ht", "is", "km", "mt",
      "oc", "so", "sw", "tl", "yi");

  /** The short-text profiles (18 languages, from short messages) of the same library. */
  private static final List<String> SHORT_PROFILES = List.of("cs", "da", "de", "en", "es", "fi", "fr", "id", "it", "nl", "no",
      "pl", "pt", "ro", "sv", "tr", "vi");

  private final CompletableFuture<Models> models;
  private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

  /** Reading 88 profiles (~50 MB of heap) takes seconds: it starts with the application and is awaited by the first detection. */
  public LanguageDetection() {
    this.models = CompletableFuture.supplyAsync(LanguageDetection::load, r -> Thread.ofVirtual().name("language-profiles").start(r));
  }

  private record Models(LanguageDetector full, LanguageDetector shortText) {}

  private static Models load() {
    try {
      List<LanguageProfile> profiles = new LanguageProfileReader().readAllBuiltIn();
      Map<LdLocale, Double> priors = new HashMap<>();
      for (LanguageProfile p : profiles) priors.put(p.getLocale(), RARE.contains(p.getLocale().getLanguage()) ? 0.05 : 1.0);
      LanguageDetector full = LanguageDetectorBuilder.create(NgramExtractors.standard())
          .withProfiles(profiles)
          .languagePriorities(priors)
          .probabilityThreshold(0.01)
          .seed(20261207L) // the detector samples n-grams: a fixed seed gives the same answer every time
          .build();
      LanguageDetector shortText = LanguageDetectorBuilder.create(NgramExtractors.standard())
          .withProfiles(new LanguageProfileReader().read("languages.shorttext", SHORT_PROFILES))
          .probabilityThreshold(0.01)
          .seed(20261207L)
          .build();
      return new Models(full, shortText);
    } catch (IOException e) {
      throw new UncheckedIOException("the language profiles inside language-detector could not be read", e);
    }
  }

  /** The language of {@code text} with no prior. */
  public String detect(String text) {
    return detect(text, null);
  }

  /**
   * ISO 639-1 code ({@code fr}, {@code de}, {@code zh}…) or {@code und}; {@code expected} (may be null)
   * is the language the customer is thought to write in.
   */
  public String detect(String text, String expected) {
    if (text == null) return UNDETERMINED;
    // a thousand characters settle any language; the rest of a long complaint only costs time
    String clean = NOISE.matcher(text.length() > 1000 ? text.substring(0, 1000) : text).replaceAll(" ");
    int letters = 0, hebrew = 0, upper = 0;
    for (int i = 0; i < clean.length(); ) {
      int cp = clean.codePointAt(i);
      if (Character.isLetter(cp)) {
        letters++;
        if (Character.isUpperCase(cp)) upper++;
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HEBREW) hebrew++;
      }
      i += Character.charCount(cp);
    }
    if (letters < MIN_LETTERS) return UNDETERMINED;
    if (hebrew * 2 > letters) return "he";
    // the profiles are mostly lower-case n-grams: "ACCUEIL TRES SYMPATHIQUE" read as shouted English or German
    if (upper * 2 > letters) clean = clean.toLowerCase(Locale.ROOT);
    boolean latin = latin(clean, letters);
    List<DetectedLanguage> found = (letters < SHORT_LETTERS && latin ? models.join().shortText() : models.join().full()).getProbabilities(texts.forText(clean));
    if (found.isEmpty()) return UNDETERMINED;
    String prior = code(expected);
    Map<String, Double> p = new HashMap<>();
    double sum = 0;
    for (DetectedLanguage d : found) {
      String code = code(d.getLocale().getLanguage());
      double w = d.getProbability() * (letters < SHORT_LETTERS && code.equals(prior) ? PRIOR_WEIGHT : 1.0);
      p.merge(code, w, Double::sum);
      sum += w;
    }
    String best = UNDETERMINED;
    double bestP = 0;
    for (var e : p.entrySet()) {
      if (e.getValue() > bestP) {
        best = e.getKey();
        bestP = e.getValue();
      }
    }
    return bestP / sum >= MIN_PROBABILITY ? best : UNDETERMINED;
  }

  private static boolean latin(String s, int letters) {
    long n = s.codePoints().filter(cp -> Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN).count();
    return n * 10 >= letters * 9;
  }

  /** The two-letter language of a code or tag ({@code fr-CA} → {@code fr}), lower case; empty when none. */
  public static String code(String tag) {
    if (tag == null || tag.isBlank()) return "";
    String t = tag.strip().replace('_', '-');
    int dash = t.indexOf('-');
    return (dash < 0 ? t : t.substring(0, dash)).toLowerCase(Locale.ROOT);
  }
}
