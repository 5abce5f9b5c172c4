-- Demo data for local use and for the pages' first impression: one hosted HEI with a few
-- organizational units, partner HEIs across Europe, staff and students. Every insert is
-- ON CONFLICT DO NOTHING with fixed ids, so seeding again changes nothing.
-- The institutions are fictitious; their SCHAC codes use the reserved .example domain.

INSERT INTO hei (hei_id, abbreviation, country_code, city, website_url) VALUES
  ('fjordland.example',       'UiF',  'NO', 'Bergen',     'https://www.fjordland.example'),
  ('lumiere-nord.example',    'ULN',  'FR', 'Lille',      'https://www.lumiere-nord.example'),
  ('valle-alto.example',      'UVA',  'ES', 'Granada',    'https://www.valle-alto.example'),
  ('tu-rheinfeld.example',    'TUR',  'DE', 'Karlsruhe',  'https://www.tu-rheinfeld.example'),
  ('pohjola.example',         'PU',   'FI', 'Oulu',       'https://www.pohjola.example'),
  ('collina.example',         'UniC', 'IT', 'Perugia',    'https://www.collina.example')
ON CONFLICT DO NOTHING;

INSERT INTO hei_name (hei_id, lang, name) VALUES
  ('fjordland.example',    'nb', 'Universitetet i Fjordland'),
  ('fjordland.example',    'en', 'University of Fjordland'),
  ('lumiere-nord.example', 'fr', 'Université Lumière-Nord'),
  ('lumiere-nord.example', 'en', 'Lumière-Nord University'),
  ('valle-alto.example',   'es', 'Universidad de Valle Alto'),
  ('valle-alto.example',   'en', 'University of Valle Alto'),
  ('tu-rheinfeld.example', 'de', 'Technische Universität Rheinfeld'),
  ('tu-rheinfeld.example', 'en', 'Rheinfeld University of Technology'),
  ('pohjola.example',      'fi', 'Pohjolan yliopisto'),
  ('pohjola.example',      'en', 'University of Pohjola'),
  ('collina.example',      'it', 'Università della Collina'),
  ('collina.example',      'en', 'University of Collina')
ON CONFLICT DO NOTHING;

INSERT INTO hosted_hei (hei_id, admin_email) VALUES
  ('fjordland.example', 'ewp-admin@fjordland.example')
ON CONFLICT DO NOTHING;

INSERT INTO hosted_hei_partner (hei_id, partner_hei_id) VALUES
  ('fjordland.example', 'lumiere-nord.example'),
  ('fjordland.example', 'valle-alto.example'),
  ('fjordland.example', 'tu-rheinfeld.example'),
  ('fjordland.example', 'pohjola.example'),
  ('fjordland.example', 'collina.example')
ON CONFLICT DO NOTHING;

INSERT INTO organizational_unit (hei_id, ounit_id, ounit_code, parent_ounit_id, abbreviation) VALUES
  ('fjordland.example', 'ou-uif',      'UIF',     NULL,         'UiF'),
  ('fjordland.example', 'ou-hf',       'HF',      'ou-uif',     'HF'),
  ('fjordland.example', 'ou-mn',       'MN',      'ou-uif',     'MN'),
  ('fjordland.example', 'ou-sv',       'SV',      'ou-uif',     'SV'),
  ('fjordland.example', 'ou-mn-ifi',   'MN-IFI',  'ou-mn',      'IFI'),
  ('fjordland.example', 'ou-io',       'IO',      'ou-uif',     'IO'),
  ('tu-rheinfeld.example', 'ou-tur-inf', 'INF',   NULL,         'INF')
ON CONFLICT DO NOTHING;

INSERT INTO ounit_name (hei_id, ounit_id, lang, name) VALUES
  ('fjordland.example', 'ou-uif',    'nb', 'Universitetet i Fjordland'),
  ('fjordland.example', 'ou-uif',    'en', 'University of Fjordland'),
  ('fjordland.example', 'ou-hf',     'nb', 'Det humanistiske fakultet'),
  ('fjordland.example', 'ou-hf',     'en', 'Faculty of Humanities'),
  ('fjordland.example', 'ou-mn',     'nb', 'Det matematisk-naturvitenskapelige fakultet'),
  ('fjordland.example', 'ou-mn',     'en', 'Faculty of Mathematics and Natural Sciences'),
  ('fjordland.example', 'ou-sv',     'nb', 'Det samfunnsvitenskapelige fakultet'),
  ('fjordland.example', 'ou-sv',     'en', 'Faculty of Social Sciences'),
  ('fjordland.example', 'ou-mn-ifi', 'nb', 'Institutt for informatikk'),
  ('fjordland.example', 'ou-mn-ifi', 'en', 'Department of Informatics'),
  ('fjordland.example', 'ou-io',     'nb', 'Internasjonalt kontor'),
  ('fjordland.example', 'ou-io',     'en', 'International Office'),
  ('tu-rheinfeld.example', 'ou-tur-inf', 'de', 'Fakultät für Informatik'),
  ('tu-rheinfeld.example', 'ou-tur-inf', 'en', 'Faculty of Computer Science')
