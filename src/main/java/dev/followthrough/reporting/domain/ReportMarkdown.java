package dev.followthrough.reporting.domain;

import dev.followthrough.reporting.domain.PeriodicReport.Figure;
import dev.followthrough.reporting.domain.PeriodicReport.Fix;
import dev.followthrough.reporting.domain.PeriodicReport.MatrixCell;
import dev.followthrough.reporting.domain.PeriodicReport.Moment;
import dev.followthrough.reporting.domain.PeriodicReport.Priority;
import dev.followthrough.reporting.domain.PeriodicReport.Quote;
import dev.followthrough.reporting.domain.PeriodicReport.RiskAccount;
import dev.followthrough.reporting.domain.PeriodicReport.Theme;
import java.util.List;
import java.util.Locale;

/**
 * The report as Markdown (for email, Slack, wikis). Customer text is escaped twice over: Markdown
 * punctuation gets a backslash and {@code < > &} become entities, so a comment can neither format the
 * report nor inject HTML where the Markdown is rendered. Links are absolute when a base URL is given.
 */
public final class ReportMarkdown {

  private ReportMarkdown() {}

  public static String render(PeriodicReport r, String baseUrl) {
    String base = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    StringBuilder md = new StringBuilder();
    md.append("# ").append(text(r.title())).append("\n\n");
    md.append("Period: ").append(r.period().start()).append(" to ").append(r.period().lastDay()).append(" (").append(r.timeZone())
        .append("), compared with ").append(r.previous().start()).append(" to ").append(r.previous().lastDay())
        .append(". Generated ").append(r.generatedAt()).append(".\n\n");

    md.append("## NPS\n\n");
    Figure c = r.nps().current();
    md.append("**NPS ").append(nps(c.nps())).append("** (95% CI ").append(nps(c.low())).append(" to ").append(nps(c.high()))
        .append(", n = ").append(c.n()).append("; ").append(c.promoters()).append(" promoters, ").append(c.passives())
        .append(" passives, ").append(c.detractors()).append(" detractors) — ").append(link("responses", base, r.nps().link())).append("\n\n");
    Figure p = r.nps().previous();
    md.append("Previous period: NPS ").append(nps(p.nps())).append(" (n = ").append(p.n()).append(").");
    if (r.nps().change() != null) md.append(" ").append(text(r.nps().change().verdict()));
    else md.append(" No change can be tested (a period without responses).");
    md.append("\n\n");
    if (!r.nps().trend().isEmpty()) {
      md.append("| ").append(r.nps().grouping()).append(" | n | NPS | 95% CI | change |\n|---|---:|---:|---:|---|\n");
      for (var t : r.nps().trend()) {
        md.append("| ").append(text(t.label())).append(" | ").append(t.figure().n()).append(" | ").append(nps(t.figure().nps()))
            .append(" | ").append(nps(t.figure().low())).append(" to ").append(nps(t.figure().high())).append(" | ")
            .append(t.significantChange() == null ? "—" : t.significantChange() ? "real change" : "could be noise").append(" |\n");
      }
      md.append("\n");
    }
    var cov = r.coverage();
    md.append("Coded: ").append(cov.codedTexts()).append(" of ").append(cov.responses()).append(" responses' comments and transcripts (")
        .append(cov.codedPromoters()).append(" promoters, ").append(cov.codedPassives()).append(" passives, ")
        .append(cov.codedDetractors()).append(" detractors), ").append(cov.mentions()).append(" mechanism mentions.\n\n");

    md.append("## What to fix first\n\n");
    if (r.fixFirst().isEmpty()) md.append("No detractor mentioned a coded mechanism in this period.\n\n");
    for (Priority x : r.fixFirst()) {
      md.append(x.rank()).append(". **").append(link(text(x.name()), base, x.link())).append("** — ").append(text(x.reason())).append("\n");
    }
    md.append("\n## Themes across promoters, passives and detractors\n\n");
    if (r.themes().isEmpty()) md.append("No coded mentions in this period.\n\n");
    else {
      md.append("| theme | promoters | passives | detractors | pattern |\n|---|---:|---:|---:|---|\n");
      for (Theme t : r.themes()) {
        md.append("| ").append(link(text(t.name()), base, t.link())).append(" | ").append(countShare(t.promoters(), t.promoterShare()))
            .append(" | ").append(countShare(t.passives(), t.passiveShare())).append(" | ").append(countShare(t.detractors(), t.detractorShare()))
            .append(" | ").append(t.pattern()).append(" |\n");
      }
      md.append("\n");
    }

    md.append("## Frequent but mild, rare but severe\n\n");
    if (r.severity().isEmpty()) md.append("No coded mentions in this period.\n\n");
    else {
      md.append("| mechanism | mentions | frequency | mean severity | mean score | quadrant | revenue |\n|---|---:|---:|---:|---:|---|---:|\n");
      for (MatrixCell m : r.severity()) {
        md.append("| ").append(link(text(m.name()), base, m.link())).append(" | ").append(m.mentions()).append(" | ")
            .append(pct(m.frequency())).append(" | ").append(fmt("%.2f", m.meanSeverity())).append(" | ").append(fmt("%.1f", m.meanScore()))
            .append(" | ").append(m.quadrant()).append(" | ").append(ReportComposer.money(m.revenue())).append(" |\n");
      }
      md.append("\n");
    }

    md.append("## Moments that damage trust\n\n");
    moments(md, r.damage(), base, "No mechanism is more common among detractors than among promoters.");
    md.append("## Moments that create advocacy\n\n");
    moments(md, r.advocacy(), base, "No mechanism is more common among promoters than among detractors.");

    md.append("## In their words\n\n");
    if (r.quotes().isEmpty()) md.append("No evidence spans for the moments above.\n\n");
    for (Quote q : r.quotes()) {
      md.append("> ").append(text(q.text()).replace("\n", " ")).append("\n>\n> — ")
          .append(q.score() == null ? "" : "score " + q.score() + ", ").append(q.npsCategory() == null ? "" : q.npsCategory())
          .append(q.accountName() == null ? "" : ", " + text(q.accountName())).append("; ").append(text(q.name())).append(" (")
          .append(q.why()).append(")");
      if (q.link() != null) md.append(" · ").append(link("response", base, q.link()));
      if (q.caseLink() != null) md.append(" · ").append(link("case", base, q.caseLink()));
      md.append("\n\n");
    }

    var ren = r.renewal();
    md.append("## Renewal risk\n\n");
    md.append("Accounts with NPS below ").append(fmt("%.0f", ren.belowNps())).append(" renewing within ").append(ren.windowDays())
        .append(" days of ").append(ren.asOf()).append(": **").append(ren.accounts().size()).append("**, ARR at risk **")
        .append(ReportComposer.money(ren.arrAtRisk())).append("**.\n\n");
    if (!ren.accounts().isEmpty()) {
      md.append("| account | tier | ARR | renewal | days | NPS | n |\n|---|---|---:|---|---:|---:|---:|\n");
      for (RiskAccount a : ren.accounts()) {
        md.append("| ").append(link(text(a.name() == null ? a.externalId() : a.name()), base, a.link())).append(" | ")
            .append(text(a.tier() == null ? "—" : a.tier())).append(" | ").append(ReportComposer.money(a.arr())).append(" | ")
            .append(a.renewalDate()).append(" | ").append(a.daysToRenewal()).append(" | ").append(nps(a.nps())).append(" | ")
            .append(a.n()).append(" |\n");
      }
      md.append("\n");
      for (var s : ren.segments()) {
        md.append("- ").append(text(s.tier())).append(": ").append(s.accounts()).append(" account").append(s.accounts() == 1 ? "" : "s")
            .append(", ").append(ReportComposer.money(s.arr())).append("\n");
      }
      md.append("\n");
    }

    md.append("## Fixes that would likely change retention\n\n");
    if (r.fixes().isEmpty()) md.append("No detractor mentions in this period.\n\n");
    else {
      md.append("| mechanism | detractors | accounts | detractor ARR | renewing ARR | intervention |\n|---|---:|---:|---:|---:|---|\n");
      for (Fix f : r.fixes()) {
        md.append("| ").append(link(text(f.name()), base, f.link())).append(" | ").append(f.detractors()).append(" | ")
            .append(f.detractorAccounts()).append(" | ").append(ReportComposer.money(f.detractorArr())).append(" | ")
            .append(ReportComposer.money(f.renewingArr())).append(" | ")
            .append(f.intervention() == null ? "none" : text(f.intervention().status().replace('_', ' ') + ": ")
                + link(text(f.intervention().title()), base, "/actions/" + f.intervention().id()))
            .append(" |\n");
      }
      md.append("\n");
    }
    md.append("## How these numbers are made\n\n");
    for (String m : r.method()) md.append("- ").append(text(m)).append("\n");
    return md.toString();
  }

