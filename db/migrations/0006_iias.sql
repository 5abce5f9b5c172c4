-- Inter-institutional agreements (IIAs): our own copies with every version, the partners' copies
-- as we fetched them, and the approvals in both directions (EWP IIAs v7 and IIAs Approval v2).
--
-- A hosted HEI owns its copy of an agreement (iia); each change of its content is a new
-- iia_version (who, when, why), so any two versions can be compared. The content is the JSON of
-- agreements/iia_json.hpp; iia_hash is the EWP hash of that content as the node serves it.

CREATE DOMAIN ewp_identifier AS text CHECK (VALUE ~ '^[!-~]{1,64}$');
CREATE DOMAIN sha256_hex AS text CHECK (VALUE ~ '^[0-9a-f]{64}$');

CREATE TABLE iia (
  hei_id           schac_code NOT NULL REFERENCES hosted_hei,
  iia_id           ewp_identifier NOT NULL,
  partner_hei_id   schac_code NOT NULL REFERENCES hei,
  -- The partner's id of its own copy, once the copies are bound to each other.
  partner_iia_id   ewp_identifier,
  iia_code         text NOT NULL CHECK (iia_code <> '' AND length(iia_code) <= 200),
  -- The unit that handles the agreement on our side (coordinators see their units' agreements).
  ounit_id         text,
  -- draft: only our staff see it; shared: served to the partner over EWP; deleted: withdrawn
  -- before it was ever mutually approved. Deleted ids are kept so that they are never reused.
  state            text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'shared', 'deleted')),
  current_version  integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
  iia_hash         sha256_hex NOT NULL,
  -- The last version both partners approved, kept so that a modification can be compared to it.
  approved_version integer,
  created_at       timestamptz NOT NULL DEFAULT now(),
  modified_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hei_id, iia_id),
  FOREIGN KEY (hei_id, ounit_id) REFERENCES organizational_unit (hei_id, ounit_id),
  CHECK (partner_hei_id <> hei_id)
);
CREATE UNIQUE INDEX iia_partner_copy ON iia (hei_id, partner_hei_id, partner_iia_id) WHERE state <> 'deleted';
CREATE INDEX iia_by_partner ON iia (partner_hei_id, hei_id) WHERE state = 'shared';

CREATE TABLE iia_version (
  hei_id      schac_code NOT NULL,
  iia_id      ewp_identifier NOT NULL,
  version     integer NOT NULL CHECK (version >= 1),
  content     jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  iia_hash    sha256_hex NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now(),
  account_id  bigint REFERENCES account ON DELETE SET NULL,
  changed_by  text NOT NULL CHECK (changed_by <> ''),  -- email at the time, or "partner" or "command line"
  reason      text NOT NULL CHECK (reason <> '' AND length(reason) <= 2000),
  PRIMARY KEY (hei_id, iia_id, version),
  FOREIGN KEY (hei_id, iia_id) REFERENCES iia ON DELETE CASCADE
);

ALTER TABLE iia ADD FOREIGN KEY (hei_id, iia_id, current_version) REFERENCES iia_version (hei_id, iia_id, version)
  DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE iia ADD FOREIGN KEY (hei_id, iia_id, approved_version) REFERENCES iia_version (hei_id, iia_id, version)
  DEFERRABLE INITIALLY DEFERRED;

-- The partner's copy of an agreement with us, as its IIAs get answered; every fetch that changed
-- it is a new partner_iia_version. Found by the partner's id; bound to our copy by iia_id.
CREATE TABLE partner_iia (
  hei_id           schac_code NOT NULL REFERENCES hosted_hei,
  partner_hei_id   schac_code NOT NULL REFERENCES hei,
  partner_iia_id   ewp_identifier NOT NULL,
  iia_id           ewp_identifier,  -- our id, as the partner's copy names it (partner[2] iia-id)
  current_version  integer,         -- null until the first successful fetch
  -- The partner's get no longer returns it (deleted on its side).
  gone_at          timestamptz,
  last_fetched_at  timestamptz,
  PRIMARY KEY (hei_id, partner_hei_id, partner_iia_id)
);

CREATE TABLE partner_iia_version (
  hei_id              schac_code NOT NULL,
  partner_hei_id      schac_code NOT NULL,
  partner_iia_id      ewp_identifier NOT NULL,
  version             integer NOT NULL CHECK (version >= 1),
  content             jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  iia_hash            sha256_hex NOT NULL,  -- the hash the partner published
  hash_verified       boolean NOT NULL,     -- our computation of the hash agrees with it
  valid_for_approval  boolean NOT NULL,     -- no legacy (v6) values left in it
  fetched_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hei_id, partner_hei_id, partner_iia_id, version),
  FOREIGN KEY (hei_id, partner_hei_id, partner_iia_id) REFERENCES partner_iia ON DELETE CASCADE
);

-- Our approval of a partner's copy (served by our IIAs Approval API): the hash we approved.
CREATE TABLE iia_approval_given (
  hei_id          schac_code NOT NULL REFERENCES hosted_hei,
  partner_hei_id  schac_code NOT NULL REFERENCES hei,
  partner_iia_id  ewp_identifier NOT NULL,
  iia_hash        sha256_hex NOT NULL,
  approved_at     timestamptz NOT NULL DEFAULT now(),
  account_id      bigint REFERENCES account ON DELETE SET NULL,
  approved_by     text NOT NULL CHECK (approved_by <> ''),
  PRIMARY KEY (hei_id, partner_hei_id, partner_iia_id),
  FOREIGN KEY (hei_id, partner_hei_id, partner_iia_id) REFERENCES partner_iia
);

-- The partner's approval of our copy, as its IIAs Approval API answered: the hash it approved.
-- Mutual approval holds while this hash equals our current iia_hash.
CREATE TABLE iia_approval_received (
  hei_id       schac_code NOT NULL,
  iia_id       ewp_identifier NOT NULL,
  iia_hash     sha256_hex NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hei_id, iia_id),
  FOREIGN KEY (hei_id, iia_id) REFERENCES iia ON DELETE CASCADE
);
