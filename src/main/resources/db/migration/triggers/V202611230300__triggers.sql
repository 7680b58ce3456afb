-- Trigger rules: ordered, the first enabled match decides. Conditions and outcome are stored in the
-- same shape as the API and the YAML export (RuleFormat). position is unique but deferred, so a
-- reorder can swap positions inside one transaction.
CREATE TABLE triggers_rule (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  position    int NOT NULL,
  enabled     boolean NOT NULL DEFAULT true,
  description text,
  conditions  jsonb NOT NULL DEFAULT '{}',
  outcome     jsonb NOT NULL,
  version     int NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT triggers_rule_position_key UNIQUE (position) DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX triggers_rule_name_key ON triggers_rule (lower(name));

-- One decision per response revision: a redelivered ResponseRecorded decides once.
CREATE TABLE triggers_decision (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  response_id uuid NOT NULL,
  revision    int NOT NULL,
  contact_id  uuid,
  rule_id     uuid,
  rule_name   text,
  follow_up   boolean NOT NULL,
  reason      text NOT NULL,
  reasons     jsonb NOT NULL DEFAULT '[]',
  priority    int,
  factors     jsonb NOT NULL DEFAULT '[]',
  channel     text,
  play        text,
  decided_at  timestamptz NOT NULL,
  CONSTRAINT triggers_decision_response_revision_key UNIQUE (response_id, revision)
);
CREATE INDEX triggers_decision_contact_follow_up ON triggers_decision (contact_id, decided_at DESC) WHERE follow_up;

-- Rotating samples: a credit per rule and each contact's history under the rule, updated under row locks.
CREATE TABLE triggers_sample (
  rule_id  uuid PRIMARY KEY,
  credit   double precision NOT NULL DEFAULT 0,
  eligible bigint NOT NULL DEFAULT 0,
  picked   bigint NOT NULL DEFAULT 0
);

CREATE TABLE triggers_sample_contact (
  rule_id     uuid NOT NULL,
  contact_key uuid NOT NULL,
  eligible    int NOT NULL DEFAULT 0,
  picked      int NOT NULL DEFAULT 0,
  PRIMARY KEY (rule_id, contact_key)
);

-- The defaults (kept equal to DefaultRules by a test): every detractor within 48 h, enterprise by a
-- human, a rotating 30% of passives and 20% of promoters.
INSERT INTO triggers_rule (id, name, position, enabled, description, conditions, outcome) VALUES
  ('7f1c0000-0000-4000-8000-000000000001', 'Enterprise detractors: CSM call within 24 h', 1, true, 'Enterprise is always followed up by a human: the account''s CSM calls.',
   '{"categories":["detractor"],"tiers":["enterprise"]}',
   '{"followUp":true,"channel":"call","play":"recover","sla":"24h","calendar":"calendar","priorityBoost":10,"ownerPolicy":"account_owner","overflow":"email","sampleRate":1.0}'),
  ('7f1c0000-0000-4000-8000-000000000002', 'Detractors: follow up within 48 h', 2, true, 'Every detractor: a personal email from the owner; the AI interview when people are out of capacity.',
   '{"categories":["detractor"]}',
   '{"followUp":true,"channel":"email","play":"recover","sla":"48h","calendar":"calendar","ownerPolicy":"account_owner","overflow":"interview","sampleRate":1.0,"resurveyAfter":"90d"}'),
  ('7f1c0000-0000-4000-8000-000000000003', 'Enterprise passives: CSM email', 3, true, 'Enterprise always by a human: what would make it better.',
   '{"categories":["passive"],"tiers":["enterprise"]}',
   '{"followUp":true,"channel":"email","play":"improve","sla":"5d","calendar":"calendar","ownerPolicy":"account_owner","overflow":"interview","sampleRate":1.0}'),
  ('7f1c0000-0000-4000-8000-000000000004', 'Passives: 30% rotating sample', 4, true, 'A fair rotating 30% of passives get the AI-moderated ''what would make it better'' interview.',
   '{"categories":["passive"]}',
   '{"followUp":true,"channel":"interview","play":"improve","sla":"7d","calendar":"calendar","ownerPolicy":"unassigned","sampleRate":0.3}'),
  ('7f1c0000-0000-4000-8000-000000000005', 'Promoters: 20% thank-you and referral ask', 5, true, 'A rotating 20% of promoters get a thank-you with a referral or review ask.',
   '{"categories":["promoter"]}',
   '{"followUp":true,"channel":"email","play":"thank_and_refer","sla":"7d","calendar":"calendar","ownerPolicy":"account_owner","overflow":"in_app","sampleRate":0.2}'),
  ('7f1c0000-0000-4000-8000-000000000006', 'Everyone else: no follow-up', 6, true, 'Catches what no rule above took.',
   '{}',
   '{"followUp":false}');
