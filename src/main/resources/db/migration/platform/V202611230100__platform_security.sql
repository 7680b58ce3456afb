-- Console users and API keys. Passwords: bcrypt via Spring's delegating encoder; keys: SHA-256 of a
-- 256-bit random token (a slow hash buys nothing for high-entropy secrets and costs every request).
CREATE TABLE platform_user (
  id            uuid PRIMARY KEY,
  email         text NOT NULL,
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin','manager','agent','viewer')),
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX platform_user_email ON platform_user (lower(email));

CREATE TABLE platform_api_key (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  prefix      text NOT NULL,
  key_hash    text NOT NULL UNIQUE,
  role        text NOT NULL CHECK (role IN ('admin','manager','agent','viewer')),
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL,
  last_used_at timestamptz,
  revoked_at  timestamptz
);