ON CONFLICT DO NOTHING;

INSERT INTO staff (hei_id, staff_id, given_names, family_name, email, ounit_id) VALUES
  ('fjordland.example', 'staff-ingrid', 'Ingrid',    'Haugland', 'ingrid.haugland@fjordland.example', 'ou-io'),
  ('fjordland.example', 'staff-per',    'Per Olav',  'Sæther',   'per.saether@fjordland.example',     'ou-mn'),
  ('fjordland.example', 'staff-kari',   'Kari',      'Nilsen',   'kari.nilsen@fjordland.example',     'ou-io'),
  ('fjordland.example', 'staff-ops',    'Terje',     'Lund',     'terje.lund@fjordland.example',      NULL),
  ('tu-rheinfeld.example', 'staff-tur-anna', 'Anna', 'Becker',   'anna.becker@tu-rheinfeld.example',  'ou-tur-inf')
ON CONFLICT DO NOTHING;

INSERT INTO student (hei_id, student_id, given_names, family_name, email, birth_date, global_id, ounit_id) VALUES
  ('fjordland.example', 'stud-aase',   'Åse',      'Bjørnstad', 'aase.bjornstad@student.fjordland.example', '2003-04-12',
   'urn:schac:personalUniqueCode:int:esi:fjordland.example:stud-aase', 'ou-mn-ifi'),
  ('fjordland.example', 'stud-oyvind', 'Øyvind',   'Kristiansen', 'oyvind.kristiansen@student.fjordland.example', '2002-11-30',
   'urn:schac:personalUniqueCode:int:esi:fjordland.example:stud-oyvind', 'ou-hf'),
  ('fjordland.example', 'stud-maria',  'Maria',    'Hansen',    'maria.hansen@student.fjordland.example', '2004-01-05',
   'urn:schac:personalUniqueCode:int:esi:fjordland.example:stud-maria', 'ou-sv'),
  ('fjordland.example', 'stud-jonas',  'Jonas',    'Eriksen',   'jonas.eriksen@student.fjordland.example', '2003-08-21',
   'urn:schac:personalUniqueCode:int:esi:fjordland.example:stud-jonas', 'ou-mn')
ON CONFLICT DO NOTHING;

-- Demo accounts, one per role; every one signs in with the password "mobility-demo" (README.md).
-- These are demo data for a local node, never for production.
INSERT INTO account (email, display_name, language, password_hash) VALUES
  ('aase.bjornstad@student.fjordland.example', 'Åse Bjørnstad', 'nb',
   'scrypt$15$8$1$84b4fc951662735eee55b5c888194f5a$4e5125803406e25533ea9f5898943bcb68057752457219ed36907fef797640ec'),
  ('per.saether@fjordland.example', 'Per Olav Sæther', 'nb',
   'scrypt$15$8$1$f62fe2938707da9525eb69a888bdc304$5508e3c1cd315785ca39db9c26f3bc8a91f51c4f6e05004c4ed7702a34330d11'),
  ('ingrid.haugland@fjordland.example', 'Ingrid Haugland', 'en',
   'scrypt$15$8$1$d94d3fa2ab609e7eac695e09eb2abc9b$94cac46cf694c0503839c4e1bbc1bcd1796e75510d934f48da468f8a9d9e9473'),
  ('terje.lund@fjordland.example', 'Terje Lund', 'nb',
   'scrypt$15$8$1$f2f63391b867d82a15a9d491b360c84e$721b46ab40e78385bdabf1498817b28a583feac1eb1a4feaca600882d9b30453')
ON CONFLICT DO NOTHING;

INSERT INTO account_role (account_id, role, hei_id, ounit_id, student_id)
SELECT a.account_id, r.role, r.hei_id, r.ounit_id, r.student_id
  FROM (VALUES
    ('aase.bjornstad@student.fjordland.example', 'student', 'fjordland.example', NULL, 'stud-aase'),
    ('per.saether@fjordland.example', 'coordinator', 'fjordland.example', 'ou-mn', NULL),
    ('ingrid.haugland@fjordland.example', 'io_admin', 'fjordland.example', NULL, NULL),
    ('terje.lund@fjordland.example', 'operator', NULL, NULL, NULL)
  ) AS r (email, role, hei_id, ounit_id, student_id)
  JOIN account a ON lower(a.email) = r.email
ON CONFLICT DO NOTHING;

