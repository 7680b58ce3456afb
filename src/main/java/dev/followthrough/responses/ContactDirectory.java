package dev.followthrough.responses;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Contacts as survey distribution needs them: who is in an audience (everyone, one account tier, an
 * attribute filter), with address, time zone and language (contact attribute, else account attribute)
 * and whether they may be contacted.
 */
@Service
public class ContactDirectory {

  /** {@code timeZone} and {@code language} are null when neither contact nor account says. */
  public record Member(UUID id, String externalId, String email, String name, UUID accountId, String accountExternalId,
                       String tier, String timeZone, String language, boolean optedOut, boolean undeliverable) {}

  private static final String SELECT = """
      SELECT c.id, c.external_id, c.email, c.name, c.account_id, a.external_id AS account_ext, a.tier,
             coalesce(c.attributes->>'timezone', a.attributes->>'timezone') AS tz,
             coalesce(c.attributes->>'language', a.attributes->>'language') AS lang,
             c.opted_out_at IS NOT NULL AS opted_out, c.undeliverable_at IS NOT NULL AS undeliverable
      FROM responses_contact c LEFT JOIN responses_account a ON a.id = c.account_id
      """;

  private final JdbcClient jdbc;

  ContactDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every contact in the audience (null filters match everyone), streamed in id order. Demo contacts are
   * never surveyed.
   */
  public void audience(String tier, String attribute, String value, Consumer<Member> each) {
    jdbc.sql(SELECT + """
        WHERE NOT c.demo AND (CAST(:tier AS text) IS NULL OR a.tier = :tier)
          AND (CAST(:attr AS text) IS NULL OR c.attributes->>CAST(:attr AS text) = :value)
        ORDER BY c.id""")
        .param("tier", tier).param("attr", attribute).param("value", value)
        .query((ResultSet rs) -> { each.accept(member(rs)); });
  }

  /** The audience's size and its first {@code limit} members, for previews. */
  public record Preview(long size, List<Member> first) {}

  public Preview preview(String tier, String attribute, String value, int limit) {
    String where = """
        WHERE NOT c.demo AND (CAST(:tier AS text) IS NULL OR a.tier = :tier)
          AND (CAST(:attr AS text) IS NULL OR c.attributes->>CAST(:attr AS text) = :value)""";
    long size = jdbc.sql("SELECT count(*) FROM responses_contact c LEFT JOIN responses_account a ON a.id = c.account_id " + where)
        .param("tier", tier).param("attr", attribute).param("value", value).query(Long.class).single();
    List<Member> first = jdbc.sql(SELECT + where + " ORDER BY c.name NULLS LAST, c.id LIMIT :limit")
        .param("tier", tier).param("attr", attribute).param("value", value).param("limit", limit)
        .query((rs, i) -> member(rs)).list();
    return new Preview(size, first);
  }

  public Optional<Member> find(UUID id) {
    return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query((rs, i) -> member(rs)).optional();
  }

  public Optional<Member> byExternalId(String externalId) {
    return jdbc.sql(SELECT + " WHERE c.external_id = :ext").param("ext", externalId).query((rs, i) -> member(rs)).optional();
  }

  public List<Member> findAll(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) return List.of();
    return jdbc.sql(SELECT + " WHERE c.id IN (:ids)").param("ids", List.copyOf(ids))
        .query((rs, i) -> member(rs)).list();
  }

  private static Member member(ResultSet rs) throws SQLException {
    return new Member(rs.getObject("id", UUID.class), rs.getString("external_id"), rs.getString("email"),
        rs.getString("name"), rs.getObject("account_id", UUID.class), rs.getString("account_ext"), rs.getString("tier"),
        rs.getString("tz"), rs.getString("lang"), rs.getBoolean("opted_out"), rs.getBoolean("undeliverable"));
  }
}
