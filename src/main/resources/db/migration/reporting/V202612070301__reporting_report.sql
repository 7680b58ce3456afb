-- Reporting: stored periodic NPS follow-up reports. One report per kind and period: the scheduled run
-- inserts it once (ON CONFLICT DO NOTHING), "generate now" replaces its content, and delivered_at is
-- claimed by exactly one node before the report is emailed and posted to Slack.
CREATE TABLE reporting_report (
  id           uuid PRIMARY KEY,
  kind         text        NOT NULL CHECK (kind IN ('week', 'month', 'quarter', 'custom')),
  period_start date        NOT NULL,
  period_end   date        NOT NULL,             -- exclusive
  time_zone    text        NOT NULL,
  title        text        NOT NULL,
  generated_at timestamptz NOT NULL,
  generated_by text        NOT NULL,             -- 'schedule' or the console user / API key
  content      jsonb       NOT NULL,             -- the PeriodicReport record as JSON
  markdown     text        NOT NULL,
  delivered_at timestamptz,
  UNIQUE (kind, period_start, period_end),
  CHECK (period_start < period_end)
);
CREATE INDEX reporting_report_recent ON reporting_report (period_end DESC, generated_at DESC);
