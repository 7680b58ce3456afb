package dev.followthrough.insights.eval;

import dev.followthrough.insights.domain.Embedder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps the embeddings of an evaluation run on disk, so a re-run that changes only the classifier is fast. */
final class CachingEmbedder implements Embedder {

  private final Embedder inner;
  private final Path file;
  private final Map<String, float[]> cache = new HashMap<>();
  private boolean dirty;

  CachingEmbedder(Embedder inner, Path file) {
    this.inner = inner;
    this.file = file;
    if (Files.exists(file)) {
      try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          String text = in.readUTF();
          float[] v = new float[in.readInt()];
          for (int j = 0; j < v.length; j++) v[j] = in.readFloat();
          cache.put(text, v);
        }
      } catch (IOException e) {
        cache.clear(); // a broken cache is only a slower run
      }
    }
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<String> missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
    if (!missing.isEmpty()) {
      List<float[]> v = inner.embed(missing);
      for (int i = 0; i < missing.size(); i++) cache.put(missing.get(i), v.get(i));
      dirty = true;
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) out.add(cache.get(t));
    return out;
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  void save() {
    if (!dirty) return;
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(cache.size());
      for (Map.Entry<String, float[]> e : cache.entrySet()) {
        out.writeUTF(e.getKey().length() > 20_000 ? e.getKey().substring(0, 20_000) : e.getKey());
        out.writeInt(e.getValue().length);
        for (float f : e.getValue()) out.writeFloat(f);
      }
      dirty = false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
