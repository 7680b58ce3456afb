-- A contact whose address bounced permanently (SMTP 5xx): no customer email is sent to it.
ALTER TABLE responses_contact ADD COLUMN undeliverable_at timestamptz;
ALTER TABLE responses_contact ADD COLUMN undeliverable_reason text;
