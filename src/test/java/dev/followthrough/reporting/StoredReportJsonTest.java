package dev.followthrough.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.reporting.domain.PeriodicReport;
import dev.followthrough.reporting.domain.ReportComposer;
import dev.followthrough.reporting.domain.ReportPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredReportJsonTest {

  static PeriodicReport aReport() {
    var period = new ReportPeriod(ReportPeriod.Kind.MONTH, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
    var none = new PeriodicReport.Figure(0, 0, 0, 0, null, null, null);
    var nps = new PeriodicReport.Nps(none, none, null, "month", List.of(), "/responses");
    var mention = new ReportComposer.Mention("response", new UUID(0, 1), "slow-performance", 2, "detractor", new UUID(0, 9),
        "Acme", 100_000.0, "It is <b>slow</b>", 0.8, true);
    var in = new ReportComposer.Inputs(period, period.previous(), Instant.parse("2026-04-01T07:00:00Z"), "UTC", nps, 1,
        Map.of("detractor", 1L), List.of(mention),
        Map.of("slow-performance", new ReportComposer.MechanismInfo("slow-performance", "Slow performance", "eng", "performance", "Performance")),
        List.of(), Map.of(), new ReportComposer.Settings(90, 0, 10, 2));
    return ReportComposer.compose(in, id -> null);
  }

  @Test
  void a_report_survives_the_round_trip_through_its_stored_json() {
    PeriodicReport r = aReport();
    assertThat(PeriodicReports.read(PeriodicReports.json(r))).isEqualTo(r);
  }

  @Test
  void a_report_stored_by_an_older_or_newer_version_still_opens() {
    String json = PeriodicReports.json(aReport());
    String extra = json.replaceFirst("\\{", "{\"retiredSection\": [1, 2],");
    String missing = json.replaceFirst(",\"method\":\\[[^\\]]*\\]", "");
    assertThat(PeriodicReports.read(extra).title()).isEqualTo("NPS follow-up report · March 2026");
    assertThat(missing).doesNotContain("\"method\"");
    assertThat(PeriodicReports.read(missing).method()).isEmpty();
  }
}
