-- Student mobilities for studies (EWP OMobilities v3, IMobilities v2) and their learning
-- agreements (OMobility LAs v1.2), from both sides.
--
-- As the sending HEI we own omobility (the nomination and its status) and learning_agreement
-- with every la_version. Contents are the JSON of mobilities/mobility_json.hpp; the columns
-- beside them are what EWP requests filter on. Every change is an omobility_event, so the
-- history of a mobility and of its agreement can be shown.
--
-- As the receiving HEI we keep the sending HEI's copies as fetched (partner_omobility,
-- partner_la) and the data that is ours: the actual dates (served by IMobilities). Our
-- decisions travel to the sending HEI through the durable outbox (cnr_outbox), as calls of its
-- OMobilities / LAs update API with the decision in payload.

CREATE TABLE omobility (
  omobility_id      ewp_identifier PRIMARY KEY,  -- unique on the node: v3 get names no HEI
  sending_hei_id    schac_code NOT NULL REFERENCES hosted_hei,
  receiving_hei_id  schac_code NOT NULL REFERENCES hei,
  receiving_academic_year_id text NOT NULL CHECK (receiving_academic_year_id ~ '^[0-9]{4}/[0-9]{4}$'),
  global_id         text NOT NULL CHECK (global_id <> ''),  -- the student's ESI: never changes
  status            text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
  proposal_id       text NOT NULL,  -- of the current nomination content
  content           jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  student_id        text,           -- our student record, when the student has one
  -- Removed before anything was shared (a mistaken nomination); the id is never reused.
  withdrawn         boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL DEFAULT now(),
  modified_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (receiving_hei_id <> sending_hei_id)
);
CREATE INDEX omobility_by_receiver ON omobility (receiving_hei_id, sending_hei_id);
CREATE INDEX omobility_by_student ON omobility (global_id);
CREATE INDEX omobility_modified ON omobility (modified_at);

-- What happened to a mobility or its agreement, in order: who, what, and the content after it.
CREATE TABLE omobility_event (
  event_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  omobility_id  ewp_identifier NOT NULL REFERENCES omobility ON DELETE CASCADE,
  happened_at   timestamptz NOT NULL DEFAULT now(),
  actor         text NOT NULL CHECK (actor <> ''),  -- email, "partner uni-b.example", "command line"
  event         text NOT NULL CHECK (event <> ''),  -- "nominated", "approved by the partner", ...
  la_version    integer,                            -- the LA version the event concerns
  comment       text,
  content       jsonb                               -- the mobility after the event, when it changed
);
CREATE INDEX omobility_event_by_mobility ON omobility_event (omobility_id, event_id);

-- The learning agreement of one of our outgoing mobilities: one per mobility.
CREATE TABLE learning_agreement (
  omobility_id      ewp_identifier PRIMARY KEY REFERENCES omobility ON DELETE CASCADE,
  modified_at       timestamptz NOT NULL DEFAULT now(),
  -- Set once the student and the sending HEI signed a first proposal: from then on the receiving
  -- HEI sees the agreement over EWP.
  shared_at         timestamptz
);
CREATE INDEX learning_agreement_modified ON learning_agreement (modified_at);

-- Every version of an agreement, in order:
--   draft: being prepared, not yet signed by the student and the sending HEI; not served;
--   proposed: signed by both and served as the changes-proposal, awaiting the receiving HEI;
--   commented: the receiving HEI commented (rejected) it; still served until a new proposal;
--   approved: the receiving HEI signed it; served as first-version (the first approved) or
--     approved-changes (the latest later one);
--   superseded: replaced by a newer proposal before a decision; withdrawn: a draft given up.
CREATE TABLE la_version (
  omobility_id   ewp_identifier NOT NULL REFERENCES learning_agreement ON DELETE CASCADE,
  version        integer NOT NULL CHECK (version >= 1),
  content        jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  changes_proposal_id text NOT NULL,
  state          text NOT NULL CHECK (state IN ('draft', 'proposed', 'commented', 'approved', 'superseded', 'withdrawn')),
  comment        text,   -- the receiving HEI's, when commented
  created_at     timestamptz NOT NULL DEFAULT now(),
  decided_at     timestamptz,
  PRIMARY KEY (omobility_id, version)
);
-- At most one draft and one proposal awaiting the partner per agreement.
CREATE UNIQUE INDEX la_version_one_draft ON la_version (omobility_id) WHERE state = 'draft';
CREATE UNIQUE INDEX la_version_one_proposal ON la_version (omobility_id) WHERE state IN ('proposed', 'commented');

