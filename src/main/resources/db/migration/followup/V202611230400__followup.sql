-- Follow-up cases: one per response at most, with an SLA clock, an owner, an outcome log and an
-- audit trail. Teams own cases that have no personal owner and supply leads for escalation.
CREATE TABLE followup_team (
  name            text PRIMARY KEY,
  lead            text,                 -- escalation level 1 for this team's cases
  tiers           text[] NOT NULL DEFAULT '{}',
  regions         text[] NOT NULL DEFAULT '{}',
  daily_capacity  integer,              -- human follow-ups a day for the whole team (null: the default)
  fallback        boolean NOT NULL DEFAULT false,
  members         text[] NOT NULL DEFAULT '{}',
  member_capacity integer,              -- follow-ups a day per member (null: the default)
  rr_cursor       bigint NOT NULL DEFAULT 0,
  updated_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX followup_team_one_fallback ON followup_team (fallback) WHERE fallback;

CREATE TABLE followup_case (
  id               uuid PRIMARY KEY,
  response_id      uuid NOT NULL UNIQUE,
  revision         integer NOT NULL,
  contact_id       uuid,
  account_id       uuid,
  score            smallint NOT NULL,
  category         text NOT NULL,
  rule_id          uuid,
  rule_name        text,
  channel          text NOT NULL,
  play             text NOT NULL,
  priority         integer NOT NULL,
  priority_factors jsonb NOT NULL DEFAULT '[]'::jsonb,
  owner            text,
  team             text,
  queued           boolean NOT NULL DEFAULT false,   -- waiting for human capacity, in priority order
  status           text NOT NULL CHECK (status IN ('open','contacted','in_conversation','awaiting_action','closed')),
  outcome          text CHECK (outcome IN ('resolved','not_resolved','no_response')),
  escalation_level integer NOT NULL DEFAULT 0,
  escalated_to     text,
  reminded         boolean NOT NULL DEFAULT false,
  cycle            integer NOT NULL DEFAULT 1,
  sla_seconds      bigint NOT NULL,
  calendar         text NOT NULL,
  received_at      timestamptz NOT NULL,
  opened_at        timestamptz NOT NULL,
  due_at           timestamptz NOT NULL,
  first_contact_at timestamptz,
  closed_at        timestamptz,
  summary          text,
  root_cause       text,
  action_taken     text,
  commitment       text,
  commitment_due   date,
  resurvey_after_seconds bigint,
  resurvey_due_at  timestamptz,
  recovered_score  smallint,
  recovered_at     timestamptz,
  version          integer NOT NULL DEFAULT 0,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX followup_case_status_priority ON followup_case (status, priority DESC);
CREATE INDEX followup_case_owner ON followup_case (lower(owner), status);
CREATE INDEX followup_case_team ON followup_case (team, status);
CREATE INDEX followup_case_contact ON followup_case (contact_id, opened_at);
CREATE INDEX followup_case_account ON followup_case (account_id, opened_at);
CREATE INDEX followup_case_due ON followup_case (due_at) WHERE status = 'open';

-- Every transition, assignment, contact attempt, note and outcome: who, when, what.
CREATE TABLE followup_case_event (
  id         bigserial PRIMARY KEY,
  case_id    uuid NOT NULL REFERENCES followup_case (id),
  type       text NOT NULL,
  actor      text NOT NULL,
  at         timestamptz NOT NULL,
  detail     jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX followup_case_event_case ON followup_case_event (case_id, id);

INSERT INTO followup_team (name, lead, fallback, updated_at) VALUES ('cx-leads', NULL, true, now());
