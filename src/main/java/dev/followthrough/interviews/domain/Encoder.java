package dev.followthrough.interviews.domain;

import java.util.List;

/** Sentence embeddings, L2-normalised, one per text (the in-process MiniLM model in production). */
@FunctionalInterface
public interface Encoder {
  List<float[]> encode(List<String> texts);

  static double cosine(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