-- A sending HEI's mobility to one of our hosted HEIs, as its OMobilities get answered, and
-- what is ours about it (the actual dates, served by IMobilities v2).
CREATE TABLE partner_omobility (
  sending_hei_id    schac_code NOT NULL REFERENCES hei,
  omobility_id      ewp_identifier NOT NULL,
  receiving_hei_id  schac_code NOT NULL REFERENCES hosted_hei,
  receiving_academic_year_id text NOT NULL,
  status            text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
  proposal_id       text NOT NULL,
  content           jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  fetched_at        timestamptz NOT NULL DEFAULT now(),
  -- The partner no longer serves it to us (an empty get after it had it).
  gone              boolean NOT NULL DEFAULT false,
  actual_arrival_date   date,
  actual_departure_date date,
  dates_modified_at timestamptz,
  PRIMARY KEY (sending_hei_id, omobility_id)
);
CREATE INDEX partner_omobility_by_receiver ON partner_omobility (receiving_hei_id, fetched_at);

-- A sending HEI's learning agreement for a mobility to us, as its LAs get answered: the whole
-- agreement (mobility fields and versions) and the id of the proposal awaiting our decision.
CREATE TABLE partner_la (
  sending_hei_id    schac_code NOT NULL REFERENCES hei,
  omobility_id      ewp_identifier NOT NULL,
  receiving_hei_id  schac_code NOT NULL REFERENCES hosted_hei,
  content           jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  changes_proposal_id text,
  fetched_at        timestamptz NOT NULL DEFAULT now(),
  gone              boolean NOT NULL DEFAULT false,
  PRIMARY KEY (sending_hei_id, omobility_id)
);

-- The outbox and the inbox carry mobility ids too: the id column is named for what it is, and
-- an outbox call may carry a payload (an update's decision).
ALTER TABLE cnr_outbox RENAME COLUMN iia_id TO object_id;
ALTER TABLE cnr_inbox RENAME COLUMN iia_id TO object_id;
ALTER TABLE cnr_outbox ADD COLUMN payload jsonb;
ALTER TABLE cnr_outbox DROP CONSTRAINT cnr_outbox_api_check;
ALTER TABLE cnr_outbox ADD CONSTRAINT cnr_outbox_api_check CHECK (api IN (
  'iia-cnr', 'iia-approval-cnr', 'omobility-cnr', 'omobility-la-cnr', 'imobility-cnr',
  'omobilities-update', 'omobility-las-update'));
ALTER TABLE cnr_outbox DROP CONSTRAINT cnr_outbox_state_check;
-- conflict: an update the partner refused with 409 (its proposal had changed); refused: other 4xx.
ALTER TABLE cnr_outbox ADD CONSTRAINT cnr_outbox_state_check CHECK (state IN (
  'pending', 'delivered', 'no_cnr_api', 'gave_up', 'conflict'));
ALTER TABLE cnr_inbox DROP CONSTRAINT cnr_inbox_kind_check;
ALTER TABLE cnr_inbox ADD CONSTRAINT cnr_inbox_kind_check CHECK (kind IN (
  'iia', 'iia-approval', 'omobility', 'omobility-la', 'imobility'));
CREATE INDEX cnr_outbox_by_object ON cnr_outbox (object_id, created_at);

-- Mobilities link a hosted HEI to its partners too.
CREATE OR REPLACE VIEW partner_link AS
  SELECT hei_id, partner_hei_id FROM hosted_hei_partner
  UNION SELECT hei_id, partner_hei_id FROM iia
  UNION SELECT hei_id, partner_hei_id FROM partner_iia
  UNION SELECT sender_hei_id, partner_hei_id FROM cnr_outbox
  UNION SELECT sending_hei_id, receiving_hei_id FROM omobility
  UNION SELECT receiving_hei_id, sending_hei_id FROM partner_omobility;
