-- The coordinators' ranking of a round's applicants per destination (mobilities/applications.hpp,
-- Applications::rank): who comes first for the places a partner offers, decided by people, not
-- computed. The round page lists each destination's applicants in this order, the unranked after
-- the ranked.

-- One destination's ranking in a round: `version` grows with every save, so a form carries the
-- version it showed and a save against another one is refused ("changed meanwhile"); who saved it
-- last and when (each save is in the audit log too).
CREATE TABLE destination_ranking (
  round_id          bigint NOT NULL REFERENCES application_round ON DELETE CASCADE,
  partner_hei_id    schac_code NOT NULL REFERENCES hei,
  version           integer NOT NULL DEFAULT 1,
  ranked_by         text NOT NULL,
  ranked_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, partner_hei_id)
);

-- An applicant's place in a destination's ranking, 1 first. Ranks are unique among the applicants
-- one coordinator sees; coordinators of different units rank their own students in the same list,
-- so the database does not make them unique.
CREATE TABLE applicant_rank (
  round_id          bigint NOT NULL,
  partner_hei_id    schac_code NOT NULL,
  application_id    bigint NOT NULL REFERENCES application ON DELETE CASCADE,
  rank              integer NOT NULL CHECK (rank BETWEEN 1 AND 999),
  PRIMARY KEY (round_id, partner_hei_id, application_id),
  FOREIGN KEY (round_id, partner_hei_id) REFERENCES destination_ranking ON DELETE CASCADE
);
CREATE INDEX applicant_rank_by_application ON applicant_rank (application_id);
