package dev.followthrough.responses.domain;

import dev.followthrough.nps.Category;

public record Score(int value) {
  public Score {
    if (value < 0 || value > 10) throw new IllegalArgumentException("score must be 0..10, was " + value);
  }

  public Category category() {
    return Category.of(value);
  }
}