-- The factsheet of the University of Fjordland (version 1), as its international office keeps it.
INSERT INTO factsheet_version (hei_id, version_number, saved_by_account_id, saved_by, reason,
                               nominations_autumn_term, nominations_spring_term,
                               applications_autumn_term, applications_spring_term,
                               decision_weeks_limit, tor_weeks_limit)
SELECT 'fjordland.example', 1, a.account_id, 'ingrid.haugland@fjordland.example',
       'Factsheet for the academic year 2026/2027', '04-15', '10-15', '05-01', '11-01', 4, 5
  FROM (SELECT NULL) AS one
  LEFT JOIN account a ON lower(a.email) = 'ingrid.haugland@fjordland.example'
ON CONFLICT DO NOTHING;

INSERT INTO factsheet_information (hei_id, version_number, section, position, entry_type, entry_name,
                                   entry_description, email, phone_e164, phone_ext, phone_other_format) VALUES
  ('fjordland.example', 1, 'application', 1, NULL, NULL, NULL,
   'incoming@fjordland.example', '+4755580000', NULL, NULL),
  ('fjordland.example', 1, 'housing', 1, NULL, NULL, NULL,
   'housing@studentsamskipnaden-fjordland.example', '+4755590000', NULL, NULL),
  ('fjordland.example', 1, 'visa', 1, NULL, NULL, NULL,
   'visa@fjordland.example', '+4755580000', '210', NULL),
  ('fjordland.example', 1, 'insurance', 1, NULL, NULL, NULL,
   'incoming@fjordland.example', '+4755580000', NULL, NULL),
  ('fjordland.example', 1, 'accessibility', 1, 'service', 'Student accessibility services',
   'Individual arrangements for lectures and exams; contact us before you arrive.',
   'tilrettelegging@fjordland.example', '+4755580300', NULL, NULL),
  ('fjordland.example', 1, 'accessibility', 2, 'infrastructure', 'Step-free campus buildings', NULL,
   'campus@fjordland.example', '+4755580400', NULL, NULL),
  ('fjordland.example', 1, 'additional', 1, 'Norwegian language course', NULL, NULL,
   'norskkurs@fjordland.example', NULL, NULL, '+47 55 58 05 00 (weekdays 09-15)')
ON CONFLICT DO NOTHING;

INSERT INTO factsheet_information_url (hei_id, version_number, section, position, url_position, url, lang) VALUES
  ('fjordland.example', 1, 'application', 1, 1, 'https://www.fjordland.example/exchange/apply', ''),
  ('fjordland.example', 1, 'housing', 1, 1, 'https://www.studentsamskipnaden-fjordland.example/en/housing', 'en'),
  ('fjordland.example', 1, 'housing', 1, 2, 'https://www.studentsamskipnaden-fjordland.example/bolig', 'nb'),
  ('fjordland.example', 1, 'visa', 1, 1, 'https://www.udi.no/en/want-to-apply/studies/', 'en'),
  ('fjordland.example', 1, 'visa', 1, 2, 'https://www.fjordland.example/exchange/residence-permit', ''),
  ('fjordland.example', 1, 'insurance', 1, 1, 'https://www.fjordland.example/exchange/insurance', ''),
  ('fjordland.example', 1, 'accessibility', 1, 1, 'https://www.fjordland.example/accessibility', ''),
  ('fjordland.example', 1, 'accessibility', 2, 1, 'https://www.fjordland.example/campus/accessibility-map', ''),
  ('fjordland.example', 1, 'additional', 1, 1, 'https://www.fjordland.example/norwegian-courses', '')
ON CONFLICT DO NOTHING;

INSERT INTO factsheet_requirement (hei_id, version_number, position, name, details) VALUES
  ('fjordland.example', 1, 1, 'Transcript of Records', 'All courses and grades so far, in English or a Scandinavian language'),
  ('fjordland.example', 1, 2, 'Language certificate', 'English B2 or higher; Norwegian only for courses taught in Norwegian'),
  ('fjordland.example', 1, 3, 'Residence permit for non-EU/EEA students',
   'Students from outside the EU/EEA apply to UDI for a study permit as soon as they are admitted; allow up to two months')
ON CONFLICT DO NOTHING;

INSERT INTO factsheet_requirement_url (hei_id, version_number, position, url_position, url, lang) VALUES
  ('fjordland.example', 1, 2, 1, 'https://www.fjordland.example/exchange/language-requirements', ''),
  ('fjordland.example', 1, 3, 1, 'https://www.udi.no/en/want-to-apply/studies/', 'en')
ON CONFLICT DO NOTHING;

-- What the Institutions and Organizational Units APIs publish beyond names (migration 0008).
-- Updates only what is still empty, so seeding again (or seeding a database seeded before
-- 0008) changes nothing that was set.
UPDATE hei SET street_address_line = 'Fjordgaten 1', postal_code = '5020',
               logo_url = 'https://www.fjordland.example/logo.svg',
               mobility_factsheet_url = 'https://www.fjordland.example/exchange/factsheet'
 WHERE hei_id = 'fjordland.example' AND street_address_line IS NULL;

