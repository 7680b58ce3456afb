-- The holdout arm: a rule decided to follow up, and the contact's arm said not to (follow_up stays false).
ALTER TABLE triggers_decision ADD COLUMN holdout boolean NOT NULL DEFAULT false;
