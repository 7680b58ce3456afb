-- Every coding carries the polarity of the clause it was coded from: a problem, praise, a suggestion, or neutral.
-- A mechanism's impact counts only codings of its own polarity (praise of fast support is not "slow support").
-- Codings made before this have no clause polarity; 'problem' is what the coder assumed then, and recoding replaces it.
ALTER TABLE insights_coding ADD COLUMN polarity text NOT NULL DEFAULT 'problem'
  CHECK (polarity IN ('problem', 'praise', 'suggestion', 'neutral'));
CREATE INDEX insights_coding_mechanism_polarity ON insights_coding (mechanism, polarity);

-- Mechanisms gain their polarity (appended; mechanisms of codebooks before praise mechanisms existed are problems).
CREATE OR REPLACE VIEW insights_mechanism_facts AS
SELECT DISTINCT ON (m->>'key') m->>'key' AS mechanism, m->>'name' AS name, m->>'owner' AS owner,
       c->>'key' AS category_key, c->>'name' AS category_name, b.version AS codebook_version,
       coalesce(m->>'polarity', 'problem') AS polarity
  FROM insights_codebook b,
       jsonb_array_elements(b.document->'categories') c,
       jsonb_array_elements(c->'mechanisms') m
 ORDER BY m->>'key', b.version DESC;

-- The read contract for reporting: only codings of the mechanism's own polarity count (a praise clause never counts
-- toward a problem mechanism, a suggestion or a neutral clause toward none); the polarity is appended as a column.
CREATE OR REPLACE VIEW insights_coding_facts AS
SELECT t.source_type, t.source_id, t.score, t.category AS nps_category, t.account_id, t.account_name, t.tier, t.arr,
       t.responded_at, c.mechanism, c.category_key, c.confidence, c.status, c.evidence, c.evidence_start, c.evidence_end,
       c.polarity
  FROM insights_text t
  JOIN insights_coding c ON c.text_id = t.id
  LEFT JOIN insights_mechanism_facts mf ON mf.mechanism = c.mechanism
 WHERE c.status <> 'rejected'
   AND c.polarity = coalesce(mf.polarity, 'problem');
