package dev.followthrough.insights.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text as the coder sees it. Its vector is the normalised mean of the embeddings of its ~100-word
 * chunks (the MiniLM tokenizer drops everything past 128 tokens, so a long complaint is not cut to
 * its first paragraph). Its segments carry their own embeddings, so a coding can point at the piece
 * that carries it (the evidence span): the sentences of a text up to 100 words (a one-sentence text
 * is embedded once), the ~100-word chunks of a longer one (its sentences would cost several times
 * the text itself).
 */
public record EmbeddedText(String text, List<Segments.Segment> segments, List<float[]> segmentVectors, float[] vector) {

  public static final int MAX_CHUNK_WORDS = 100;

  /** Embeds all pieces of all texts in one call to the model (identical pieces once), so it can parallelise. */
  public static List<EmbeddedText> embedAll(Embedder embedder, List<String> texts) {
    Map<String, Integer> pieces = new LinkedHashMap<>();
    List<List<Segments.Segment>> chunksOf = new ArrayList<>();
    List<List<Segments.Segment>> sentencesOf = new ArrayList<>();
    for (String raw : texts) {
      String t = raw == null ? "" : raw;
      List<Segments.Segment> chunks = Segments.chunks(t, MAX_CHUNK_WORDS);
      if (chunks.isEmpty()) chunks = List.of(new Segments.Segment(0, t.length(), t));
      // Sentences of a long text would cost several times the text itself: there the chunk is the evidence.
      List<Segments.Segment> sentences = chunks.size() > 1 ? chunks : Segments.clauses(t, MAX_CHUNK_WORDS);
      if (sentences.size() <= 1) sentences = chunks;
      chunksOf.add(chunks);
      sentencesOf.add(sentences);
      for (Segments.Segment s : chunks) pieces.putIfAbsent(s.text(), pieces.size());
      for (Segments.Segment s : sentences) pieces.putIfAbsent(s.text(), pieces.size());
    }
    List<float[]> vectors = pieces.isEmpty() ? List.of() : embedder.embed(new ArrayList<>(pieces.keySet()));
    List<EmbeddedText> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      List<float[]> chunkVectors = chunksOf.get(i).stream().map(s -> vectors.get(pieces.get(s.text()))).toList();
      List<float[]> sentenceVectors = sentencesOf.get(i).stream().map(s -> vectors.get(pieces.get(s.text()))).toList();
      out.add(new EmbeddedText(texts.get(i), sentencesOf.get(i), sentenceVectors,
          Vectors.centroid(chunkVectors, embedder.dimension())));
    }
    return out;
  }
}
