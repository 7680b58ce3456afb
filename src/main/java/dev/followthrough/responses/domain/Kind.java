package dev.followthrough.responses.domain;

import java.util.Locale;
import java.util.Optional;

public enum Kind {
  RELATIONAL, TRANSACTIONAL;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Kind> parse(String s) {
    for (Kind k : values()) if (k.key().equalsIgnoreCase(s.trim())) return Optional.of(k);
    return Optional.empty();
  }
}
