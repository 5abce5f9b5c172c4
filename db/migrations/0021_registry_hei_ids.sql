-- The HEIs each stored registry catalogue lists, read out of the copy once when it is stored (by
-- a trigger, whoever writes it): the partner page shows which partners have an EWP node without
-- parsing the catalogue per request.
ALTER TABLE registry_catalogue ADD COLUMN hei_ids text[] NOT NULL DEFAULT '{}';

CREATE FUNCTION registry_catalogue_hei_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.hei_ids := xpath('/r:catalogue/r:institutions/r:hei/@id', NEW.body::xml,
                       ARRAY[ARRAY['r', 'https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1']])::text[];
  RETURN NEW;
END $$;

CREATE TRIGGER registry_catalogue_hei_ids BEFORE INSERT OR UPDATE OF body ON registry_catalogue
  FOR EACH ROW EXECUTE FUNCTION registry_catalogue_hei_ids();

UPDATE registry_catalogue SET body = body;