  private static void moments(StringBuilder md, List<Moment> ms, String base, String none) {
    if (ms.isEmpty()) {
      md.append(none).append("\n\n");
      return;
    }
    md.append("| mechanism | detractors | promoters | odds ratio (95% CI) | clear |\n|---|---:|---:|---:|---|\n");
    for (Moment m : ms) {
      md.append("| ").append(link(text(m.name()), base, m.link())).append(" | ").append(countShare(m.detractors(), m.detractorShare()))
          .append(" | ").append(countShare(m.promoters(), m.promoterShare())).append(" | ")
          .append(fmt("%.2f (%.2f to %.2f)", m.oddsRatio(), m.low(), m.high())).append(" | ").append(m.clear() ? "yes" : "not yet")
          .append(" |\n");
    }
    md.append("\n");
  }

  /** Escapes text for Markdown: punctuation that formats gets a backslash, {@code < > &} become entities. */
  public static String text(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~' -> out.append('\\').append(ch);
        case '\r' -> { }
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  private static String link(String label, String base, String href) {
    return href == null ? label : "[" + label + "](" + base + href + ")";
  }

  /** An NPS as people read it: signed whole points, a dash for no data. */
  public static String nps(Double v) {
    return v == null ? "—" : fmt("%+.0f", v).replace("+0", "0").replace("-0", "0");
  }

  private static String pct(double share) {
    return fmt("%.0f%%", 100 * share);
  }

  private static String countShare(long k, double share) {
    return k + " (" + pct(share) + ")";
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
