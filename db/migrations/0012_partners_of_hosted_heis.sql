-- Which partners each hosted HEI works with, so that staff of one HEI hosted on this node never
-- see or touch another hosted HEI's partners, notifications or proposals.
--
-- A partner is an HEI's when its staff added it by hand (hosted_hei_partner), or when the HEI has
-- an agreement with it, holds a copy from it or has notified it (the view partner_link).

CREATE TABLE hosted_hei_partner (
  hei_id          schac_code NOT NULL REFERENCES hosted_hei ON DELETE CASCADE,
  partner_hei_id  schac_code NOT NULL REFERENCES hei ON DELETE CASCADE,
  added_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hei_id, partner_hei_id),
  CHECK (partner_hei_id <> hei_id)
);

-- Partners known before: a node that hosts one HEI had them all for that HEI. On a node hosting
-- several, only the links the data shows are kept (the view), and the operator sees the rest.
INSERT INTO hosted_hei_partner (hei_id, partner_hei_id)
SELECT hh.hei_id, h.hei_id
  FROM hei h CROSS JOIN hosted_hei hh
 WHERE (SELECT count(*) FROM hosted_hei) = 1
   AND NOT EXISTS (SELECT 1 FROM hosted_hei x WHERE x.hei_id = h.hei_id);

CREATE VIEW partner_link AS
  SELECT hei_id, partner_hei_id FROM hosted_hei_partner
  UNION SELECT hei_id, partner_hei_id FROM iia
  UNION SELECT hei_id, partner_hei_id FROM partner_iia
  UNION SELECT sender_hei_id, partner_hei_id FROM cnr_outbox;
