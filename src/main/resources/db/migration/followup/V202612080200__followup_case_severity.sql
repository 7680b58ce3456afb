-- What the conversation said about the case (issue 13): how severe it is and what happens next. Set by the interview's
-- assessment through FollowUps.assess (and by people through the same API); empty until then.
ALTER TABLE followup_case
  ADD COLUMN severity text CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  ADD COLUMN next_step text;
