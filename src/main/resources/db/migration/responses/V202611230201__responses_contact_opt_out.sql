-- A contact who asked never to be contacted again: no follow-up, no invitation, no survey.
ALTER TABLE responses_contact ADD COLUMN opted_out_at timestamptz;
