-- Change notifications (EWP CNRs), durable in both directions.
--
-- cnr_outbox: what we must tell partners ("our IIA x changed", "we approved your IIA y"). A row
-- is leased by one worker at a time (FOR UPDATE SKIP LOCKED, with a lease that expires if the
-- process dies), retried with exponential backoff, and ends delivered, no_cnr_api (the partner
-- publishes no such API) or gave_up. A second notification of the same thing while one is still
-- pending is the same row (coalescing).
--
-- cnr_inbox: what partners told us, acknowledged at once and worked off later with the same
-- rules: refresh a partner's IIA (after its IIA CNR) or its approval of ours (after its IIA
-- Approval CNR).

CREATE TABLE cnr_outbox (
  cnr_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  api             text NOT NULL CHECK (api IN ('iia-cnr', 'iia-approval-cnr')),
  sender_hei_id   schac_code NOT NULL REFERENCES hosted_hei,
  partner_hei_id  schac_code NOT NULL,
  iia_id          ewp_identifier NOT NULL,  -- the id the notification carries
  state           text NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'delivered', 'no_cnr_api', 'gave_up')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  leased_until    timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz
);
CREATE UNIQUE INDEX cnr_outbox_one_pending ON cnr_outbox (api, sender_hei_id, partner_hei_id, iia_id) WHERE state = 'pending';
CREATE INDEX cnr_outbox_due ON cnr_outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX cnr_outbox_by_partner ON cnr_outbox (partner_hei_id, created_at);

CREATE TABLE cnr_inbox (
  job_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('iia', 'iia-approval')),
  partner_hei_id  schac_code NOT NULL,   -- who notified us (the HEI its key covers)
  iia_id          ewp_identifier NOT NULL,  -- iia: the partner's id; iia-approval: ours
  state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'gave_up')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  leased_until    timestamptz,
  last_error      text,
  received_at     timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz
);
CREATE UNIQUE INDEX cnr_inbox_one_pending ON cnr_inbox (kind, partner_hei_id, iia_id) WHERE state = 'pending';
CREATE INDEX cnr_inbox_due ON cnr_inbox (next_attempt_at) WHERE state = 'pending';

-- Per partner: the outcome of our last call to it, for the partner health page.
CREATE TABLE partner_contact (
  partner_hei_id   schac_code PRIMARY KEY,
  last_success_at  timestamptz,
  last_error_at    timestamptz,
  last_error       text
);
