-- Read contract for reporting: one row per interview session (AI interview or call).
CREATE VIEW interviews_session_facts AS
SELECT s.id AS session_id, s.case_id, s.response_id, s.channel, s.status, s.invited_at, s.started_at, s.completed_at
  FROM interviews_session s;
