package dev.followthrough.outreach;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import dev.followthrough.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which Slack incoming webhook each team's messages go to (new detractors, escalations, digests). */
@Service
public class SlackChannels {

  /** {@code webhookUrl} is shown masked outside this module: it is a secret. */
  public record SlackChannel(String team, String webhookUrl, Instant updatedAt) {
    public String masked() {
      int cut = Math.min(webhookUrl.length(), webhookUrl.indexOf("/services/") > 0 ? webhookUrl.indexOf("/services/") + 10 : 24);
      return webhookUrl.substring(0, cut) + "…";
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecretBox box; // the URL is sealed at rest

  SlackChannels(JdbcClient jdbc, Clock clock, SecretBox box) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.box = box;
  }

  public List<SlackChannel> list() {
    return jdbc.sql("SELECT team, webhook_url, updated_at FROM outreach_slack_channel ORDER BY team")
        .query((rs, i) -> new SlackChannel(rs.getString(1), box.open(rs.getString(2)), rs.getTimestamp(3).toInstant())).list();
  }

  public Optional<String> webhookUrl(String team) {
    if (team == null) return Optional.empty();
    return jdbc.sql("SELECT webhook_url FROM outreach_slack_channel WHERE lower(team) = lower(:t)").param("t", team)
        .query(String.class).optional().map(box::open);
  }

  /** Why the URL is not acceptable, or empty when it is. */
  public static Optional<String> invalidUrl(String url) {
    if (url == null || url.isBlank()) return Optional.of("is required");
    try {
      URI u = URI.create(url.strip());
      if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) return Optional.of("must be an http(s) URL");
      if (u.getHost() == null) return Optional.of("must name a host");
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a URL");
    }
    return Optional.empty();
  }

  /** Sets (or, with a blank URL, removes) one team's webhook. */
  @Transactional
  public void save(String team, String webhookUrl) {
    if (team == null || team.isBlank()) throw new IllegalArgumentException("team is required");
    if (webhookUrl == null || webhookUrl.isBlank()) {
      jdbc.sql("DELETE FROM outreach_slack_channel WHERE team = :t").param("t", team.strip()).update();
      return;
    }
    jdbc.sql("""
        INSERT INTO outreach_slack_channel (team, webhook_url, updated_at) VALUES (:t, :u, :now)
        ON CONFLICT (team) DO UPDATE SET webhook_url = excluded.webhook_url, updated_at = excluded.updated_at""")
        .param("t", team.strip()).param("u", box.seal(webhookUrl.strip())).param("now", Timestamp.from(clock.instant())).update();
  }

  /** Replaces the whole set. */
  @Transactional
  public void replace(List<SlackChannel> channels) {
    jdbc.sql("DELETE FROM outreach_slack_channel").update();
    for (SlackChannel c : channels) save(c.team(), c.webhookUrl());
  }
}
