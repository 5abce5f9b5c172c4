// Which mobilities a visitor may see and decide on, decided only by
// portal/accounts/authorization.hpp (Action::kViewStudent): a mobility's scope is our HEI in it
// (the sending HEI of an outgoing one, the receiving HEI of an incoming one) and our unit in it
// with every unit above it, so a unit coordinator reaches the mobilities of their unit.
#pragma once

#include <optional>
#include <string>

#include "db/mobilities.hpp"
#include "db/partner_mobilities.hpp"
#include "mobilities/mobility.hpp"
#include "portal/agreements/staff_scope.hpp"

namespace mobility::portal::mobility_pages {

using agreements::pages::UnitTree;

// The scope of a mobility whose side of us is `party` (of our HEI `hei_id`).
Scope mobility_scope(const std::string& hei_id, const mobilities::MobilityParty& party, const UnitTree& units);

// Our outgoing mobility `omobility_id` when the visitor may see it; otherwise the answer to give
// (login, 403, 404 or 503) in `refusal`.
struct OutgoingLookup {
  std::optional<db::OMobilityRecord> record;
  std::optional<mobilities::Mobility> mobility;
  std::optional<http::Response> refusal;
};
OutgoingLookup find_outgoing(const PageRequest& page, const std::string& omobility_id);

// A partner's mobility to one of the visitor's HEIs, likewise.
struct IncomingLookup {
  std::optional<db::PartnerOMobilityRecord> record;
  std::optional<mobilities::Mobility> mobility;
  std::optional<http::Response> refusal;
};
IncomingLookup find_incoming(const PageRequest& page, const std::string& sending_hei_id, const std::string& omobility_id);

// The student's own mobility `omobility_id` (Action::kViewOwnExchange); for anyone else the
// answer to give in `refusal`: signed out the login page, known id or not; signed in a 404, as
// for an unknown id.
struct OwnLookup {
  std::optional<db::OMobilityRecord> record;
  std::optional<mobilities::Mobility> mobility;
  std::optional<http::Response> refusal;
};
OwnLookup find_own(const PageRequest& page, const std::string& omobility_id);

// The units of `hei_id`, named in the visitor's language.
Result<UnitTree> units_of(const PageRequest& page, const std::string& hei_id);

}  // namespace mobility::portal::mobility_pages
