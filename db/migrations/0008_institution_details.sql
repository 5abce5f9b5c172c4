-- What the Institutions and Organizational Units APIs publish beyond names and units: the main
-- street address, links for incoming students, and contacts.
--
-- The street address of an HEI is its street line and postal code here, with city and
-- country_code (already on hei) completing it.

ALTER TABLE hei
  ADD COLUMN street_address_line     text CHECK (street_address_line <> ''),
  ADD COLUMN postal_code             text CHECK (postal_code <> ''),
  ADD COLUMN logo_url                text CHECK (logo_url ~ '^https://.'),
  ADD COLUMN mobility_factsheet_url  text CHECK (mobility_factsheet_url ~ '^https?://.');

-- Contacts partners may need (international office, coordinators), of an HEI as a whole
-- (ounit_id NULL) or of one of its units. The APIs list them by sort_order: most important first.
CREATE TABLE hei_contact (
  hei_id            schac_code NOT NULL REFERENCES hei ON DELETE CASCADE,
  contact_id        text NOT NULL DEFAULT gen_random_uuid()::text,
  ounit_id          text,
  sort_order        integer NOT NULL DEFAULT 0,
  contact_name      text NOT NULL CHECK (contact_name <> ''),
  email             email_address,
  phone_e164        text CHECK (phone_e164 ~ '^\+[0-9]{1,15}$'),
  role_description  text CHECK (role_description <> ''),  -- in English
  PRIMARY KEY (hei_id, contact_id),
  FOREIGN KEY (hei_id, ounit_id) REFERENCES organizational_unit (hei_id, ounit_id) ON DELETE CASCADE
);
CREATE INDEX hei_contact_by_unit ON hei_contact (hei_id, ounit_id, sort_order);
