-- Institutions (HEIs), their organizational units, and the staff and students who belong to them.
--
-- Tenancy: a node hosts one or more HEIs (hosted_hei); every row an institution owns carries the
-- hei_id of that institution (its SCHAC code, a lower-case domain name such as 'uio.no').
-- Partner HEIs are rows in hei without a hosted_hei row.

CREATE DOMAIN schac_code AS text
  CHECK (VALUE ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$' AND length(VALUE) <= 255);

-- BCP 47 language tag as used in xml:lang; '' when a name has no language.
CREATE DOMAIN language_tag AS text
  CHECK (VALUE = '' OR VALUE ~ '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$');

CREATE DOMAIN email_address AS text
  CHECK (VALUE ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND length(VALUE) <= 320);

CREATE TABLE hei (
  hei_id        schac_code PRIMARY KEY,
  abbreviation  text,
  country_code  text CHECK (country_code ~ '^[A-Z]{2}$'),
  city          text,
  website_url   text CHECK (website_url ~ '^https?://'),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE hei_name (
  hei_id  schac_code NOT NULL REFERENCES hei ON DELETE CASCADE,
  lang    language_tag NOT NULL DEFAULT '',
  name    text NOT NULL CHECK (name <> ''),
  PRIMARY KEY (hei_id, lang)
);

-- The HEIs this node serves over EWP and in its pages.
CREATE TABLE hosted_hei (
  hei_id       schac_code PRIMARY KEY REFERENCES hei,
  admin_email  email_address NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organizational_unit (
  hei_id           schac_code NOT NULL REFERENCES hei ON DELETE CASCADE,
  ounit_id         text NOT NULL DEFAULT gen_random_uuid()::text CHECK (length(ounit_id) BETWEEN 1 AND 64),
  ounit_code       text NOT NULL CHECK (ounit_code <> ''),
  parent_ounit_id  text,
  abbreviation     text,
  website_url      text CHECK (website_url ~ '^https?://'),
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hei_id, ounit_id),
  UNIQUE (hei_id, ounit_code),
  FOREIGN KEY (hei_id, parent_ounit_id) REFERENCES organizational_unit (hei_id, ounit_id),
  CHECK (parent_ounit_id IS DISTINCT FROM ounit_id)
);

CREATE TABLE ounit_name (
  hei_id    schac_code NOT NULL,
  ounit_id  text NOT NULL,
  lang      language_tag NOT NULL DEFAULT '',
  name      text NOT NULL CHECK (name <> ''),
  PRIMARY KEY (hei_id, ounit_id, lang),
  FOREIGN KEY (hei_id, ounit_id) REFERENCES organizational_unit ON DELETE CASCADE
);

CREATE TABLE staff (
  hei_id        schac_code NOT NULL REFERENCES hei,
  staff_id      text NOT NULL DEFAULT gen_random_uuid()::text,
  given_names   text NOT NULL CHECK (given_names <> ''),
  family_name   text NOT NULL CHECK (family_name <> ''),
  email         email_address NOT NULL,
  ounit_id      text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hei_id, staff_id),
  FOREIGN KEY (hei_id, ounit_id) REFERENCES organizational_unit (hei_id, ounit_id)
);
CREATE UNIQUE INDEX staff_email_per_hei ON staff (hei_id, lower(email));

CREATE TABLE student (
  hei_id        schac_code NOT NULL REFERENCES hei,
  student_id    text NOT NULL DEFAULT gen_random_uuid()::text,
  given_names   text NOT NULL CHECK (given_names <> ''),
  family_name   text NOT NULL CHECK (family_name <> ''),
  email         email_address NOT NULL,
  birth_date    date,
  -- European Student Identifier (urn:schac:personalUniqueCode:int:esi:...), EWP's global-id.
  global_id     text UNIQUE,
  ounit_id      text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hei_id, student_id),
  FOREIGN KEY (hei_id, ounit_id) REFERENCES organizational_unit (hei_id, ounit_id)
);
CREATE UNIQUE INDEX student_email_per_hei ON student (hei_id, lower(email));
