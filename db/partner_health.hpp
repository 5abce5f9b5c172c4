// Partner health: for each partner HEI (every HEI we know that we do not host), how our calls to
// it went and what is waiting to be delivered to or fetched from it (db/notifications.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct PartnerHealth {
  std::string hei_id;
  std::string name;                           // in the requested language, else English, else the id
  std::optional<std::string> last_success_at;  // ISO 8601 (UTC)
  std::optional<std::string> last_error_at;
  std::optional<std::string> last_error;
  int64_t outgoing_pending = 0;
  int64_t outgoing_failed = 0;  // given up, or the partner has no CNR API
  int64_t incoming_pending = 0;
};

// Every partner, by name.
Result<std::vector<PartnerHealth>> list_partner_health(Connection& connection, const std::string& language);

}  // namespace mobility::db
