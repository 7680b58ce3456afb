-- Read contract for reporting: responses with the segment fields, and account events.
CREATE VIEW responses_response_facts AS
SELECT r.id AS response_id, r.contact_id, r.account_id, r.score, r.category, r.responded_at, r.program,
       r.touchpoint, r.kind, a.tier, a.external_id AS account_external_id
  FROM responses_response r LEFT JOIN responses_account a ON a.id = r.account_id;

CREATE VIEW responses_account_event_facts AS
SELECT e.account_id, e.kind, e.event_date, e.arr_change
  FROM responses_account_event e;
