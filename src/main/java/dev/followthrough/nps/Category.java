package dev.followthrough.nps;

/** The standard NPS buckets of a 0..10 "how likely are you to recommend us" answer. */
public enum Category {
  DETRACTOR("detractor"),
  PASSIVE("passive"),
  PROMOTER("promoter");

  // Held explicitly rather than derived from name(): keys end up in URLs, JSON and stored rows, and renaming a
  // constant must not silently change them.
  private final String key;

  Category(String key) {
    this.key = key;
  }

  public static Category of(int score) {
    if (score < 0 || score > 10) throw new IllegalArgumentException("score must be 0..10, was " + score);
    return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
  }

  public String key() {
    return key;
  }
}
