package dev.followthrough.responses.demo;

import dev.followthrough.nps.Category;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * English demo comments with the theme they were written from, for the insight coder's praise/problem
 * evaluation ({@code dev.followthrough.insights.eval.DemoConfusion}). The theme is drawn exactly as
 * {@link DemoComments#write} draws it: a second generator with the same seed replays its first draw.
 */
public final class DemoCommentSamples {

  /** {@code praise}: written from a positive theme (praise, perhaps with a wish); otherwise from a problem. */
  public record Sample(String text, int score, String npsCategory, String theme, boolean praise) {}

  private DemoCommentSamples() {}

  public static List<Sample> english(int n, long seed) {
    Random outer = new Random(seed);
    List<String> touchpoints = List.of("relational", "relational", "support", "support", "onboarding", "training", "renewal");
    List<String> tiers = List.of("enterprise", "mid-market", "smb");
    List<DemoComments.Theme> issues = DemoComments.ACCOUNT_ISSUES;
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double r = outer.nextDouble();
      int score = r < 0.5 ? 9 + outer.nextInt(2) : r < 0.75 ? 7 + outer.nextInt(2) : outer.nextInt(7);
      Category category = Category.of(score);
      DemoComments.Context c = new DemoComments.Context(category, score, touchpoints.get(outer.nextInt(touchpoints.size())),
          tiers.get(outer.nextInt(tiers.size())), "en", LocalDate.of(2026, 1 + outer.nextInt(12), 1 + outer.nextInt(28)),
          "Maria Lopez", "Raj", "Tom Becker", "Business", "Admin basics", 20 + outer.nextInt(300),
          Set.of(issues.get(outer.nextInt(issues.size()))), Set.of());
      long s = outer.nextLong();
      DemoComments.Theme theme = DemoComments.theme(new Random(s), c);
      String text = DemoComments.write(new Random(s), c);
      out.add(new Sample(text, score, category.name().toLowerCase(java.util.Locale.ROOT), theme.name(), !theme.negative()));
    }
    return out;
  }
}
