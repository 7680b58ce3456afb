-- Email kept by the mail catcher (no SMTP server configured): the message row holds the bodies,
-- this row says it never left the machine, so the outbox viewer can show it and nobody mistakes it for sent.
CREATE TABLE outreach_caught (
    message_id uuid        PRIMARY KEY REFERENCES outreach_message (id) ON DELETE CASCADE,
    caught_at  timestamptz NOT NULL
);
CREATE INDEX outreach_caught_time ON outreach_caught (caught_at DESC);
