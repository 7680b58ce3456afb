-- Read contract for reporting: one row per response, its latest decided revision. eligible = a rule decided
-- to follow up (followed up, or held out on purpose).
CREATE VIEW triggers_decision_facts AS
SELECT d.response_id, d.revision, d.contact_id, d.rule_name, d.follow_up, d.holdout,
       (d.follow_up OR d.holdout) AS eligible, d.channel, d.decided_at
  FROM triggers_decision d
 WHERE NOT EXISTS (SELECT 1 FROM triggers_decision later
                    WHERE later.response_id = d.response_id AND later.revision > d.revision);
