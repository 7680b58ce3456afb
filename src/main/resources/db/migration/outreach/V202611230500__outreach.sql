-- Outreach: every message Followthrough sends (or decided not to send), with its delivery state.
-- idempotency_key makes a redelivered event a no-op: never two identical invitations.
CREATE TABLE outreach_message (
    id              uuid PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE,
    kind            text        NOT NULL,  -- invitation, resurvey, owner_alert, reminder, escalation, digest, slack.*, webhook
    channel         text        NOT NULL,  -- email, slack, webhook
    customer        boolean     NOT NULL,  -- to the customer (opt-outs, quiet hours apply) or to staff/systems
    case_id         uuid,
    contact_id      uuid,
    response_id     uuid,
    recipient       text,                  -- email address, team (Slack) or URL (webhook)
    subscription_id uuid,                  -- webhook subscription
    event_type      text,
    language        text,
    subject         text,
    body_text       text,
    body_html       text,
    payload         text,                  -- Slack / webhook JSON
    unsubscribe_url text,
    status          text        NOT NULL,  -- pending, sending, sent, suppressed, skipped, dead
    reason          text,                  -- why suppressed / skipped / dead
    attempts        int         NOT NULL DEFAULT 0,
    retries         int         NOT NULL DEFAULT 0,  -- manual retries from the dead-letter list
    not_before      timestamptz NOT NULL,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX outreach_message_case ON outreach_message (case_id, created_at) WHERE case_id IS NOT NULL;
CREATE INDEX outreach_message_contact ON outreach_message (contact_id, created_at) WHERE contact_id IS NOT NULL;
CREATE INDEX outreach_message_status ON outreach_message (status, created_at) WHERE status IN ('dead', 'pending', 'sending');

-- Edited templates; the defaults live in code, a row here overrides one (key, language).
CREATE TABLE outreach_template (
    key        text        NOT NULL,
    language   text        NOT NULL,
    subject    text        NOT NULL,
    body       text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text,
    PRIMARY KEY (key, language)
);

-- Slack incoming webhook per team.
CREATE TABLE outreach_slack_channel (
    team        text PRIMARY KEY,
    webhook_url text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Outbound webhook subscriptions (Standard Webhooks signatures).
CREATE TABLE outreach_webhook (
    id          uuid PRIMARY KEY,
    url         text        NOT NULL,
    secret      text        NOT NULL,
    event_types text[]      NOT NULL,
    description text,
    enabled     boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL
);

-- The per-install signing secret for customer links when followthrough.secret is empty (development).
CREATE TABLE outreach_secret (
    id         int PRIMARY KEY CHECK (id = 1),
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL
);
