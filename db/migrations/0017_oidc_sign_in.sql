-- Sign-in with OpenID Connect (portal/accounts/oidc/): the providers each hosted HEI trusts, the
-- links from a provider's claim value to an account, the sign-ins under way, and what RP-initiated
-- logout needs of a session that began at a provider. Managed with `mobility oidc`.
--
-- 0005's external_identity (issuer, sub) stays unused: people are linked by the claim each
-- provider is configured to identify them with (Feide: eduPersonPrincipalName; MyAcademicID: the
-- European Student Identifier), which is not always `sub` (Feide's `sub` differs per client).

CREATE TABLE oidc_provider (
  -- In URLs (/login/oidc/<provider_id>); 'callback' is the path the providers send browsers back to.
  provider_id         text PRIMARY KEY CHECK (provider_id ~ '^[a-z0-9][a-z0-9-]{0,39}$' AND provider_id <> 'callback'),
  hei_id              schac_code NOT NULL REFERENCES hosted_hei ON DELETE CASCADE,
  display_name        text NOT NULL CHECK (display_name <> '' AND length(display_name) <= 100),
  issuer              text NOT NULL CHECK (issuer ~ '^https?://[^ ]+$'),
  client_id           text NOT NULL CHECK (client_id <> '' AND length(client_id) <= 500),
  -- A file readable by the node holding the client secret; the secret itself is never stored.
  client_secret_file  text NOT NULL CHECK (client_secret_file <> ''),
  scopes              text NOT NULL DEFAULT 'openid' CHECK (scopes ~ '^openid( [!-~]+)*$'),
  subject_claim       text NOT NULL DEFAULT 'sub' CHECK (subject_claim ~ '^[!-~]{1,100}$'),
  -- When set: a person nobody linked yet is linked to their nomination to this HEI by this
  -- claim's European Student Identifier.
  esi_claim           text CHECK (esi_claim ~ '^[!-~]{1,100}$'),
  -- When set: a person nobody linked yet whose role_claim holds one of student_values gets a new
  -- student account at this HEI.
  role_claim          text CHECK (role_claim ~ '^[!-~]{1,100}$'),
  student_values      text[] NOT NULL DEFAULT '{}',
  use_userinfo        boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now()
);

-- The account a person signs in to: the value of the provider's subject_claim, linked by an
-- operator (staff), at a student's first sign-in, or by a nomination's ESI.
CREATE TABLE account_identity (
  provider_id  text NOT NULL REFERENCES oidc_provider ON DELETE CASCADE,
  claim_value  text NOT NULL CHECK (claim_value <> '' AND length(claim_value) <= 500),
  account_id   bigint NOT NULL REFERENCES account ON DELETE CASCADE,
  linked_by    text NOT NULL CHECK (linked_by IN ('operator', 'student_sign_in', 'nomination')),
  linked_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider_id, claim_value)
);
CREATE INDEX account_identity_account ON account_identity (account_id);

-- An incoming student's account and the nominations (partners' mobilities to us) it was linked to
-- by ESI.
CREATE TABLE account_nomination (
  account_id      bigint NOT NULL REFERENCES account ON DELETE CASCADE,
  sending_hei_id  schac_code NOT NULL,
  omobility_id    ewp_identifier NOT NULL,
  PRIMARY KEY (account_id, sending_hei_id, omobility_id),
  FOREIGN KEY (sending_hei_id, omobility_id) REFERENCES partner_omobility ON DELETE CASCADE
);

-- A sign-in sent to a provider and not yet back: found once by the SHA-256 of its `state`, only
-- from the browser that started it (the SHA-256 of its cookie), until it expires.
CREATE TABLE oidc_login_attempt (
  state_hash     bytea PRIMARY KEY CHECK (length(state_hash) = 32),
  browser_hash   bytea NOT NULL CHECK (length(browser_hash) = 32),
  provider_id    text NOT NULL REFERENCES oidc_provider ON DELETE CASCADE,
  nonce          text NOT NULL CHECK (nonce <> ''),
  code_verifier  text NOT NULL CHECK (length(code_verifier) BETWEEN 43 AND 128),
  expires_at     timestamptz NOT NULL
);
CREATE INDEX oidc_login_attempt_expiry ON oidc_login_attempt (expires_at);

-- A session that began at a provider: its ID token, the id_token_hint of RP-initiated logout.
-- It goes with the session (logout, expiry sweep, account deleted).
CREATE TABLE oidc_session (
  session_hash  bytea PRIMARY KEY REFERENCES web_session ON DELETE CASCADE,
  provider_id   text NOT NULL REFERENCES oidc_provider ON DELETE CASCADE,
  id_token      text NOT NULL
);
