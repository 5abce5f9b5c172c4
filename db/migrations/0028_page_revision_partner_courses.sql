-- A partner's course catalogue (partner_course, 0027) shows on every hosted HEI's pre-approval
-- pages, which the portal keeps rendered by page revision (0026): a new copy of a catalogue raises
-- every hosted HEI's revision. The refresher replaces a catalogue in one statement pair, rarely,
-- so one raise per statement is cheap.
CREATE FUNCTION note_partner_catalogue_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE page_revision SET revision = page_revision.revision + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER note_partner_catalogue_change AFTER INSERT OR UPDATE OR DELETE ON partner_course
  FOR EACH STATEMENT EXECUTE FUNCTION note_partner_catalogue_change();
