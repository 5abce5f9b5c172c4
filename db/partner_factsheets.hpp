// Partner factsheets repository (table partner_factsheet): the Mobility Factsheet each partner
// HEI published at our last fetch, cached as JSON of db::Factsheet with the time it was fetched.
// A hosted HEI's factsheet is never cached here (its own are versioned in db/factsheets.hpp).
#pragma once

#include <optional>
#include <string>

#include "db/connection.hpp"
#include "db/factsheets.hpp"

namespace mobility::db {

struct PartnerFactsheet {
  Factsheet factsheet;
  std::string fetched_at;  // ISO 8601 UTC
};

// The partner now publishes `factsheet`, or (nullopt) none: the cache holds that alone.
// kInvalidArgument for a hosted HEI.
Status store_partner_factsheet(Connection& connection, const std::string& hei_id, const std::optional<Factsheet>& factsheet);

// The cached factsheet of a partner; nullopt when there is none.
Result<std::optional<PartnerFactsheet>> find_partner_factsheet(Connection& connection, const std::string& hei_id);

}  // namespace mobility::db
