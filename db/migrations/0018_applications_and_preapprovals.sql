-- Students apply for exchange places, coordinators select them (which nominates them over EWP),
-- and the courses they will take abroad are pre-approved line by line (mobilities/applications.hpp,
-- mobilities/course_preapprovals.hpp).

-- An application round of a hosted HEI, or of one unit and the units below it, for one academic
-- year: students apply between opens_at and closes_at.
CREATE TABLE application_round (
  round_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hei_id            schac_code NOT NULL REFERENCES hosted_hei,
  ounit_id          text,
  academic_year_id  text NOT NULL CHECK (academic_year_id ~ '^[0-9]{4}/[0-9]{4}$'),
  title             text NOT NULL CHECK (title <> '' AND length(title) <= 200),
  opens_at          timestamptz NOT NULL,
  closes_at         timestamptz NOT NULL,
  max_choices       integer NOT NULL DEFAULT 3 CHECK (max_choices BETWEEN 1 AND 10),
  CHECK (closes_at > opens_at),
  FOREIGN KEY (hei_id, ounit_id) REFERENCES organizational_unit (hei_id, ounit_id)
);
CREATE INDEX application_round_by_hei ON application_round (hei_id, closes_at);

-- One student's application in a round:
--   draft: saved, not yet handed in; submitted: handed in, editable until the round closes;
--   withdrawn: by the student, at any time before a decision;
--   selected: for selected_partner_hei_id, which nominated the student (omobility_id);
--   rejected: with the coordinator's reason.
-- `version` grows with every change: a form carries the version it showed, and a change against
-- another version is refused ("changed meanwhile") instead of overwriting.
CREATE TABLE application (
  application_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  round_id          bigint NOT NULL REFERENCES application_round,
  hei_id            schac_code NOT NULL,
  student_id        text NOT NULL,
  state             text NOT NULL CHECK (state IN ('draft', 'submitted', 'withdrawn', 'selected', 'rejected')),
  motivation        text NOT NULL DEFAULT '' CHECK (length(motivation) <= 5000),
  citizenship       text CHECK (citizenship ~ '^[A-Z]{2}$'),
  version           integer NOT NULL DEFAULT 1,
  selected_partner_hei_id schac_code REFERENCES hei,
  omobility_id      ewp_identifier REFERENCES omobility,
  decision_reason   text CHECK (length(decision_reason) <= 5000),
  decided_by        text,
  decided_at        timestamptz,
  submitted_at      timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  modified_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, hei_id, student_id),
  FOREIGN KEY (hei_id, student_id) REFERENCES student (hei_id, student_id),
  CHECK (state <> 'selected' OR (selected_partner_hei_id IS NOT NULL AND omobility_id IS NOT NULL)),
  CHECK (state <> 'rejected' OR decision_reason IS NOT NULL)
);
CREATE INDEX application_by_student ON application (hei_id, student_id);
CREATE INDEX application_to_decide ON application (round_id, submitted_at) WHERE state = 'submitted';

-- The destinations an application ranks, 1 first.
CREATE TABLE application_choice (
  application_id    bigint NOT NULL REFERENCES application ON DELETE CASCADE,
  rank              integer NOT NULL CHECK (rank BETWEEN 1 AND 10),
  partner_hei_id    schac_code NOT NULL REFERENCES hei,
  PRIMARY KEY (application_id, rank),
  UNIQUE (application_id, partner_hei_id)
);
CREATE INDEX application_choice_by_partner ON application_choice (partner_hei_id);

-- The course pre-approval of an outgoing mobility: each line maps a host course (at the receiving
-- HEI) to the home course or credits it replaces. An alternative is a line for a course that may
-- be full or clash on site; once approved it may go into the learning agreement without another
-- decision. Lines are decided one by one; a decided line is never edited, only replaced by a new
-- proposed line.
CREATE TABLE preapproval_line (
  line_id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  omobility_id      ewp_identifier NOT NULL REFERENCES omobility ON DELETE CASCADE,
  host_course_code  text CHECK (length(host_course_code) <= 64),
  host_course_title text NOT NULL CHECK (host_course_title <> '' AND length(host_course_title) <= 300),
  host_credits      numeric(5,1) NOT NULL CHECK (host_credits > 0),
  home_course_code  text CHECK (length(home_course_code) <= 64),
  home_course_title text CHECK (length(home_course_title) <= 300),
  home_credits      numeric(5,1) NOT NULL CHECK (home_credits >= 0),
  alternative       boolean NOT NULL DEFAULT false,
  state             text NOT NULL CHECK (state IN ('proposed', 'approved', 'rejected', 'withdrawn')),
  comment           text CHECK (length(comment) <= 5000),
  decided_by        text,
  decided_at        timestamptz,
  proposed_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (state <> 'rejected' OR comment IS NOT NULL)
);
CREATE INDEX preapproval_line_by_mobility ON preapproval_line (omobility_id, line_id);
CREATE INDEX preapproval_line_to_decide ON preapproval_line (proposed_at) WHERE state = 'proposed';
