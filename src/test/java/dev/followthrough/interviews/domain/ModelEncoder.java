package dev.followthrough.interviews.domain;

import dev.followthrough.insights.embedding.MiniLmEmbedder;
import java.nio.file.Path;

/** The real in-process MiniLM model for the moderator's unit tests (loaded once per test JVM, ~1 s). */
public final class ModelEncoder {

  private static final MiniLmEmbedder MODEL = new MiniLmEmbedder(
      Path.of(System.getProperty("ft.testDataDir", "target/test-data")).toAbsolutePath().resolve("djl"));
  public static final Encoder ENCODER = MODEL::embed;
  public static final AnswerReader READER = new AnswerReader(ENCODER);

  private ModelEncoder() {}
}
