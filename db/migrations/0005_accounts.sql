-- People who sign in to the exchange portal and the agreement-process tool: accounts, their roles
-- and scopes, links to external logins, sessions, login throttling, password resets, and the
-- audit log of what people changed.

CREATE TABLE account (
  account_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email          email_address NOT NULL,
  display_name   text NOT NULL CHECK (display_name <> '' AND length(display_name) <= 200),
  language       text NOT NULL DEFAULT 'nb' CHECK (language IN ('nb', 'en')),
  -- "scrypt$<log2 N>$<r>$<p>$<salt>$<hash>" (portal/accounts/password_hash.hpp); NULL: no local
  -- password (an external login only, or none set yet).
  password_hash  text,
  disabled_at    timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_email ON account (lower(email));

-- A login at an external identity provider (Feide or eduGAIN, over OIDC or SAML) that stands for
-- an account. Federated login plugs in here, without changing `account`.
CREATE TABLE external_identity (
  issuer      text NOT NULL CHECK (issuer <> ''),   -- OIDC issuer URL or SAML IdP entity id
  subject     text NOT NULL CHECK (subject <> ''),  -- OIDC `sub` or SAML persistent NameID
  account_id  bigint NOT NULL REFERENCES account ON DELETE CASCADE,
  linked_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject)
);

-- What an account may do, and where: a student (their own record at their HEI), a coordinator
-- (an HEI, optionally one organizational unit), an international-office admin (an HEI), or the
-- node operator (no HEI). portal/accounts/authorization.hpp decides every access from these.
CREATE TABLE account_role (
  account_id  bigint NOT NULL REFERENCES account ON DELETE CASCADE,
  role        text NOT NULL CHECK (role IN ('student', 'coordinator', 'io_admin', 'operator')),
  hei_id      schac_code REFERENCES hosted_hei,
  ounit_id    text,
  student_id  text,
  UNIQUE NULLS NOT DISTINCT (account_id, role, hei_id, ounit_id),
  FOREIGN KEY (hei_id, ounit_id) REFERENCES organizational_unit (hei_id, ounit_id),
  FOREIGN KEY (hei_id, student_id) REFERENCES student (hei_id, student_id),
  CHECK ((role = 'operator') = (hei_id IS NULL)),
  CHECK (role = 'coordinator' OR ounit_id IS NULL),
  CHECK ((role = 'student') = (student_id IS NOT NULL))
);

-- Signed-in sessions. The cookie carries 256 random bits; only their SHA-256 is stored, so a copy
-- of this table does not let anyone sign in.
CREATE TABLE web_session (
  session_hash  bytea PRIMARY KEY CHECK (length(session_hash) = 32),
  account_id    bigint NOT NULL REFERENCES account ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX web_session_account ON web_session (account_id);

-- Failed logins, counted per account (lower-cased email) and per client address within a window.
CREATE TABLE login_failure (
  scope      text NOT NULL,  -- 'account:<email>' or 'address:<ip>'
  failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_scope ON login_failure (scope, failed_at);

-- One-time password-reset tokens; as with sessions only the SHA-256 of the token is stored.
CREATE TABLE password_reset (
  token_hash  bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  account_id  bigint NOT NULL REFERENCES account ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

-- Every state-changing action by a person: who (kept even after the account is gone), in which
-- role and HEI, what, on which record, when.
CREATE TABLE audit_event (
  audit_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  account_id  bigint REFERENCES account ON DELETE SET NULL,
  actor       text NOT NULL,   -- the account's email at the time, or 'operator (command line)'
  role        text,
  hei_id      text,
  action      text NOT NULL CHECK (action ~ '^[a-z_]+$'),
  record      text,            -- 'account:42', 'iia:…'
  detail      text
);
CREATE INDEX audit_event_hei_at ON audit_event (hei_id, at DESC);
