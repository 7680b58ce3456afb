package dev.followthrough.reporting.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Console links that show the evidence behind a claim, limited to the report's period (dates inclusive). */
public record Evidence(ReportPeriod period) {

  private String range() {
    return "from=" + period.start() + "&to=" + period.lastDay();
  }

  /** Responses of the period, optionally of one NPS group. */
  public String responses(String category) {
    return "/responses?" + range() + (category == null ? "" : "&category=" + enc(category));
  }

  /** The mechanism on the insights impact page, limited to the period. */
  public String mechanism(String key) {
    return "/insights/impact?" + range() + "&mechanism=" + enc(key);
  }

  /** Every mechanism of the period, ranked, on the insights impact page. */
  public String impact() {
    return "/insights/impact?" + range();
  }

  /** Emerging themes (comments that fit no mechanism) and passive groups of the period. */
  public String emergingThemes() {
    return "/insights/themes?" + range();
  }

  public String account(String externalId) {
    return externalId == null ? null : "/responses?" + range() + "&account=" + enc(externalId);
  }

  /** The response a quote comes from; interview transcripts have no page of their own. */
  public String source(String sourceType, UUID id) {
    return "response".equals(sourceType) ? "/responses/" + id : null;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
