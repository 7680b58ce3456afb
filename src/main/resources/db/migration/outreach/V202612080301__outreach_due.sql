-- The batch sender's claim: due pending messages in order of when they are due (and stale claims).
CREATE INDEX outreach_message_due ON outreach_message ((coalesce(next_attempt_at, not_before)))
  WHERE status IN ('pending', 'sending');
