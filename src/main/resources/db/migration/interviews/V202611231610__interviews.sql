-- Interviews: guides (versioned data), one session per case, its transcript.

-- Every saved edit of a guide is a new version; sessions keep the version they ran.
CREATE TABLE interviews_guide (
    key        text        NOT NULL,
    version    int         NOT NULL,
    kind       text        NOT NULL,  -- detractor, passive, promoter
    body       jsonb       NOT NULL,  -- the guide as JSON (phases, probes, cues, segments, framing)
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    PRIMARY KEY (key, version)
);

CREATE TABLE interviews_session (
    id            uuid PRIMARY KEY,
    case_id       uuid        NOT NULL UNIQUE,  -- one interview per case: a redelivered event finds it
    contact_id    uuid,
    response_id   uuid,
    account_id    uuid,
    score         int,
    category      text,
    comment       text,
    channel       text        NOT NULL,        -- interview (AI) or call (a person with the call guide)
    guide_key     text        NOT NULL,
    guide_version int         NOT NULL,
    moderator     text,                         -- built-in, llm, human
    status        text        NOT NULL,        -- invited, opened, in_progress, confirming, completed, stopped
    memory        jsonb       NOT NULL DEFAULT '{}',
    depth         int         NOT NULL DEFAULT 0,
    questions     int         NOT NULL DEFAULT 0,
    result        jsonb,
    revision      int         NOT NULL DEFAULT 0,  -- how many times a result was published
    invited_at    timestamptz NOT NULL,
    opened_at     timestamptz,
    started_at    timestamptz,
    completed_at  timestamptz,
    updated_at    timestamptz NOT NULL,
    FOREIGN KEY (guide_key, guide_version) REFERENCES interviews_guide (key, version)
);
CREATE INDEX interviews_session_guide ON interviews_session (guide_key, invited_at);

CREATE TABLE interviews_turn (
    session_id uuid        NOT NULL REFERENCES interviews_session (id),
    seq        int         NOT NULL,
    speaker    text        NOT NULL,  -- moderator, customer
    text       text        NOT NULL,
    phase      text        NOT NULL,
    kind       text        NOT NULL,
    depth      int         NOT NULL DEFAULT 0,
    at         timestamptz NOT NULL,
    PRIMARY KEY (session_id, seq)
);
