package dev.followthrough.followup;

import java.util.Map;

/**
 * Links that other capabilities offer for a case, shown in the case API beside its fields (the interviews
 * module adds {@code interviewUrl} for cases on the interview channel). Implemented downstream, so this
 * module needs to know nothing about them.
 */
public interface CaseLinks {
  Map<String, String> linksFor(CaseQueries.CaseView c);
}
