package dev.followthrough.web;

import dev.followthrough.outreach.CaughtMail;
import java.time.ZoneId;
import java.util.List;

/** The outbox viewer: the caught emails, newest first, and the one opened (or none). */
public record OutboxView(boolean catching, long total, List<CaughtMail.Caught> mail, CaughtMail.Email open,
                         ZoneId zone) {

  /** The HTML part as a standalone document for the sandboxed frame; links open in a new tab. */
  public String frameDocument() {
    String html = open == null || open.html() == null ? "<p>(no HTML part)</p>" : open.html();
    String base = "<base target=\"_blank\">";
    return html.matches("(?is).*<head[^>]*>.*") ? html.replaceFirst("(?i)<head([^>]*)>", "<head$1>" + base)
        : base + html;
  }
}
