package dev.followthrough.interviews.llm;

import dev.followthrough.interviews.domain.Moderator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the primary moderator (the LLM); on any error or timeout the built-in one answers instead. */
public final class FallbackModerator implements Moderator {

  private static final Logger log = LoggerFactory.getLogger(FallbackModerator.class);

  private final Moderator primary;
  private final Moderator fallback;

  public FallbackModerator(Moderator primary, Moderator fallback) {
    this.primary = primary;
    this.fallback = fallback;
  }

  @Override
  public String name() {
    return primary.name();
  }

  @Override
  public Move next(Context c) {
    try {
      return primary.next(c);
    } catch (RuntimeException e) {
      log.warn("the {} moderator failed ({}); the {} moderator asks instead", primary.name(), e.toString(), fallback.name());
      return fallback.next(c);
    }
  }
}
