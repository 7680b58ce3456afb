-- Own survey distribution: programs, the sends they plan (one per program, contact and period or event),
-- and what the public survey pages saw (bot hits, widget signatures used).
CREATE TABLE surveys_program (
  id              uuid PRIMARY KEY,
  name            text        NOT NULL UNIQUE,
  kind            text        NOT NULL CHECK (kind IN ('relational', 'transactional')),
  channel         text        NOT NULL CHECK (channel IN ('email', 'in_app')),
  active          boolean     NOT NULL DEFAULT true,
  cadence_months  int,                     -- relational: 3, 6 or 12
  cohorts         int         NOT NULL DEFAULT 1,  -- relational: 1 = spread the whole base over the period
  starts_on       date,                    -- relational: the first period starts here
  audience_tier   text,                    -- null: every tier
  audience_attr   text,                    -- contact attribute filter: attr = value
  audience_value  text,
  event_type      text,                    -- transactional: which event triggers it
  delay_minutes   int         NOT NULL DEFAULT 0,
  cooldown_days   int,                     -- tightens the workspace-wide cooldown (never loosens it)
  account_budget  int,                     -- tightens the workspace-wide contacts per account per month
  reminders       jsonb       NOT NULL DEFAULT '[]'::jsonb,  -- [{"afterDays": 3, "template": "survey.reminder"}]
  fallback_days   int,                     -- in_app: email non-responders after this many days
  allow_anonymous boolean     NOT NULL DEFAULT false,
  template        text        NOT NULL DEFAULT 'survey',
  touchpoint      text,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);

CREATE TABLE surveys_send (
  id              uuid PRIMARY KEY,
  program_id      uuid        NOT NULL REFERENCES surveys_program (id),
  contact_id      uuid        NOT NULL,
  account_id      uuid,
  occasion        text        NOT NULL,   -- 'p<period>' for relational waves, 'e:<event id>' for events
  send_at         timestamptz NOT NULL,
  status          text        NOT NULL CHECK (status IN ('planned', 'sent', 'skipped', 'responded')),
  reason          text,                   -- why skipped
  channel         text        NOT NULL,
  sent_at         timestamptz,
  reminders_sent  int         NOT NULL DEFAULT 0,
  fallback_sent   boolean     NOT NULL DEFAULT false,
  responded_at    timestamptz,
  score           smallint,
  response_id     uuid,
  touchpoint      text,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  UNIQUE (program_id, contact_id, occasion)   -- restarts and two nodes never plan a send twice
);
CREATE INDEX surveys_send_due ON surveys_send (send_at) WHERE status = 'planned';
CREATE INDEX surveys_send_contact ON surveys_send (contact_id, sent_at);
CREATE INDEX surveys_send_account ON surveys_send (account_id, sent_at) WHERE account_id IS NOT NULL;
CREATE INDEX surveys_send_open ON surveys_send (program_id, sent_at) WHERE status = 'sent';
CREATE INDEX surveys_send_occasion ON surveys_send (occasion);

-- One row per planned relational wave: planning a period twice is a no-op.
CREATE TABLE surveys_wave (
  program_id  uuid        NOT NULL REFERENCES surveys_program (id),
  period      int         NOT NULL,
  planned_at  timestamptz NOT NULL,
  sends       int         NOT NULL,
  PRIMARY KEY (program_id, period)
);

-- Events received over POST /api/v1/events (idempotent by event id).
CREATE TABLE surveys_event (
  id           text PRIMARY KEY,
  type         text        NOT NULL,
  contact_id   uuid,
  received_at  timestamptz NOT NULL,
  sends        int         NOT NULL
);

-- Link hits the page recognised as a machine (mail scanner) and did not count.
CREATE TABLE surveys_bot_hit (
  id          bigserial PRIMARY KEY,
  token_hash  text        NOT NULL,
  send_id     uuid,
  method      text        NOT NULL,
  score       smallint,
  user_agent  text,
  reason      text        NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX surveys_bot_hit_token ON surveys_bot_hit (token_hash, at);

-- Every GET of a one-click scale link (to recognise "all links of one email within a second").
CREATE TABLE surveys_link_hit (
  id          bigserial PRIMARY KEY,
  token_hash  text        NOT NULL,
  score       smallint    NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX surveys_link_hit_token ON surveys_link_hit (token_hash, at);

-- The widget's signing secret (one workspace); rotating keeps the previous one for a grace period.
CREATE TABLE surveys_widget_secret (
  id          int PRIMARY KEY CHECK (id = 1),
  secret      text        NOT NULL,
  previous    text,
  rotated_at  timestamptz NOT NULL
);

-- Widget signatures that already recorded an answer: a replay is refused.
CREATE TABLE surveys_widget_nonce (
  signature   text PRIMARY KEY,
  used_at     timestamptz NOT NULL
);
