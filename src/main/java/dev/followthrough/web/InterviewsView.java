package dev.followthrough.web;

import dev.followthrough.interviews.InterviewGuides.GuideSummary;
import dev.followthrough.interviews.InterviewFunnel;
import java.util.List;

/** The interviews page: the funnel per guide, the guides, and the one being edited (JSON). */
public record InterviewsView(List<InterviewFunnel> funnel, List<GuideSummary> guides, int days, String editing,
                             String json, List<GuideSummary> versions, String error, String notice, boolean canEdit) {

  public static String rate(long part, long whole) {
    return whole == 0 ? "—" : Math.round(100.0 * part / whole) + "%";
  }
}
