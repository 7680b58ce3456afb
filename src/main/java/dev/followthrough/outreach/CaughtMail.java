package dev.followthrough.outreach;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The outbox viewer's side of the mail catcher: whether email is being caught (no SMTP server
 * configured) and the emails kept so far, with their bodies as the customer would receive them.
 */
@Service
public class CaughtMail {

  public record Caught(Messages.MessageView message, Instant caughtAt) {}

  /** A caught email with both parts and the links in it (to follow them as the customer would). */
  public record Email(Messages.MessageView message, Instant caughtAt, String text, String html, List<String> links) {}

  private static final Pattern HREF = Pattern.compile("href\\s*=\\s*\"(https?://[^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

  private final JdbcClient jdbc;
  private final boolean catching;

  CaughtMail(JdbcClient jdbc, ObjectProvider<MailCatcher> catcher) {
    this.jdbc = jdbc;
    this.catching = catcher.getIfAvailable() != null;
  }

  /** True when no SMTP server is configured and email stays on this machine. */
  public boolean catching() {
    return catching;
  }

  public long count() {
    return jdbc.sql("SELECT count(*) FROM outreach_caught").query(Long.class).single();
  }

  /** Newest first. */
  public List<Caught> list(int limit) {
    return jdbc.sql("""
        SELECT m.*, c.caught_at AS caught FROM outreach_caught c JOIN outreach_message m ON m.id = c.message_id
        ORDER BY c.caught_at DESC, m.id DESC LIMIT :limit""")
        .param("limit", Math.max(1, Math.min(limit, 1000)))
        .query((rs, i) -> new Caught(Messages.view(rs, i), rs.getTimestamp("caught").toInstant())).list();
  }

  public Optional<Email> find(UUID id) {
    return jdbc.sql("""
        SELECT m.*, c.caught_at AS caught FROM outreach_caught c JOIN outreach_message m ON m.id = c.message_id
        WHERE c.message_id = :id""")
        .param("id", id)
        .query((rs, i) -> {
          String text = rs.getString("body_text");
          String html = rs.getString("body_html");
          Timestamp caught = rs.getTimestamp("caught");
          return new Email(Messages.view(rs, i), caught.toInstant(), text, html, links(html, text));
        }).optional();
  }

  /** The http(s) links of an email, HTML hrefs first, each once (entities in hrefs unescaped). */
  static List<String> links(String html, String text) {
    Set<String> found = new LinkedHashSet<>();
    if (html != null) {
      Matcher m = HREF.matcher(html);
      while (m.find()) found.add(m.group(1).replace("&amp;", "&"));
    }
    if (text != null) {
      Matcher m = URL.matcher(text);
      while (m.find()) found.add(m.group().replaceAll("[.,;:)]+$", ""));
    }
    return new ArrayList<>(found);
  }
}
