package dev.followthrough.platform;

import java.util.List;

/**
 * The in-process sentence embedding model for any module (one model per JVM; the insights module
 * provides it). L2-normalised vectors, one per text, in order. Nothing leaves the process.
 */
public interface TextEmbeddings {
  List<float[]> embed(List<String> texts);
}
