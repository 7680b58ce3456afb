-- Read contract for reporting: one row per case.
CREATE VIEW followup_case_facts AS
SELECT c.id AS case_id, c.response_id, c.contact_id, c.account_id, c.category, c.channel, c.status, c.outcome,
       c.opened_at, c.due_at, c.first_contact_at, c.closed_at, c.recovered_score, c.recovered_at
  FROM followup_case c;
