-- Read contract for reporting: every coding a person has not rejected, with the context its text was
-- coded with (NPS group, account, ARR) and its verbatim evidence span; and the coded texts themselves
-- (denominators). Reporting reads these views and nothing else of insights' tables.
CREATE VIEW insights_coding_facts AS
SELECT t.source_type, t.source_id, t.score, t.category AS nps_category, t.account_id, t.account_name, t.tier, t.arr,
       t.responded_at, c.mechanism, c.category_key, c.confidence, c.status, c.evidence, c.evidence_start, c.evidence_end
  FROM insights_text t
  JOIN insights_coding c ON c.text_id = t.id
 WHERE c.status <> 'rejected';

CREATE VIEW insights_text_facts AS
SELECT t.source_type, t.source_id, t.score, t.category AS nps_category, t.account_id, t.tier, t.arr, t.responded_at
  FROM insights_text t;

-- Every mechanism any codebook version defined, named as its newest version names it (retired ones keep their name).
CREATE VIEW insights_mechanism_facts AS
SELECT DISTINCT ON (m->>'key') m->>'key' AS mechanism, m->>'name' AS name, m->>'owner' AS owner,
       c->>'key' AS category_key, c->>'name' AS category_name, b.version AS codebook_version
  FROM insights_codebook b,
       jsonb_array_elements(b.document->'categories') c,
       jsonb_array_elements(c->'mechanisms') m
 ORDER BY m->>'key', b.version DESC;
