package dev.followthrough.insights.domain;

import java.util.List;

/** Dense vector arithmetic on float arrays; embeddings are kept L2-normalised so a dot product is a cosine. */
public final class Vectors {

  private Vectors() {}

  public static float dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return (float) s;
  }

  public static float[] normalized(float[] v) {
    double n = 0;
    for (float x : v) n += x * x;
    n = Math.sqrt(n);
    float[] out = new float[v.length];
    if (n == 0) return out;
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / n);
    return out;
  }

  /** The normalised mean of the vectors; the zero vector of {@code dim} when there are none. */
  public static float[] centroid(List<float[]> vectors, int dim) {
    float[] sum = new float[dim];
    for (float[] v : vectors) addScaled(sum, v, 1);
    return normalized(sum);
  }

  /** The plain (not normalised) mean of the vectors. */
  public static float[] mean(List<float[]> vectors, int dim) {
    float[] sum = new float[dim];
    for (float[] v : vectors) addScaled(sum, v, 1.0 / vectors.size());
    return sum;
  }

  /** The normalised mean weighted by {@code weights}. */
  public static float[] weightedCentroid(List<float[]> vectors, double[] weights, int dim) {
    float[] sum = new float[dim];
    for (int i = 0; i < vectors.size(); i++) addScaled(sum, vectors.get(i), weights[i]);
    return normalized(sum);
  }

  public static void addScaled(float[] into, float[] v, double factor) {
    for (int i = 0; i < into.length; i++) into[i] += (float) (v[i] * factor);
  }
}
