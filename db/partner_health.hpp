// Partner health: for each partner HEI, how our calls to it went and what is waiting to be
// delivered to or fetched from it (db/notifications.hpp), seen from some of our hosted HEIs.
//
// A partner of a hosted HEI is one its staff added, or one it has an agreement, a copy or a
// notification with (the view partner_link, db/migrations/0012). Staff see only the partners of
// their own HEIs and only those HEIs' notifications; the operator sees every partner.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

// One API's traffic with a partner: what we sent it through that API (the outbox: CNRs and
// update calls) or fetched from it after its notifications (the inbox, by what was fetched).
struct ApiTraffic {
  std::string direction;  // "sent" or "fetched"
  std::string api;        // outbox api ("omobility-cnr", "omobility-las-update") or inbox kind ("omobility-la")
  int64_t pending = 0;
  int64_t done = 0;
  int64_t failed = 0;    // given up, or no such API at the partner
  int64_t conflict = 0;  // updates the partner refused with 409
};

struct PartnerHealth {
  std::string hei_id;
  std::string name;                            // in the requested language, else English, else the id
  std::optional<std::string> last_success_at;  // ISO 8601 (UTC)
  std::optional<std::string> last_error_at;
  std::optional<std::string> last_error;
  int64_t outgoing_pending = 0;
  int64_t outgoing_failed = 0;  // given up, or the partner has no CNR API
  int64_t incoming_pending = 0;
  bool has_node = false;            // the newest stored registry catalogue lists it (it has an EWP node)
  std::vector<ApiTraffic> traffic;  // sent first, then fetched; by API
};

// Whose partners: nullopt for every HEI this node knows and does not host (the operator's view),
// else the partners of these hosted HEIs.
using HeiScope = std::optional<std::vector<std::string>>;

// The partners in `scope`, by name. The outgoing counts are those `scope`'s HEIs sent; the
// incoming ones those about `scope`'s agreements or copies (the operator: all).
Result<std::vector<PartnerHealth>> list_partner_health(Connection& connection, const std::string& language,
                                                       const HeiScope& scope);

// true when `partner_hei_id` is a partner in `scope`.
Result<bool> is_partner_in(Connection& connection, const HeiScope& scope, const std::string& partner_hei_id);

}  // namespace mobility::db
