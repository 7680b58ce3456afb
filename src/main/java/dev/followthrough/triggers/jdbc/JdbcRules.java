package dev.followthrough.triggers.jdbc;

import dev.followthrough.triggers.domain.Rule;
import dev.followthrough.triggers.domain.RuleFormat;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Trigger rules in {@code triggers_rule}; conditions and outcome as jsonb in {@link RuleFormat}'s shape. */
@Repository
public class JdbcRules {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String COLUMNS = "id, name, position, enabled, description, conditions::text AS conditions, "
      + "outcome::text AS outcome, version";

  private final JdbcClient jdbc;

  public JdbcRules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Rule> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM triggers_rule ORDER BY position").query(JdbcRules::rule).list();
  }

  /** All rules, locked: writers that reorder take this first so two of them never interleave. */
  public List<Rule> allForUpdate() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM triggers_rule ORDER BY position FOR UPDATE").query(JdbcRules::rule).list();
  }

  public Optional<Rule> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM triggers_rule WHERE id = :id").param("id", id)
        .query(JdbcRules::rule).optional();
  }

  public void insert(Rule r, Instant now) {
    jdbc.sql("""
        INSERT INTO triggers_rule (id, name, position, enabled, description, conditions, outcome, version,
                                   created_at, updated_at)
        VALUES (:id, :name, :position, :enabled, :description, :conditions::jsonb, :outcome::jsonb, 1, :now, :now)""")
        .param("id", r.id()).param("name", r.name()).param("position", r.position()).param("enabled", r.enabled())
        .param("description", r.description())
        .param("conditions", JSON.writeValueAsString(RuleFormat.write(r.conditions())))
        .param("outcome", JSON.writeValueAsString(RuleFormat.write(r.outcome())))
        .param("now", Timestamp.from(now)).update();
  }

  /** Saves the rule's content when its version is still {@code expectedVersion}; false otherwise. */
  public boolean update(Rule r, int expectedVersion, Instant now) {
    return jdbc.sql("""
        UPDATE triggers_rule SET name = :name, position = :position, enabled = :enabled, description = :description,
               conditions = :conditions::jsonb, outcome = :outcome::jsonb, version = version + 1, updated_at = :now
        WHERE id = :id AND version = :expected""")
        .param("id", r.id()).param("name", r.name()).param("position", r.position()).param("enabled", r.enabled())
        .param("description", r.description())
        .param("conditions", JSON.writeValueAsString(RuleFormat.write(r.conditions())))
        .param("outcome", JSON.writeValueAsString(RuleFormat.write(r.outcome())))
        .param("expected", expectedVersion).param("now", Timestamp.from(now)).update() == 1;
  }

  public void setPosition(UUID id, int position) {
    jdbc.sql("UPDATE triggers_rule SET position = :p WHERE id = :id AND position <> :p")
        .param("p", position).param("id", id).update();
  }

  public boolean delete(UUID id) {
    int n = jdbc.sql("DELETE FROM triggers_rule WHERE id = :id").param("id", id).update();
    jdbc.sql("DELETE FROM triggers_sample WHERE rule_id = :id").param("id", id).update();
    jdbc.sql("DELETE FROM triggers_sample_contact WHERE rule_id = :id").param("id", id).update();
    return n == 1;
  }

  private static Rule rule(ResultSet rs, int i) throws SQLException {
    return new Rule(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position"),
        rs.getBoolean("enabled"), RuleFormat.readConditions(JSON.readValue(rs.getString("conditions"), Object.class),
        "conditions."), RuleFormat.readOutcome(JSON.readValue(rs.getString("outcome"), Object.class), "outcome."),
        rs.getString("description"), rs.getInt("version"));
  }
}
