-- Development only (followthrough.secret empty): the per-install key that seals secrets at rest, shared by
-- every node on this database. It protects nothing from someone who can read this table; production
-- requires followthrough.secret, and once it is set this key only opens values until they are re-sealed.
CREATE TABLE platform_secret_key (
  id         int PRIMARY KEY CHECK (id = 1),
  secret     text        NOT NULL,
  created_at timestamptz NOT NULL
);
