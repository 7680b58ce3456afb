package dev.followthrough.insights.domain;

import java.util.List;

/** Turns texts into L2-normalised sentence embeddings (the in-process MiniLM model in production). */
public interface Embedder {

  /** One vector per text, in order. Texts beyond the model's window are truncated by the model. */
  List<float[]> embed(List<String> texts);

  int dimension();
}
