-- Read contract for reporting: coded texts and their codings (rejected ones included, with their status).
CREATE VIEW insights_text_facts AS
SELECT t.id AS text_id, t.source_type, t.source_id, t.responded_at, t.coded_at, t.tier
  FROM insights_text t;

CREATE VIEW insights_coding_facts AS
SELECT c.text_id, t.source_type, t.source_id, c.mechanism, c.status, t.responded_at, t.tier
  FROM insights_coding c JOIN insights_text t ON t.id = c.text_id;
