package dev.followthrough.insights.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a codebook acceptable. The first broken rule is reported with the JSON path of the field. */
public final class CodebookRules {

  public record Violation(String field, String reason) {}

  public static final int MAX_CATEGORIES = 100;
  public static final int MAX_MECHANISMS = 500;
  public static final int MAX_EXAMPLES = 50;
  public static final int MAX_TEXT = 2_000;
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private CodebookRules() {}

  public static Optional<Violation> check(Codebook book) {
    List<Codebook.Category> categories = book.categories();
    if (categories.isEmpty()) return violation("categories", "must name at least one category");
    if (categories.size() > MAX_CATEGORIES) return violation("categories", "at most " + MAX_CATEGORIES + " categories");
    Set<String> categoryKeys = new HashSet<>();
    Set<String> mechanismKeys = new HashSet<>();
    for (int i = 0; i < categories.size(); i++) {
      Codebook.Category c = categories.get(i);
      String at = "categories[" + i + "]";
      Optional<Violation> v = key(at + ".key", c.key(), categoryKeys)
          .or(() -> text(at + ".name", c.name(), true))
          .or(() -> text(at + ".description", c.description(), false));
      if (v.isPresent()) return v;
      if (c.mechanisms().isEmpty()) return violation(at + ".mechanisms", "must name at least one mechanism");
      for (int j = 0; j < c.mechanisms().size(); j++) {
        Codebook.Mechanism m = c.mechanisms().get(j);
        String mat = at + ".mechanisms[" + j + "]";
        v = key(mat + ".key", m.key(), mechanismKeys)
            .or(() -> text(mat + ".name", m.name(), true))
            .or(() -> text(mat + ".description", m.description(), true))
            .or(() -> text(mat + ".owner", m.owner(), true));
        if (v.isPresent()) return v;
        if (!m.polarity().equals(Codebook.Mechanism.PROBLEM) && !m.polarity().equals(Codebook.Mechanism.PRAISE))
          return violation(mat + ".polarity", "must be 'problem' or 'praise'");
        if (m.notExamples().size() > MAX_EXAMPLES) return violation(mat + ".notExamples", "at most " + MAX_EXAMPLES + " examples");
        for (int k = 0; k < m.notExamples().size(); k++) {
          v = text(mat + ".notExamples[" + k + "]", m.notExamples().get(k), true);
          if (v.isPresent()) return v;
        }
        if (m.examples().size() > MAX_EXAMPLES) return violation(mat + ".examples", "at most " + MAX_EXAMPLES + " examples");
        for (int k = 0; k < m.examples().size(); k++) {
          v = text(mat + ".examples[" + k + "]", m.examples().get(k), true);
          if (v.isPresent()) return v;
        }
      }
    }
    if (mechanismKeys.size() > MAX_MECHANISMS) return violation("categories", "at most " + MAX_MECHANISMS + " mechanisms in all");
    return Optional.empty();
  }

  private static Optional<Violation> key(String field, String key, Set<String> seen) {
    if (key == null || key.isBlank()) return violation(field, "is required");
    if (!KEY.matcher(key).matches())
      return violation(field, "must be 1-64 lowercase letters, digits, '-' or '_', starting with a letter or digit");
    if (!seen.add(key)) return violation(field, "'" + key + "' is used twice");
    return Optional.empty();
  }

  private static Optional<Violation> text(String field, String value, boolean required) {
    if (value == null || value.isBlank()) return required ? violation(field, "is required") : Optional.empty();
    if (value.length() > MAX_TEXT) return violation(field, "at most " + MAX_TEXT + " characters");
    return Optional.empty();
  }

  private static Optional<Violation> violation(String field, String reason) {
    return Optional.of(new Violation(field, reason));
  }
}
