-- Survey-tool webhook sources (POST /hooks/{source_key}) and the log of every delivery they received.
CREATE TABLE responses_hook_source (
  id                uuid PRIMARY KEY,
  source_key        text NOT NULL UNIQUE,      -- the {source} in /hooks/{source}; also the responses' "source"
  vendor            text NOT NULL,
  secret            text NOT NULL,             -- HMAC key or token; needed in clear to verify signatures
  enabled           boolean NOT NULL DEFAULT true,
  program           text,
  kind              text CHECK (kind IN ('relational', 'transactional')),
  touchpoint        text,
  mapping           jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at        timestamptz NOT NULL,
  secret_changed_at timestamptz NOT NULL
);

CREATE TABLE responses_hook_delivery (
  id           uuid PRIMARY KEY,
  source_key   text NOT NULL,                  -- no foreign key: the log outlives a source's settings
  received_at  timestamptz NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('accepted', 'updated', 'duplicate', 'ignored', 'rejected', 'unauthorized')),
  http_status  smallint NOT NULL,
  reason       text,
  response_id  uuid,
  responses    integer NOT NULL DEFAULT 0,     -- responses the delivery carried (batches carry several)
  replay_key   text,                           -- a signed per-delivery id: seen twice for one source = replay
  body         text,                           -- NULL for unauthenticated deliveries: never keep what nobody vouched for
  body_bytes   integer NOT NULL,
  headers      jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX responses_hook_delivery_recent ON responses_hook_delivery (source_key, received_at DESC);
CREATE UNIQUE INDEX responses_hook_delivery_replay ON responses_hook_delivery (source_key, replay_key)
  WHERE replay_key IS NOT NULL;
