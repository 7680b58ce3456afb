-- Churn and renewal events of an account (renewed, churned, downgraded, expanded): what retention
-- metrics are measured against. An event is recognised again by its external id, or by kind + date.
CREATE TABLE responses_account_event (
  id          uuid PRIMARY KEY,
  account_id  uuid NOT NULL REFERENCES responses_account (id),
  kind        text NOT NULL CHECK (kind IN ('renewed', 'churned', 'downgraded', 'expanded')),
  event_date  date NOT NULL,
  arr_change  numeric(16,2),
  external_id text,
  source      text NOT NULL,          -- api, batch, csv
  recorded_at timestamptz NOT NULL,
  UNIQUE (account_id, kind, event_date)
);
CREATE UNIQUE INDEX responses_account_event_external ON responses_account_event (account_id, external_id)
  WHERE external_id IS NOT NULL;
CREATE INDEX responses_account_event_date ON responses_account_event (event_date, kind);
