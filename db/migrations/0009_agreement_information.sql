-- Per-agreement information for students: what a hosted HEI tells its students about one partner
-- destination (study places, city, visa, fees, deadlines, languages, links, student reports).
--
-- One agreement_information row per (hosted HEI, partner HEI), optionally tied to one of our IIAs.
-- Every save is a new agreement_information_version (who, when, why) whose content is the JSON of
-- agreements/agreement_information.hpp; content is never updated in place, so any two versions
-- can be compared. A version's state follows the review workflow (agreements/information_review.hpp):
--   draft       being edited by coordinators (or returned by the reviewer, with a comment)
--   in_review   submitted, waiting for an international-office admin
--   published   approved: the version students see
--   superseded  replaced: by a newer save (a draft) or by the next published version
-- At most one version of a destination is open (draft or in review) and at most one published.

CREATE TABLE agreement_information (
  hei_id          schac_code NOT NULL REFERENCES hosted_hei,
  partner_hei_id  schac_code NOT NULL REFERENCES hei,
  iia_id          ewp_identifier,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hei_id, partner_hei_id),
  FOREIGN KEY (hei_id, iia_id) REFERENCES iia,
  CHECK (partner_hei_id <> hei_id)
);

CREATE TABLE agreement_information_version (
  hei_id                   schac_code NOT NULL,
  partner_hei_id           schac_code NOT NULL,
  version_number           integer NOT NULL CHECK (version_number >= 1),
  state                    text NOT NULL CHECK (state IN ('draft', 'in_review', 'published', 'superseded')),
  content                  jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object' AND octet_length(content::text) <= 200000),
  saved_at                 timestamptz NOT NULL DEFAULT now(),
  saved_by_account_id      bigint REFERENCES account ON DELETE SET NULL,
  saved_by                 text NOT NULL CHECK (saved_by <> ''),  -- the author's email at the time
  reason                   text NOT NULL CHECK (reason <> '' AND length(reason) <= 2000),
  -- The last submission for review, and the reviewer's decision on it.
  submitted_at             timestamptz,
  submitted_by_account_id  bigint REFERENCES account ON DELETE SET NULL,
  submitted_by             text CHECK (submitted_by <> ''),
  reviewed_at              timestamptz,
  reviewed_by              text CHECK (reviewed_by <> ''),
  review_comment           text CHECK (review_comment <> '' AND length(review_comment) <= 4000),
  published_at             timestamptz,
  PRIMARY KEY (hei_id, partner_hei_id, version_number),
  FOREIGN KEY (hei_id, partner_hei_id) REFERENCES agreement_information ON DELETE CASCADE,
  CHECK (state <> 'in_review' OR submitted_at IS NOT NULL),
  CHECK (state <> 'published' OR published_at IS NOT NULL)
);
CREATE UNIQUE INDEX agreement_information_one_open ON agreement_information_version (hei_id, partner_hei_id)
  WHERE state IN ('draft', 'in_review');
CREATE UNIQUE INDEX agreement_information_one_published ON agreement_information_version (hei_id, partner_hei_id)
  WHERE state = 'published';
CREATE INDEX agreement_information_in_review ON agreement_information_version (hei_id) WHERE state = 'in_review';
