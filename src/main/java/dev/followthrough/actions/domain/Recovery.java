package dev.followthrough.actions.domain;

import java.util.List;

/**
 * Did telling customers what changed win them back? For the customers told about one intervention: how many
 * were re-surveyed, how many scored again after their notice, their mean score before and after (over those
 * who answered again, so both means describe the same people), and how many detractors came back as a
 * passive or promoter.
 */
public record Recovery(int told, int resurveyed, int answered, Double meanBefore, Double meanAfter, int recovered,
                       int detractorsAnswered) {

  /** One told customer: the score behind their feedback, and their first score after the notice (null: none yet). */
  public record Told(Integer scoreBefore, Integer scoreAfter, boolean resurveyed) {}

  public static Recovery of(List<Told> told) {
    int resurveyed = 0;
    int answered = 0;
    int recovered = 0;
    int detractors = 0;
    double before = 0;
    double after = 0;
    for (Told t : told) {
      if (t.resurveyed()) resurveyed++;
      if (t.scoreAfter() == null || t.scoreBefore() == null) continue;
      answered++;
      before += t.scoreBefore();
      after += t.scoreAfter();
      if (t.scoreBefore() <= 6) {
        detractors++;
        if (t.scoreAfter() >= 7) recovered++;
      }
    }
    return new Recovery(told.size(), resurveyed, answered, answered == 0 ? null : before / answered,
        answered == 0 ? null : after / answered, recovered, detractors);
  }
}
