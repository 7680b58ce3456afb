package dev.followthrough.insights.embedding;

import dev.followthrough.insights.domain.Embedder;
import dev.followthrough.insights.domain.Vectors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The quantised all-MiniLM-L6-v2 sentence model (384 dimensions), run in-process by ONNX Runtime. The
 * model file ships inside the langchain4j jar: nothing is downloaded, no text leaves the process.
 * Loaded once, on first use (~1 s); thread-safe.
 *
 * <p>One ONNX thread per text and one text per core: measured on 2 cores, this is ~25% faster than
 * langchain4j's default (ONNX's own thread pool per text on top of a thread per core, which
 * oversubscribes the cores).
 *
 * <p>Not batched into one padded tensor per call, on purpose: the model is dynamically quantised (int8), so
 * each call's activation scales come from the whole input tensor, and a text embedded in a batch of 32 came out
 * at cosine 0.965 to itself embedded alone (measured 2026-12-08; alone, the two implementations agree to 1e-9).
 * A comment's vector must not depend on which other comments arrived with it. The pipeline batches one level
 * up instead: the {@code insights.code} stage hands the embedder a few hundred texts per call, which run one
 * per core.
 */
public final class MiniLmEmbedder implements Embedder {

  public static final int DIMENSION = 384;

  private final Path cacheDir;
  private volatile Model model;

  /** @param cacheDir where DJL may unpack its tokenizer library (instead of the home directory) */
  public MiniLmEmbedder(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  private Model model() {
    Model m = model;
    if (m == null) {
      synchronized (this) {
        if (model == null) {
          try {
            Files.createDirectories(cacheDir);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          // DJL writes its native tokenizer into ~/.djl.ai unless told otherwise
          if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
          }
          model = new Model(Runtime.getRuntime().availableProcessors());
        }
        m = model;
      }
    }
    return m;
  }

  /** Loads the model now rather than on the first text. */
  public void warmUp() {
    embed(List.of("warm up"));
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) return List.of();
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "-" : t)).toList();
    List<Embedding> embeddings = model().embedAll(segments).content();
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) out.add(Vectors.normalized(e.vector()));
    return out;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  /** langchain4j's in-process model with our session options; the model and tokenizer come from its jar. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(int threads) {
      super(executor(threads));
      ClassLoader loader = Model.class.getClassLoader();
      try (InputStream onnx = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
           InputStream tokenizer = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
        if (onnx == null || tokenizer == null) throw new IllegalStateException("the MiniLM model is missing from the classpath");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        encoder = new OnnxBertBiEncoder(env, env.createSession(onnx.readAllBytes(), options), tokenizer, PoolingMode.MEAN);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (OrtException e) {
        throw new IllegalStateException("cannot load the MiniLM model", e);
      }
    }

    private static ExecutorService executor(int threads) {
      return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
        Thread t = new Thread(r, "minilm");
        t.setDaemon(true);
        return t;
      });
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }
}
