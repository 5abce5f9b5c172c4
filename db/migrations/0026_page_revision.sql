-- A counter per hosted HEI that grows with every committed change to the data its mobility pages
-- show (mobilities and their events, learning agreements, pre-approvals, partners' nominations
-- and learning agreements, application rounds, applications and rankings, host courses, students,
-- units, and the answers queued for partners, which take decided items off the work queue). The portal keeps rendered pages keyed by it (portal/web/page_cache.hpp): a page stored
-- under revision N is served again only while the HEI is still at N.
--
-- The counter is raised by a deferred trigger, so at commit, after the transaction's other work:
-- the row is locked only for the instant before the commit, and once per transaction and HEI
-- (a transaction-local setting remembers that it already did), however many rows changed.
CREATE TABLE page_revision (
  hei_id    schac_code PRIMARY KEY REFERENCES hosted_hei ON DELETE CASCADE,
  revision  bigint NOT NULL DEFAULT 0
);

INSERT INTO page_revision (hei_id) SELECT hei_id FROM hosted_hei;

CREATE FUNCTION page_revision_for_hosted_hei() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO page_revision (hei_id) VALUES (NEW.hei_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER page_revision_for_hosted_hei AFTER INSERT ON hosted_hei
  FOR EACH ROW EXECUTE FUNCTION page_revision_for_hosted_hei();

-- The HEIs a changed row belongs to: its own hei_id, sending_hei_id, receiving_hei_id and
-- sender_hei_id columns,
-- else those of the mobility, application or application round it names.
CREATE FUNCTION note_page_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  heis text[];
  hei text;
  marker text;
BEGIN
  IF changed ? 'hei_id' OR changed ? 'sending_hei_id' OR changed ? 'sender_hei_id' THEN
    heis := ARRAY[changed->>'hei_id', changed->>'sending_hei_id', changed->>'receiving_hei_id', changed->>'sender_hei_id'];
  ELSIF changed ? 'omobility_id' THEN
    SELECT ARRAY[m.sending_hei_id::text, m.receiving_hei_id::text] INTO heis
      FROM omobility m WHERE m.omobility_id = changed->>'omobility_id';
  ELSIF changed ? 'application_id' THEN
    SELECT ARRAY[a.hei_id::text] INTO heis FROM application a WHERE a.application_id = (changed->>'application_id')::bigint;
  ELSIF changed ? 'round_id' THEN
    SELECT ARRAY[r.hei_id::text] INTO heis FROM application_round r WHERE r.round_id = (changed->>'round_id')::bigint;
  END IF;
  FOREACH hei IN ARRAY coalesce(heis, '{}') LOOP
    CONTINUE WHEN hei IS NULL;
    marker := 'mobility.page_revision_' || md5(hei);
    CONTINUE WHEN current_setting(marker, true) = txid_current()::text;
    UPDATE page_revision SET revision = page_revision.revision + 1 WHERE page_revision.hei_id = hei;
    PERFORM set_config(marker, txid_current()::text, true);
  END LOOP;
  RETURN NULL;
END $$;

DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['omobility', 'omobility_event', 'learning_agreement', 'la_version', 'partner_omobility',
                                 'partner_la', 'preapproval_line', 'application_round', 'application', 'application_choice',
                                 'destination_ranking', 'applicant_rank', 'host_course', 'student', 'organizational_unit',
                                 'ounit_name'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER note_page_change AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_page_change()', watched);
  END LOOP;
  -- The outbox's rows change state as they are delivered; only their coming, going and payload matter.
  CREATE CONSTRAINT TRIGGER note_page_change AFTER INSERT OR DELETE OR UPDATE OF payload ON cnr_outbox
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_page_change();
END $$;
