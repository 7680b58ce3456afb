-- Accounts, contacts and responses. A response is identified by (source, source_id): a second
-- delivery of the same response updates it and keeps the earlier values in responses_response_history.
CREATE TABLE responses_account (
  id           uuid PRIMARY KEY,
  external_id  text NOT NULL UNIQUE,
  name         text,
  tier         text,
  arr          numeric(16,2),
  renewal_date date,
  owner        text,
  attributes   jsonb NOT NULL DEFAULT '{}'::jsonb,
  demo         boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX responses_account_tier ON responses_account (tier);

CREATE TABLE responses_contact (
  id           uuid PRIMARY KEY,
  external_id  text UNIQUE,
  email        text,
  name         text,
  role         text,
  account_id   uuid REFERENCES responses_account (id),
  attributes   jsonb NOT NULL DEFAULT '{}'::jsonb,
  demo         boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  CHECK (external_id IS NOT NULL OR email IS NOT NULL)
);
-- contacts without an external id are matched by email (case-insensitively)
CREATE UNIQUE INDEX responses_contact_email_key ON responses_contact (lower(email)) WHERE external_id IS NULL;
CREATE INDEX responses_contact_email ON responses_contact (lower(email));
CREATE INDEX responses_contact_account ON responses_contact (account_id);

CREATE TABLE responses_response (
  id           uuid PRIMARY KEY,
  source       text NOT NULL,
  source_id    text NOT NULL,
  contact_id   uuid REFERENCES responses_contact (id),
  account_id   uuid REFERENCES responses_account (id),
  score        smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
  category     text GENERATED ALWAYS AS (
                 CASE WHEN score >= 9 THEN 'promoter' WHEN score >= 7 THEN 'passive' ELSE 'detractor' END) STORED,
  comment      text,
  responded_at timestamptz NOT NULL,
  received_at  timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  program      text,
  kind         text CHECK (kind IN ('relational', 'transactional')),
  touchpoint   text,
  language     text,
  attributes   jsonb NOT NULL DEFAULT '{}'::jsonb,
  revision     integer NOT NULL DEFAULT 1,
  UNIQUE (source, source_id)
);
CREATE INDEX responses_response_responded_at ON responses_response (responded_at);
CREATE INDEX responses_response_account ON responses_response (account_id, responded_at);
CREATE INDEX responses_response_contact ON responses_response (contact_id, responded_at);
CREATE INDEX responses_response_program ON responses_response (program, responded_at);

CREATE TABLE responses_response_history (
  id           bigserial PRIMARY KEY,
  response_id  uuid NOT NULL REFERENCES responses_response (id),
  revision     integer NOT NULL,         -- the revision these values belonged to
  score        smallint NOT NULL,
  comment      text,
  program      text,
  kind         text,
  touchpoint   text,
  language     text,
  attributes   jsonb NOT NULL,
  responded_at timestamptz NOT NULL,
  replaced_at  timestamptz NOT NULL,
  UNIQUE (response_id, revision)
);
