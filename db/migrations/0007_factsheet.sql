-- The Mobility Factsheet of each hosted HEI (served by the EWP Factsheet API v1.2.0), versioned:
-- every save adds a complete new version (who, when, why) and nothing is ever updated in place,
-- so any two versions can be compared. The current factsheet is the newest version.
--
-- A version's rows are keyed by (hei_id, version_number): the version row holds the calendar and
-- the week limits; factsheet_information holds its InformationEntries (email, phone, website URLs)
-- by section; factsheet_requirement its additional requirements.

-- A calendar day without a year, 'MM-DD' (xs:gMonthDay without the leading "--"); 02-29 is allowed.
CREATE DOMAIN month_day AS text
  CHECK (VALUE ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
         AND CASE left(VALUE, 2)
               WHEN '02' THEN right(VALUE, 2) <= '29'
               WHEN '04' THEN right(VALUE, 2) <= '30'
               WHEN '06' THEN right(VALUE, 2) <= '30'
               WHEN '09' THEN right(VALUE, 2) <= '30'
               WHEN '11' THEN right(VALUE, 2) <= '30'
               ELSE true
             END);

-- ewp:HTTPWithOptionalLang: the XSD accepts http:// as well as https://.
CREATE DOMAIN web_url AS text
  CHECK (VALUE ~ '^https?://[^\s]+$' AND length(VALUE) <= 2048);

CREATE TABLE factsheet_version (
  hei_id                     schac_code NOT NULL REFERENCES hosted_hei,
  version_number             integer NOT NULL CHECK (version_number >= 1),
  saved_at                   timestamptz NOT NULL DEFAULT now(),
  saved_by_account_id        bigint REFERENCES account ON DELETE SET NULL,
  saved_by                   text NOT NULL CHECK (saved_by <> ''),  -- the author's email at the time
  reason                     text NOT NULL CHECK (reason <> ''),
  nominations_autumn_term    month_day NOT NULL,
  nominations_spring_term    month_day NOT NULL,
  applications_autumn_term   month_day NOT NULL,
  applications_spring_term   month_day NOT NULL,
  decision_weeks_limit       integer NOT NULL CHECK (decision_weeks_limit > 0),
  tor_weeks_limit            integer NOT NULL CHECK (tor_weeks_limit > 0),
  PRIMARY KEY (hei_id, version_number)
);

CREATE VIEW current_factsheet_version AS
  SELECT DISTINCT ON (hei_id) hei_id, version_number
    FROM factsheet_version
   ORDER BY hei_id, version_number DESC;

-- One InformationEntry of a version: exactly one each for application, housing, visa and
-- insurance (position 1), and one per accessibility and additional-info item (position 1, 2, …).
-- Accessibility items also have a type (infrastructure or service), a name and maybe a
-- description; additional-info items a free-text type.
CREATE TABLE factsheet_information (
  hei_id              schac_code NOT NULL,
  version_number      integer NOT NULL,
  section             text NOT NULL
                        CHECK (section IN ('application', 'housing', 'visa', 'insurance', 'accessibility', 'additional')),
  position            integer NOT NULL CHECK (position >= 1),
  entry_type          text CHECK (entry_type <> ''),
  entry_name          text CHECK (entry_name <> ''),
  entry_description   text,
  email               email_address NOT NULL CHECK (email !~ '@\.'),  -- ewp:Email wants a character after '@'
  phone_e164          text CHECK (phone_e164 ~ '^\+[0-9]{1,15}$'),
  phone_ext           text CHECK (phone_ext ~ '^[0-9]{1,8}$'),
  phone_other_format  text CHECK (phone_other_format <> ''),
  PRIMARY KEY (hei_id, version_number, section, position),
  FOREIGN KEY (hei_id, version_number) REFERENCES factsheet_version ON DELETE CASCADE,
  CHECK (section IN ('accessibility', 'additional') OR position = 1),
  CHECK ((section IN ('accessibility', 'additional')) = (entry_type IS NOT NULL)),
  CHECK (section <> 'accessibility' OR entry_type IN ('infrastructure', 'service')),
  CHECK ((section = 'accessibility') = (entry_name IS NOT NULL)),
  CHECK (section = 'accessibility' OR entry_description IS NULL),
  CHECK (phone_e164 IS NOT NULL OR phone_other_format IS NOT NULL),
  CHECK (phone_ext IS NULL OR phone_e164 IS NOT NULL)
);

-- The website URLs of an InformationEntry, in order (the API requires at least one; the
-- repository refuses a version without).
CREATE TABLE factsheet_information_url (
  hei_id          schac_code NOT NULL,
  version_number  integer NOT NULL,
  section         text NOT NULL,
  position        integer NOT NULL,
  url_position    integer NOT NULL CHECK (url_position >= 1),
  url             web_url NOT NULL,
  lang            language_tag NOT NULL DEFAULT '',
  PRIMARY KEY (hei_id, version_number, section, position, url_position),
  FOREIGN KEY (hei_id, version_number, section, position) REFERENCES factsheet_information ON DELETE CASCADE
);

-- Requirements incoming students must meet. The names the API predefines ("Motivation letter",
-- "Transcript of Records", …) are matched verbatim by nominations, so they are kept as typed.
CREATE TABLE factsheet_requirement (
  hei_id          schac_code NOT NULL,
  version_number  integer NOT NULL,
  position        integer NOT NULL CHECK (position >= 1),
  name            text NOT NULL CHECK (name <> ''),
  details         text NOT NULL CHECK (details <> ''),
  PRIMARY KEY (hei_id, version_number, position),
  FOREIGN KEY (hei_id, version_number) REFERENCES factsheet_version ON DELETE CASCADE
);

CREATE TABLE factsheet_requirement_url (
  hei_id          schac_code NOT NULL,
  version_number  integer NOT NULL,
  position        integer NOT NULL,
  url_position    integer NOT NULL CHECK (url_position >= 1),
  url             web_url NOT NULL,
  lang            language_tag NOT NULL DEFAULT '',
  PRIMARY KEY (hei_id, version_number, position, url_position),
  FOREIGN KEY (hei_id, version_number, position) REFERENCES factsheet_requirement ON DELETE CASCADE
);
