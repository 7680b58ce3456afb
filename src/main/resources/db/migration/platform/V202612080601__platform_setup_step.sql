-- First-run checklist steps that cannot be read off other state ("I have reviewed the default rules").
CREATE TABLE platform_setup_step (
    step    text        PRIMARY KEY,
    done_by text        NOT NULL,
    done_at timestamptz NOT NULL
);
