-- fiscus storage, version 4: accounts (issue 13). The organisation tree, users with a password hash,
-- server-side sessions (shared by every server process on the database) and API tokens. Sessions and
-- tokens are stored as the sha256 of their secret only: a copy of the database opens no session.
-- Role and organisation-kind keys are checked by the domain (src/domain/access.ts), their one home.
CREATE TABLE organisations (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  kind text NOT NULL,
  parent_id integer REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_parent ON organisations (parent_id);

CREATE TABLE users (
  id serial PRIMARY KEY,
  -- Lower case (the domain normalises it); unique as stored.
  login text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL,
  organisation_id integer NOT NULL REFERENCES organisations (id),
  -- scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_sha256 text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_sha256 text NOT NULL UNIQUE,
  -- The first characters of the token, to tell tokens apart in a list; not enough to use one.
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
