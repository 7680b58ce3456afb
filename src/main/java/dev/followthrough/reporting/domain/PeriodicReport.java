package dev.followthrough.reporting.domain;

import dev.followthrough.nps.NpsSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The content of one periodic NPS follow-up report, as stored (JSON) and rendered (HTML, Markdown). Every
 * claim carries {@code link}s to the console pages that show its evidence. Numbers that do not exist (an
 * NPS with no respondents) are {@code null}, never NaN.
 */
public record PeriodicReport(
    String title, ReportPeriod period, ReportPeriod previous, Instant generatedAt, String timeZone,
    Nps nps, Coverage coverage, List<Theme> themes, List<MatrixCell> severity, List<Moment> damage,
    List<Moment> advocacy, List<Quote> quotes, Renewal renewal, List<Fix> fixes, List<Priority> fixFirst,
    List<String> method) {

  /** Lists a stored report lacks (made by an older version) read as empty, so every rendering can iterate them. */
  public PeriodicReport {
    themes = orEmpty(themes);
    severity = orEmpty(severity);
    damage = orEmpty(damage);
    advocacy = orEmpty(advocacy);
    quotes = orEmpty(quotes);
    fixes = orEmpty(fixes);
    fixFirst = orEmpty(fixFirst);
    method = orEmpty(method);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** An NPS with its 95% interval; {@code nps}, {@code low}, {@code high} are null without respondents. */
  public record Figure(long n, long promoters, long passives, long detractors, Double nps, Double low, Double high) {
    public static Figure of(NpsSummary s) {
      return new Figure(s.n(), s.promoters(), s.passives(), s.detractors(), finite(s.nps()), finite(s.ci95().low()),
          finite(s.ci95().high()));
    }
  }

  /** Change from the previous period: difference with its 95% interval and p-value, and a verdict in words. */
  public record Change(double difference, double low, double high, double pValue, boolean significant, String verdict) {}

  public record TrendPoint(String key, String label, Figure figure, Boolean significantChange) {}

  public record Nps(Figure current, Figure previous, Change change, String grouping, List<TrendPoint> trend, String link) {}

  /** Coded texts (comments and transcripts) by NPS group: the denominators of every share below. */
  public record Coverage(long responses, long codedTexts, long codedPromoters, long codedPassives, long codedDetractors,
                         long mentions) {}

  /** A codebook category across promoters, passives and detractors; shares are of each group's coded texts. */
  public record Theme(String key, String name, long promoters, long passives, long detractors, double promoterShare,
                      double passiveShare, double detractorShare, String pattern, List<String> mechanisms, String link) {}

  /** One mechanism in the frequency × severity matrix. {@code revenue} is the ARR of the accounts that mention it. */
  public record MatrixCell(String mechanism, String name, String theme, long mentions, double frequency,
                           double meanSeverity, double meanScore, String quadrant, double revenue, long accounts, String link) {}

  /**
   * A mechanism over-represented among detractors (damage) or promoters (advocacy): counts, shares of each
   * group, the odds ratio with its 95% interval, and whether the interval clears 1.
   */
  public record Moment(String mechanism, String name, long detractors, long promoters, double detractorShare,
                       double promoterShare, double oddsRatio, double low, double high, boolean clear, String link) {}

  /** A verbatim evidence span (customer text: render escaped) with the response and case it comes from. */
  public record Quote(String mechanism, String name, String why, String sourceType, UUID sourceId, Integer score,
                      String npsCategory, String accountName, String text, String link, String caseLink) {}

  public record RiskAccount(UUID id, String externalId, String name, String tier, double arr, LocalDate renewalDate,
                            long daysToRenewal, Double nps, long n, String link) {}

  public record RiskSegment(String tier, long accounts, double arr) {}

  public record Renewal(int windowDays, double belowNps, LocalDate asOf, double arrAtRisk, List<RiskAccount> accounts,
                        List<RiskSegment> segments) {}

  /** An intervention the actions module records for a mechanism; the most advanced one wins. */
  public record Intervention(UUID id, String title, String team, String status) {
    public boolean shipped() {
      return "shipped".equals(status) || "verified".equals(status);
    }

    public boolean underway() {
      return "committed".equals(status) || "in_progress".equals(status);
    }
  }

  /** A mechanism by the ARR of the accounts that mention it as detractors, and whether a fix exists. */
  public record Fix(String mechanism, String name, String owner, long detractors, long detractorAccounts,
                    double detractorArr, double renewingArr, Intervention intervention, String link) {}

  public record Priority(int rank, String mechanism, String name, String reason, String link) {}

  static Double finite(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
