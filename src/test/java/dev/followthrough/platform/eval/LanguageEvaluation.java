package dev.followthrough.platform.eval;

import dev.followthrough.platform.LanguageDetection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Language detection accuracy on real comments in ../shared/data: the French garden-centre NPS
 * comments (French), the app reviews and the CFPB complaint narratives (English). Prints, per data set
 * and per length (letters), how many were detected right, left undetermined ({@code und}) or detected
 * wrong — without a prior, and with the right language as the prior (a customer surveyed in French).
 * Run by {@code scripts/evaluate-languages}.
 */
public final class LanguageEvaluation {

  record Sample(String text, String truth) {}

  static final int[] BUCKETS = {10, 20, 40, 80, Integer.MAX_VALUE};

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    Map<String, List<Sample>> sets = new LinkedHashMap<>();
    sets.put("french_retail_nps (fr)", column(data.resolve("french_retail_nps/nps_utf8.csv"), "explication", "fr", 0));
    sets.put("app_reviews_urr (en)", column(data.resolve("app_reviews_urr/reviews.csv"), "reviewText", "en", 0));
    sets.put("cfpb_complaints (en)", column(data.resolve("cfpb_complaints/complaints_sample.csv"), "Consumer complaint narrative", "en", 2000));
    long t0 = System.nanoTime();
    LanguageDetection detection = new LanguageDetection();
    detection.detect("the first detection waits for the profiles to load");
    System.out.printf(Locale.ROOT, "profiles loaded in %.1f s%n%n", (System.nanoTime() - t0) / 1e9);
    System.out.println("| data set | letters | n | prior | right | und | wrong | most frequent wrong |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    long texts = 0, nanos = 0;
    for (var set : sets.entrySet()) {
      for (boolean prior : new boolean[] {false, true}) {
        int[][] counts = new int[BUCKETS.length + 1][3];
        List<Map<String, Integer>> wrong = new ArrayList<>();
        for (int i = 0; i <= BUCKETS.length; i++) wrong.add(new TreeMap<>());
        for (Sample s : set.getValue()) {
          long a = System.nanoTime();
          String got = detection.detect(s.text(), prior ? s.truth() : null);
          nanos += System.nanoTime() - a;
          texts++;
          int b = bucket(letters(s.text()));
          int outcome = got.equals(s.truth()) ? 0 : got.equals(LanguageDetection.UNDETERMINED) ? 1 : 2;
          for (int row : new int[] {b, BUCKETS.length}) {
            counts[row][outcome]++;
            if (outcome == 2) wrong.get(row).merge(got, 1, Integer::sum);
          }
        }
        for (int row = 0; row <= BUCKETS.length; row++) {
          int n = counts[row][0] + counts[row][1] + counts[row][2];
          if (n == 0) continue;
          String top = wrong.get(row).entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(3)
              .map(e -> e.getKey() + " " + e.getValue()).reduce((x, y) -> x + ", " + y).orElse("—");
          System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %.1f%% | %.1f%% | %.1f%% | %s |%n", set.getKey(), label(row), n,
              prior ? "right language" : "none", 100.0 * counts[row][0] / n, 100.0 * counts[row][1] / n, 100.0 * counts[row][2] / n, top);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%n%d detections, %.0f texts/s on one thread%n", texts, texts / (nanos / 1e9));
  }

  static String label(int row) {
    if (row == BUCKETS.length) return "all";
    int lo = row == 0 ? 0 : BUCKETS[row - 1];
    return BUCKETS[row] == Integer.MAX_VALUE ? lo + "+" : lo + "–" + (BUCKETS[row] - 1);
  }

  static int bucket(int letters) {
    for (int i = 0; i < BUCKETS.length; i++) if (letters < BUCKETS[i]) return i;
    return BUCKETS.length - 1;
  }

  static int letters(String s) {
    return (int) s.codePoints().filter(Character::isLetter).count();
  }

  /** The non-empty values of one column; {@code limit} > 0 keeps the first that many. */
  static List<Sample> column(Path file, String name, String truth, int limit) throws IOException {
    List<List<String>> records = csv(Files.readString(file, StandardCharsets.UTF_8));
    int col = records.getFirst().indexOf(name);
    if (col < 0) throw new IllegalArgumentException(file + " has no column " + name);
    List<Sample> out = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      if (r.size() <= col || r.get(col).isBlank() || r.get(col).equals("NA")) continue;
      out.add(new Sample(r.get(col), truth));
      if (limit > 0 && out.size() >= limit) break;
    }
    return out;
  }

  /** RFC 4180: quoted fields may hold commas, quotes and line breaks (the insight evaluation's parser). */
  static List<List<String>> csv(String all) {
    return dev.followthrough.insights.eval.InsightEvaluation.records(all);
  }
}
