-- The audit log of security-relevant actions (logins, lockouts, keys, users, secrets, rules, codebook,
-- exports). Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, so not even the application's own
-- database role can rewrite history (only someone who can drop the trigger — the schema owner — could).
CREATE TABLE platform_audit (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      timestamptz NOT NULL,
  actor   text        NOT NULL,   -- a console user's email, 'apikey:<name>', or 'anonymous' / 'system'
  action  text        NOT NULL,   -- e.g. login.failed, api_key.created, secret.rotated, export
  target  text,                   -- what it was done to (a path, an account's email)
  ip      text,
  details jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX platform_audit_at ON platform_audit (at DESC, id DESC);
CREATE INDEX platform_audit_action ON platform_audit (action, at DESC);

CREATE FUNCTION platform_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'platform_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER platform_audit_append_only BEFORE UPDATE OR DELETE ON platform_audit
  FOR EACH ROW EXECUTE FUNCTION platform_audit_refuse_change();
CREATE TRIGGER platform_audit_no_truncate BEFORE TRUNCATE ON platform_audit
  FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_refuse_change();

-- Failed console logins per account (lower-cased email, also for accounts that do not exist, so a lockout
-- says nothing about which accounts exist). Shared by every node.
CREATE TABLE platform_login_failure (
  email        text PRIMARY KEY,
  failures     int         NOT NULL,
  locked_until timestamptz,
  last_at      timestamptz NOT NULL
);
