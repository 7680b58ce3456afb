-- Insights: the codebook (versioned), every coded text with its embedding, the codings, the
-- examples people confirmed or corrected (few-shot learning), and backlog jobs any node can claim.

-- Each PUT of the codebook stores a new version; the highest is current. Codings name the version they used.
CREATE TABLE insights_codebook (
  version     integer PRIMARY KEY,
  document    jsonb NOT NULL,           -- {"categories": [{"key", "name", "description", "mechanisms": [...]}]}
  note        text,
  created_by  text,
  created_at  timestamptz NOT NULL
);

-- One row per coded source (a response comment or an interview transcript): its latest coded revision,
-- the context it was coded with, and its embedding (normalised float32 as bytea; similarity is computed in Java — no pgvector).
CREATE TABLE insights_text (
  id               uuid PRIMARY KEY,
  source_type      text NOT NULL CHECK (source_type IN ('response', 'interview')),
  source_id        uuid NOT NULL,
  revision         integer NOT NULL,
  codebook_version integer NOT NULL,
  body             text NOT NULL,
  embedding        bytea NOT NULL,      -- 384 float32, L2-normalised
  best_similarity  real NOT NULL,       -- to the nearest mechanism; low = fits nothing (emerging theme candidate)
  score            smallint,
  category         text,                -- promoter / passive / detractor
  account_id       uuid,
  account_name     text,
  tier             text,
  arr              numeric(16,2),
  responded_at     timestamptz NOT NULL,
  coded_at         timestamptz NOT NULL,
  search           tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED,
  UNIQUE (source_type, source_id)
);
CREATE INDEX insights_text_search ON insights_text USING gin (search);
CREATE INDEX insights_text_responded_at ON insights_text (responded_at);

CREATE TABLE insights_coding (
  id               uuid PRIMARY KEY,
  text_id          uuid NOT NULL REFERENCES insights_text (id) ON DELETE CASCADE,
  mechanism        text NOT NULL,       -- codebook mechanism key
  category_key     text NOT NULL,       -- codebook category key
  confidence       real NOT NULL,
  similarity       real NOT NULL,
  evidence_start   integer NOT NULL,
  evidence_end     integer NOT NULL,
  evidence         text NOT NULL,
  stated_reason    text NOT NULL,
  codebook_version integer NOT NULL,
  status           text NOT NULL CHECK (status IN ('machine', 'confirmed', 'corrected', 'rejected')),
  needs_review     boolean NOT NULL,
  machine_mechanism text NOT NULL,      -- what the machine said first (kept through corrections, for agreement)
  reviewed_by      text,
  reviewed_at      timestamptz,
  created_at       timestamptz NOT NULL,
  UNIQUE (text_id, mechanism)
);
CREATE INDEX insights_coding_review ON insights_coding (needs_review, created_at) WHERE needs_review;
CREATE INDEX insights_coding_mechanism ON insights_coding (mechanism);

-- Texts a person tied to a mechanism (confirmed or corrected) or away from one (rejected): few-shot learning.
CREATE TABLE insights_example (
  id          uuid PRIMARY KEY,
  mechanism   text NOT NULL,
  positive    boolean NOT NULL,
  body        text NOT NULL,
  embedding   bytea NOT NULL,
  coding_id   uuid,
  created_by  text,
  created_at  timestamptz NOT NULL
);
CREATE INDEX insights_example_mechanism ON insights_example (mechanism);

CREATE TABLE insights_backlog_job (
  id               uuid PRIMARY KEY,
  codebook_version integer NOT NULL,
  scope            text NOT NULL CHECK (scope IN ('uncoded', 'all')),
  source           text,                -- only responses of this source (e.g. one import); null = all
  total            integer NOT NULL,
  created_by       text,
  created_at       timestamptz NOT NULL,
  finished_at      timestamptz
);

-- A job is cut into chunks; a node claims one with FOR UPDATE SKIP LOCKED, and a claim that is not
-- finished by claimed_until (the node died) may be claimed again.
CREATE TABLE insights_backlog_chunk (
  job_id        uuid NOT NULL REFERENCES insights_backlog_job (id),
  seq           integer NOT NULL,
  response_ids  uuid[] NOT NULL,
  claimed_by    text,
  claimed_until timestamptz,
  attempts      integer NOT NULL DEFAULT 0,
  coded         integer NOT NULL DEFAULT 0,
  done_at       timestamptz,
  PRIMARY KEY (job_id, seq)
);
CREATE INDEX insights_backlog_chunk_open ON insights_backlog_chunk (job_id, seq) WHERE done_at IS NULL;

-- Comments waiting to be coded live, written in the same transaction as the response (our own outbox).
-- A drainer codes the newest first; beyond followthrough.insights.live-queue-limit the oldest are left to a
-- backlog job, so a 100,000-row import does not turn into 100,000 live codings.
CREATE TABLE insights_pending (
  response_id uuid PRIMARY KEY,
  queued_at   timestamptz NOT NULL
);
CREATE INDEX insights_pending_newest ON insights_pending (queued_at DESC);