UPDATE organizational_unit SET website_url = 'https://www.fjordland.example/mn'
 WHERE hei_id = 'fjordland.example' AND ounit_id = 'ou-mn' AND website_url IS NULL;

INSERT INTO hei_contact (hei_id, contact_id, ounit_id, sort_order, contact_name, email, phone_e164, role_description) VALUES
  ('fjordland.example', 'contact-io', NULL, 0, 'International Office', 'international@fjordland.example', '+4755580000',
   'Advises incoming exchange students and partner institutions on nominations, applications and learning agreements.'),
  ('fjordland.example', 'contact-mn', 'ou-mn', 0, 'Per Olav Sæther (mobility coordinator)', 'per.saether@fjordland.example',
   NULL, 'Coordinates the exchange agreements of the Faculty of Mathematics and Natural Sciences.')
ON CONFLICT DO NOTHING;

-- Information for students on three destinations (migration 0009), one in each state of the
-- review workflow: Lumière-Nord published (with a report from a returning student), Valle Alto
-- waiting for review, TU Rheinfeld a draft. The content is the JSON of agreements/agreement_information.hpp.
INSERT INTO agreement_information (hei_id, partner_hei_id) VALUES
  ('fjordland.example', 'lumiere-nord.example'),
  ('fjordland.example', 'valle-alto.example'),
  ('fjordland.example', 'tu-rheinfeld.example')
ON CONFLICT DO NOTHING;

INSERT INTO agreement_information_version (hei_id, partner_hei_id, version_number, state, content,
                                           saved_by_account_id, saved_by, reason,
                                           submitted_at, submitted_by_account_id, submitted_by,
                                           reviewed_at, reviewed_by, published_at)
SELECT 'fjordland.example', d.partner_hei_id, 1, d.state, d.content::jsonb,
       per.account_id, 'per.saether@fjordland.example', d.reason,
       CASE WHEN d.state <> 'draft' THEN now() END, CASE WHEN d.state <> 'draft' THEN per.account_id END,
       CASE WHEN d.state <> 'draft' THEN 'per.saether@fjordland.example' END,
       CASE WHEN d.state = 'published' THEN now() END,
       CASE WHEN d.state = 'published' THEN 'ingrid.haugland@fjordland.example' END,
       CASE WHEN d.state = 'published' THEN now() END
  FROM (VALUES
    ('lumiere-nord.example', 'published', 'Information for 2026/2027', $json${
      "city": "Lille", "country_code": "FR",
      "study_places": [
        {"level": "bachelor", "subject_area": "Computer science", "isced_f_code": "0613", "unit": "Faculté des sciences", "places": 2, "months": 5},
        {"level": "master", "subject_area": "Mathematics", "isced_f_code": "0541", "unit": "", "places": 1, "months": 10}],
      "visa_and_residence": "EU/EEA citizens need no visa. Others apply for a long-stay student visa (VLS-TS) through Campus France.",
      "tuition_fees": "No tuition fees for exchange students; the CVEC student life contribution (about 100 euros) is paid on arrival.",
      "autumn_deadline": "03-01", "spring_deadline": "09-15",
      "language_requirements": [{"language": "fr", "cefr_level": "B1"}, {"language": "en", "cefr_level": "B2"}],
      "links": [{"title": "Courses taught in English", "url": "https://www.lumiere-nord.example/en/courses"}],
      "student_reports": [{"author": "Jonas E.", "semester": "Autumn 2025",
        "text": "Small classes and helpful teachers. Find housing early: the student residences fill up in June."}]
    }$json$),
    ('valle-alto.example', 'in_review', 'New agreement from 2026/2027', $json${
      "city": "Granada", "country_code": "ES",
      "study_places": [{"level": "bachelor", "subject_area": "Biology", "isced_f_code": "0511", "unit": "", "places": 3, "months": 5}],
      "tuition_fees": "No tuition fees for exchange students.",
      "autumn_deadline": "03-15",
      "language_requirements": [{"language": "es", "cefr_level": "B1"}]
    }$json$),
    ('tu-rheinfeld.example', 'draft', 'First draft', $json${
      "city": "Karlsruhe", "country_code": "DE",
      "study_places": [{"level": "master", "subject_area": "Informatics", "isced_f_code": "0613", "unit": "Fakultät für Informatik", "places": 2, "months": 10}],
      "language_requirements": [{"language": "de", "cefr_level": "B2"}]
    }$json$)
  ) AS d (partner_hei_id, state, reason, content)
  LEFT JOIN account per ON lower(per.email) = 'per.saether@fjordland.example'
ON CONFLICT DO NOTHING;
