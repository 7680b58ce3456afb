package dev.followthrough.insights.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF over lowercase word unigrams and bigrams (stop words dropped), with sublinear term frequency
 * and smoothed IDF. Used to name emerging themes by their key phrases, and as the evaluation baseline.
 */
public final class TfIdf {

  static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList(("a about above after again against all am an and any are as at be because been before "
      + "being below between both but by can could did do does doing down during each few for from further had has have having "
      + "he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or "
      + "other our ours out over own same she should so some such than that the their theirs them then there these they this "
      + "those through to too under until up very was we were what when where which while who whom why will with would you "
      + "your yours im ive dont cant also get got one even still really much many us xxxx xx").split(" ")));

  private final Map<String, Integer> index;
  private final double[] idf;

  private TfIdf(Map<String, Integer> index, double[] idf) {
    this.index = index;
    this.idf = idf;
  }

  public static TfIdf fit(List<String> documents, int minDocumentFrequency) {
    Map<String, Integer> df = new HashMap<>();
    for (String d : documents) for (String t : Set.copyOf(terms(d))) df.merge(t, 1, Integer::sum);
    Map<String, Integer> index = new LinkedHashMap<>();
    List<Double> idf = new ArrayList<>();
    int n = documents.size();
    df.entrySet().stream().filter(e -> e.getValue() >= minDocumentFrequency).sorted(Map.Entry.comparingByKey())
        .forEach(e -> {
          index.put(e.getKey(), index.size());
          idf.add(Math.log((1.0 + n) / (1.0 + e.getValue())) + 1);
        });
    return new TfIdf(index, idf.stream().mapToDouble(Double::doubleValue).toArray());
  }

  public int dimension() {
    return idf.length;
  }

  /** The L2-normalised dense TF-IDF vector of a text. */
  public float[] vector(String text) {
    Map<Integer, Integer> tf = new HashMap<>();
    for (String t : terms(text)) {
      Integer i = index.get(t);
      if (i != null) tf.merge(i, 1, Integer::sum);
    }
    float[] v = new float[idf.length];
    tf.forEach((i, c) -> v[i] = (float) ((1 + Math.log(c)) * idf[i]));
    return Vectors.normalized(v);
  }

  /** The terms that most set {@code group} apart: summed TF-IDF weight in the group, best first. */
  public List<String> keyPhrases(List<String> group, int n) {
    double[] sum = new double[idf.length];
    for (String d : group) {
      float[] v = vector(d);
      for (int i = 0; i < v.length; i++) sum[i] += v[i];
    }
    List<String> vocab = new ArrayList<>(index.keySet());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < sum.length; i++) if (sum[i] > 0) order.add(i);
    order.sort(Comparator.comparingDouble((Integer i) -> sum[i] * (vocab.get(i).contains(" ") ? 1.5 : 1)).reversed());
    List<String> out = new ArrayList<>();
    for (int i : order) {
      String term = vocab.get(i);
      // a bigram's words need not be listed again on their own
      if (out.stream().anyMatch(o -> o.contains(" ") && (o.startsWith(term + " ") || o.endsWith(" " + term)))) continue;
      out.removeIf(o -> !o.contains(" ") && term.contains(" ") && (term.startsWith(o + " ") || term.endsWith(" " + o)));
      out.add(term);
      if (out.size() >= n) break;
    }
    return out;
  }

  /** Lowercase word unigrams and bigrams of non-stop words. */
  static List<String> terms(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      w = w.replace("'", "");
      if (w.length() >= 2 && !STOP.contains(w) && !w.chars().allMatch(Character::isDigit)) words.add(w);
    }
    List<String> out = new ArrayList<>(words);
    for (int i = 0; i + 1 < words.size(); i++) out.add(words.get(i) + " " + words.get(i + 1));
    return out;
  }
}
