-- The last good copy of the EWP registry catalogue per registry URL, so that a node restarts
-- and keeps authenticating partners while the registry is unreachable (for a limited time).
CREATE TABLE registry_catalogue (
  registry_url   text PRIMARY KEY,
  body           text NOT NULL,
  etag           text,
  last_modified  text,
  fetched_at     timestamptz NOT NULL,  -- last time the registry confirmed this copy (200 or 304)
  expires_at     timestamptz NOT NULL   -- when to ask again
);
