-- The host's courses a hosted HEI's coordinators keep per destination (partner HEI), for partners
-- that publish no EWP Courses API: students see them on the destination page and pick them in
-- their course pre-approval (agreements/host_courses.hpp).
--
-- `version` grows with every change: a form carries the version it showed, and a change or a
-- removal against another version is refused ("changed meanwhile") instead of overwriting.
CREATE TABLE host_course (
  course_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hei_id            schac_code NOT NULL REFERENCES hosted_hei ON DELETE CASCADE,
  partner_hei_id    schac_code NOT NULL REFERENCES hei ON DELETE CASCADE,
  los_code          text NOT NULL CHECK (los_code <> '' AND length(los_code) <= 64),
  title             text NOT NULL CHECK (title <> '' AND length(title) <= 300),
  ects_credits      numeric(5,1) NOT NULL CHECK (ects_credits > 0 AND ects_credits <= 60),
  term              text NOT NULL CHECK (term IN ('autumn', 'spring', 'year')),
  language          text CHECK (language ~ '^[a-z]{2}$'),
  eqf_level         smallint CHECK (eqf_level BETWEEN 5 AND 8),
  isced_f_code      text CHECK (isced_f_code ~ '^[0-9]{2,4}$'),
  url               text CHECK (length(url) <= 2048),
  version           integer NOT NULL DEFAULT 1,
  modified_by       text NOT NULL,
  modified_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (hei_id, partner_hei_id, los_code),
  CHECK (partner_hei_id <> hei_id)
);
