package dev.followthrough.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {

  @Test
  void customer_text_can_neither_inject_html_nor_format_the_report() {
    assertThat(ReportMarkdown.text("<script>alert(1)</script> *bold* [x](http://evil) | a & b"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[x\\](http://evil) \\| a &amp; b");
  }

  @Test
  void the_markdown_has_every_section_and_absolute_evidence_links() {
    String md = ReportMarkdown.render(ReportComposerTest.compose(Map.of()), "https://ft.example.com/");
    assertThat(md).startsWith("# NPS follow-up report · March 2026\n");
    assertThat(md).contains("## NPS", "## What to fix first", "## Themes across promoters, passives and detractors",
        "## Frequent but mild, rare but severe", "## Moments that damage trust", "## Moments that create advocacy",
        "## In their words", "## Renewal risk", "## Fixes that would likely change retention", "## How these numbers are made");
    assertThat(md).contains("1. **[Slow performance](https://ft.example.com/insights/impact?from=2026-03-01&to=2026-03-31&mechanism=slow-performance)**");
    assertThat(md).contains("> evidence 1 score 2\n");
    assertThat(md).contains("[case](https://ft.example.com/cases/case-of-1)");
    assertThat(md).contains("ARR at risk **$120k**");
  }

  @Test
  void nps_is_shown_with_its_sign_and_no_data_as_a_dash() {
    assertThat(ReportMarkdown.nps(12.4)).isEqualTo("+12");
    assertThat(ReportMarkdown.nps(-0.3)).isEqualTo("0");
    assertThat(ReportMarkdown.nps(-45.0)).isEqualTo("-45");
    assertThat(ReportMarkdown.nps(null)).isEqualTo("—");
  }
}
