package dev.followthrough.insights.domain;

import java.util.List;
import java.util.Optional;

/**
 * The taxonomy texts are coded against: categories of mechanisms, each mechanism with a description,
 * example phrases and the team that owns fixing it. Versioned: every change is a new version, and
 * every coding records the version it used.
 */
public record Codebook(int version, List<Category> categories) {

  public record Category(String key, String name, String description, List<Mechanism> mechanisms) {
    public Category {
      mechanisms = List.copyOf(mechanisms);
    }
  }

  /**
   * @param polarity    {@code problem} (what goes wrong) or {@code praise} (what customers value): problem clauses are
   *                    coded to problem mechanisms only, praise clauses to praise mechanisms only
   * @param notExamples what the mechanism is not: phrases near it that belong elsewhere (they push its vector away)
   */
  public record Mechanism(String key, String name, String description, List<String> examples, String owner, String polarity,
                          List<String> notExamples) {
    public static final String PROBLEM = "problem";
    public static final String PRAISE = "praise";

    public Mechanism {
      examples = List.copyOf(examples);
      polarity = polarity == null || polarity.isBlank() ? PROBLEM : polarity;
      notExamples = notExamples == null ? List.of() : List.copyOf(notExamples);
    }

    public Mechanism(String key, String name, String description, List<String> examples, String owner) {
      this(key, name, description, examples, owner, PROBLEM, List.of());
    }

    public boolean praise() {
      return PRAISE.equals(polarity);
    }
  }

  /** A mechanism with the category it sits in. */
  public record Entry(Category category, Mechanism mechanism) {}

  public Codebook {
    categories = List.copyOf(categories);
  }

  public Codebook withVersion(int v) {
    return new Codebook(v, categories);
  }

  public List<Entry> entries() {
    return categories.stream().flatMap(c -> c.mechanisms().stream().map(m -> new Entry(c, m))).toList();
  }

  public Optional<Entry> entry(String mechanismKey) {
    return entries().stream().filter(e -> e.mechanism().key().equals(mechanismKey)).findFirst();
  }

  /**
   * The texts whose embeddings are averaged into a mechanism's codebook vector. Measured: averaging the
   * separate embeddings of the description and of each example beats embedding one concatenated text.
   */
  public static List<String> describingTexts(Mechanism m) {
    List<String> texts = new java.util.ArrayList<>();
    texts.add(m.name() + ": " + m.description());
    texts.addAll(m.examples());
    return texts;
  }

  /** The texts a mechanism is not (its {@code notExamples}): their centroid pushes its vector away. */
  public static List<String> notTexts(Mechanism m) {
    return m.notExamples();
  }
}
