-- Actions: interventions made from mechanisms, owned by teams, their status trail, and the
-- "you said, we did" notices to the exact customers whose feedback was coded to those mechanisms.
-- The two *_facts views are this module's read contract: reporting reads them and nothing else here.

CREATE TABLE actions_intervention (
    id            uuid PRIMARY KEY,
    title         text        NOT NULL,
    team          text        NOT NULL,          -- owning team key (product, cs-leadership, product-marketing, implementation, …)
    outcome       text,                          -- the measurable outcome it promises
    due_on        date,
    status        text        NOT NULL CHECK (status IN ('proposed', 'committed', 'in_progress', 'shipped', 'verified', 'dropped')),
    notes         text,                          -- root-cause notes
    resurvey_days int,                           -- re-survey the told customers this many days after their notice (null = no)
    version       int         NOT NULL DEFAULT 0,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    committed_at  timestamptz,
    shipped_at    timestamptz,
    verified_at   timestamptz,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX actions_intervention_status ON actions_intervention (status, due_on);

CREATE TABLE actions_intervention_mechanism (
    intervention_id uuid NOT NULL REFERENCES actions_intervention (id) ON DELETE CASCADE,
    mechanism       text NOT NULL,                 -- insights codebook mechanism key
    PRIMARY KEY (intervention_id, mechanism)
);
CREATE INDEX actions_intervention_mechanism_key ON actions_intervention_mechanism (mechanism);

CREATE TABLE actions_status_change (
    id              uuid PRIMARY KEY,
    intervention_id uuid        NOT NULL REFERENCES actions_intervention (id) ON DELETE CASCADE,
    from_status     text,
    to_status       text        NOT NULL,
    note            text,
    changed_by      text        NOT NULL,
    changed_at      timestamptz NOT NULL
);
CREATE INDEX actions_status_change_intervention ON actions_status_change (intervention_id, changed_at);

-- One notice per customer per intervention, ever ("never twice").
CREATE TABLE actions_notice (
    id              uuid PRIMARY KEY,
    intervention_id uuid        NOT NULL REFERENCES actions_intervention (id) ON DELETE CASCADE,
    contact_id      uuid        NOT NULL,
    account_id      uuid,
    mechanism       text        NOT NULL,          -- the mechanism their feedback was coded to
    source_type     text        NOT NULL,          -- response or interview
    source_id       uuid        NOT NULL,
    status          text        NOT NULL,          -- queued, suppressed, skipped
    reason          text,
    notified_at     timestamptz NOT NULL,
    resurvey_due_at timestamptz,
    resurveyed_at   timestamptz,
    UNIQUE (intervention_id, contact_id)
);
CREATE INDEX actions_notice_contact ON actions_notice (contact_id);

CREATE VIEW actions_intervention_facts AS
SELECT i.id AS intervention_id, i.title, i.team, i.status, m.mechanism, i.due_on,
       i.created_at, i.committed_at, i.shipped_at, i.verified_at
  FROM actions_intervention i JOIN actions_intervention_mechanism m ON m.intervention_id = i.id;

CREATE VIEW actions_notice_facts AS
SELECT n.intervention_id, n.contact_id, n.account_id, n.mechanism, n.status, n.notified_at, n.resurveyed_at
  FROM actions_notice n;
