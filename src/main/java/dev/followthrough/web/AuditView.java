package dev.followthrough.web;

import dev.followthrough.platform.Audit;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The audit log page; {@code older} is the id to page back from, when there may be more. */
public record AuditView(List<Audit.Entry> entries, String action, String actor, Long older, ZoneId zone) {

  public String when(Audit.Entry e) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone).format(e.at());
  }
}
