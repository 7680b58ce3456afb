package dev.followthrough.insights.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups texts that fit no mechanism into candidate themes: leader clustering on normalised vectors
 * (a text joins the most similar cluster centroid above the threshold, else starts a new one), then a
 * second pass that re-assigns every text to its nearest final centroid. Deterministic for a given order.
 */
public final class ThemeClusterer {

  /** Member indices (nearest to the centroid first) and the normalised centroid. */
  public record Cluster(List<Integer> members, float[] centroid) {}

  private ThemeClusterer() {}

  public static List<Cluster> cluster(List<float[]> vectors, double threshold, int minSize) {
    if (vectors.isEmpty()) return List.of();
    int dim = vectors.getFirst().length;
    List<float[]> sums = new ArrayList<>();
    List<float[]> centroids = new ArrayList<>();
    for (float[] v : vectors) {
      int best = nearest(centroids, v, threshold);
      if (best < 0) {
        sums.add(v.clone());
        centroids.add(v.clone());
      } else {
        Vectors.addScaled(sums.get(best), v, 1);
        centroids.set(best, Vectors.normalized(sums.get(best)));
      }
    }
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < centroids.size(); c++) members.add(new ArrayList<>());
    for (int i = 0; i < vectors.size(); i++) {
      int best = nearest(centroids, vectors.get(i), threshold);
      if (best >= 0) members.get(best).add(i);
    }
    List<Cluster> out = new ArrayList<>();
    for (List<Integer> m : members) {
      if (m.size() < minSize) continue;
      float[] centroid = Vectors.centroid(m.stream().map(vectors::get).toList(), dim);
      List<Integer> sorted = new ArrayList<>(m);
      sorted.sort(Comparator.comparingDouble((Integer i) -> Vectors.dot(vectors.get(i), centroid)).reversed());
      out.add(new Cluster(List.copyOf(sorted), centroid));
    }
    out.sort(Comparator.comparingInt((Cluster c) -> c.members().size()).reversed());
    return out;
  }

  private static int nearest(List<float[]> centroids, float[] v, double threshold) {
    int best = -1;
    double bestSim = threshold;
    for (int c = 0; c < centroids.size(); c++) {
      double s = Vectors.dot(centroids.get(c), v);
      if (s >= bestSim) { bestSim = s; best = c; }
    }
    return best;
  }
}
