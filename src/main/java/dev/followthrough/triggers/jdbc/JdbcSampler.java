package dev.followthrough.triggers.jdbc;

import dev.followthrough.triggers.domain.Rule;
import dev.followthrough.triggers.domain.Sampler;
import dev.followthrough.triggers.domain.SamplingPolicy;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sampling state in the database. A draw locks the rule's row (and the contact's), so draws for one
 * rule are serialised across nodes and happen in commit order — the sample stays reproducible and
 * fair with several nodes. Call it inside the transaction that records the decision.
 */
@Repository
public class JdbcSampler implements Sampler {

  private final JdbcClient jdbc;

  public JdbcSampler(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public SamplingPolicy.Draw draw(Rule rule, UUID contactKey) {
    jdbc.sql("INSERT INTO triggers_sample (rule_id) VALUES (:rule) ON CONFLICT DO NOTHING").param("rule", rule.id()).update();
    var ruleState = jdbc.sql("SELECT credit, eligible, picked FROM triggers_sample WHERE rule_id = :rule FOR UPDATE")
        .param("rule", rule.id())
        .query((rs, i) -> new SamplingPolicy.RuleState(rs.getDouble(1), rs.getLong(2), rs.getLong(3))).single();
    var contactState = contact(rule.id(), contactKey);
    var draw = SamplingPolicy.draw(rule.outcome().sampleRate(), ruleState, contactState);
    jdbc.sql("UPDATE triggers_sample SET credit = :credit, eligible = :eligible, picked = :picked WHERE rule_id = :rule")
        .param("credit", draw.rule().credit()).param("eligible", draw.rule().eligible())
        .param("picked", draw.rule().picked()).param("rule", rule.id()).update();
    jdbc.sql("""
        INSERT INTO triggers_sample_contact (rule_id, contact_key, eligible, picked) VALUES (:rule, :key, :eligible, :picked)
        ON CONFLICT (rule_id, contact_key) DO UPDATE SET eligible = excluded.eligible, picked = excluded.picked""")
        .param("rule", rule.id()).param("key", contactKey).param("eligible", draw.contact().eligible())
        .param("picked", draw.contact().picked()).update();
    return draw;
  }

  /** A sampler that reads the current state and writes nothing: what a dry run would see. */
  public Sampler peek() {
    return (rule, key) -> {
      var ruleState = jdbc.sql("SELECT credit, eligible, picked FROM triggers_sample WHERE rule_id = :rule")
          .param("rule", rule.id())
          .query((rs, i) -> new SamplingPolicy.RuleState(rs.getDouble(1), rs.getLong(2), rs.getLong(3))).optional()
          .orElse(SamplingPolicy.RuleState.initial());
      return SamplingPolicy.draw(rule.outcome().sampleRate(), ruleState, contact(rule.id(), key));
    };
  }

  private SamplingPolicy.ContactState contact(UUID ruleId, UUID key) {
    return jdbc.sql("SELECT eligible, picked FROM triggers_sample_contact WHERE rule_id = :rule AND contact_key = :key")
        .param("rule", ruleId).param("key", key)
        .query((rs, i) -> new SamplingPolicy.ContactState(rs.getInt(1), rs.getInt(2))).optional()
        .orElse(SamplingPolicy.ContactState.initial());
  }
}
