-- The courses a partner HEI publishes over EWP (Simple Course Replication lists its LOS ids, the
-- Courses API describes them), kept apart from the list our coordinators keep (host_course, 0023).
-- One row per learning opportunity instance (LOI) of a course, or one row without an LOI for a
-- course the partner gives no instance of. Replaced as a whole for the partner on each successful
-- fetch (db/partner_courses.hpp); a failed fetch leaves the previous copy as it was.
--
-- term is derived from the LOI's dates, as coordinators' courses name it: a span of more than 200
-- days is the whole year, one starting from July the autumn, else the spring.

CREATE TABLE partner_course (
  hei_id            schac_code NOT NULL REFERENCES hei ON DELETE CASCADE,
  los_id            text NOT NULL CHECK (los_id <> '' AND length(los_id) <= 64),
  loi_id            text CHECK (loi_id <> '' AND length(loi_id) <= 64),
  los_code          text CHECK (length(los_code) <= 256),
  title             text NOT NULL CHECK (length(title) <= 1000),
  title_language    text CHECK (length(title_language) <= 35),
  ects_credits      numeric(6,2) CHECK (ects_credits >= 0),
  isced_f_code      text CHECK (length(isced_f_code) <= 16),
  eqf_level         smallint CHECK (eqf_level BETWEEN 1 AND 8),
  language          text CHECK (length(language) <= 35),
  starts_on         date,
  ends_on           date,
  term              text GENERATED ALWAYS AS (
                      CASE WHEN starts_on IS NULL OR ends_on IS NULL THEN NULL
                           WHEN ends_on - starts_on > 200 THEN 'year'
                           WHEN extract(month FROM starts_on) >= 7 THEN 'autumn'
                           ELSE 'spring' END) STORED,
  url               text CHECK (length(url) <= 2048),
  fetched_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((starts_on IS NULL) = (loi_id IS NULL) AND (ends_on IS NULL) = (loi_id IS NULL)),
  UNIQUE NULLS NOT DISTINCT (hei_id, los_id, loi_id)
);

-- The refresher fetches courses as it fetches the other reference data.
ALTER TABLE reference_fetch DROP CONSTRAINT reference_fetch_api_check;
ALTER TABLE reference_fetch ADD CONSTRAINT reference_fetch_api_check
  CHECK (api IN ('institutions', 'organizational-units', 'factsheet', 'courses'));

-- A pre-approval line whose host course the student picked from the partner's catalogue keeps its
-- ids, which the learning agreement's component carries on (los-id, loi-id).
ALTER TABLE preapproval_line
  ADD COLUMN host_los_id text CHECK (host_los_id <> '' AND length(host_los_id) <= 64),
  ADD COLUMN host_loi_id text CHECK (host_loi_id <> '' AND length(host_loi_id) <= 64),
  ADD CHECK (host_loi_id IS NULL OR host_los_id IS NOT NULL);
