// Partner reference data repository: what a partner HEI's Institutions and Organizational Units
// APIs say about it, stored in the tables hosted HEIs use (hei, hei_name, organizational_unit,
// ounit_name) so that the pages (portal/web/name_cache.hpp) find partners' names too.
//
// Each store is one transaction: the whole answer, or nothing. A hosted HEI is refused
// (kInvalidArgument): a partner never overwrites our own data. Values the tables refuse (a
// malformed URL, two units with one ounit_code, ...) are kInvalidArgument or kConflict, and
// leave what was stored before as it was. Contacts are not stored.
#pragma once

#include <string>
#include <vector>

#include "db/connection.hpp"
#include "db/institution_details.hpp"
#include "db/ounit_details.hpp"

namespace mobility::db {

// ok when `hei_id` is not hosted by this node; kInvalidArgument when it is.
Status require_partner_hei(Connection& connection, const std::string& hei_id);

// The partner's own description of itself: its names replace the ones we had (the first name in
// each language counts); its abbreviation, street address, website, logo and factsheet URL
// replace ours where it gives them, and ours (typed in by staff, perhaps) stay where it does not.
Status store_partner_institution(Connection& connection, const InstitutionDetails& institution);

// All the units of partner `hei_id` are now `units`: new ones are added, the others updated with
// their code, abbreviation, website, names and parent (a parent not among `units` is left out),
// and the units the partner no longer publishes are removed with their names.
Status store_partner_ounits(Connection& connection, const std::string& hei_id, const std::vector<OunitDetails>& units);

}  // namespace mobility::db
