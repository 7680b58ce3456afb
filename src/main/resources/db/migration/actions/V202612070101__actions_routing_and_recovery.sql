-- Routing rules: a mechanism or a whole codebook category goes to a team (else the mechanism's codebook owner).
CREATE TABLE actions_routing_rule (
    kind       text        NOT NULL CHECK (kind IN ('mechanism', 'category')),
    key        text        NOT NULL,
    team       text        NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (kind, key)
);

-- What a notice said and what the customer answered afterwards (recovery).
ALTER TABLE actions_notice
    ADD COLUMN response_id          uuid,        -- the response whose feedback was coded (score before)
    ADD COLUMN quote                text,
    ADD COLUMN score_before         int,
    ADD COLUMN answer_response_id   uuid,        -- the first response of this contact after the notice
    ADD COLUMN score_after          int,
    ADD COLUMN answered_at          timestamptz;
