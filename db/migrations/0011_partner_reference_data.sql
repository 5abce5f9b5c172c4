-- Reference data fetched from partner HEIs over EWP: their Institutions, Organizational Units and
-- Mobility Factsheet answers.
--
-- Partner institutions and units are stored where hosted ones are (hei, hei_name,
-- organizational_unit, ounit_name), so that pages find every name in one place; the repository
-- never lets a partner's answer touch a hosted HEI. Partner factsheets are a cache: the facts of
-- the last answer as JSON (db/partner_factsheets.hpp), with when they were fetched.
--
-- reference_fetch: per partner and API, how the last fetch went and when, so that the refresher
-- asks again only when the data is older than reference_refresh_hours, a failure is retried
-- later, and a partner without the API is not asked every minute.

CREATE TABLE partner_factsheet (
  hei_id      schac_code PRIMARY KEY REFERENCES hei ON DELETE CASCADE,
  content     jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  fetched_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reference_fetch (
  partner_hei_id   schac_code NOT NULL REFERENCES hei ON DELETE CASCADE,
  api              text NOT NULL CHECK (api IN ('institutions', 'organizational-units', 'factsheet')),
  -- fetched: stored; no_api: the registry lists no such API for the partner; failed: see last_error
  outcome          text NOT NULL CHECK (outcome IN ('fetched', 'no_api', 'failed')),
  last_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_success_at  timestamptz,
  last_error       text,  -- why it failed, or which API the registry lacks
  -- "refresh now" (the partner health page): due at the next round whatever its age.
  requested        boolean NOT NULL DEFAULT false,
  PRIMARY KEY (partner_hei_id, api)
);
