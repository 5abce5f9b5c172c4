#include "portal/mobilities/mobility_access.hpp"

#include <algorithm>

#include "db/ounits.hpp"
#include "mobilities/mobility_json.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using agreements::pages::handling_heis;
using agreements::pages::language_of;

bool handles(const PageRequest& page, const std::string& hei_id) {
  auto heis = handling_heis(page);
  return std::find(heis.begin(), heis.end(), hei_id) != heis.end();
}

// The refusal for `mobility` at our HEI `hei_id` (our side `party`), or nullopt when allowed.
std::optional<http::Response> refusal_for(const PageRequest& page, const std::string& hei_id,
                                          const mobilities::MobilityParty& party) {
  auto units = units_of(page, hei_id);
  if (!units) return unavailable(page, units.status());
  return page.refuse_unless(Action::kViewStudent, mobility_scope(hei_id, party, *units));
}

}  // namespace

Scope mobility_scope(const std::string& hei_id, const mobilities::MobilityParty& party, const UnitTree& units) {
  return Scope{hei_id, units.with_ancestors(party.ounit_id), std::nullopt};
}

Result<UnitTree> units_of(const PageRequest& page, const std::string& hei_id) {
  auto units = db::list_ounits(page.connection, hei_id, language_of(page));
  if (!units) return units.status();
  return UnitTree(std::move(*units));
}

OutgoingLookup find_outgoing(const PageRequest& page, const std::string& omobility_id) {
  if (!page.visitor.account) return {std::nullopt, std::nullopt, page.refuse_unless(Action::kViewStudent, Scope{})};
  auto record = db::find_omobility(page.connection, omobility_id);
  if (!record) return {std::nullopt, std::nullopt, unavailable(page, record.status())};
  // Another HEI's mobility reads as unknown, never as forbidden.
  if (!*record || !handles(page, (*record)->sending_hei_id)) return {std::nullopt, std::nullopt, page.error(404)};
  auto mobility = mobilities::mobility_from_json_text((*record)->content_json);
  if (!mobility) return {std::nullopt, std::nullopt, unavailable(page, mobility.status())};
  if (auto refused = refusal_for(page, (*record)->sending_hei_id, mobility->nomination.sending)) {
    return {std::nullopt, std::nullopt, std::move(*refused)};
  }
  return {std::move(**record), std::move(*mobility), std::nullopt};
}

IncomingLookup find_incoming(const PageRequest& page, const std::string& sending_hei_id, const std::string& omobility_id) {
  if (!page.visitor.account) return {std::nullopt, std::nullopt, page.refuse_unless(Action::kViewStudent, Scope{})};
  auto record = db::find_partner_omobility(page.connection, sending_hei_id, omobility_id);
  if (!record) return {std::nullopt, std::nullopt, unavailable(page, record.status())};
  if (!*record || !handles(page, (*record)->receiving_hei_id)) return {std::nullopt, std::nullopt, page.error(404)};
  auto mobility = mobilities::mobility_from_json_text((*record)->content_json);
  if (!mobility) return {std::nullopt, std::nullopt, unavailable(page, mobility.status())};
  if (auto refused = refusal_for(page, (*record)->receiving_hei_id, mobility->nomination.receiving)) {
    return {std::nullopt, std::nullopt, std::move(*refused)};
  }
  return {std::move(**record), std::move(*mobility), std::nullopt};
}

OwnLookup find_own(const PageRequest& page, const std::string& omobility_id) {
  if (!page.visitor.account) return {std::nullopt, std::nullopt, page.refuse_unless(Action::kViewOwnExchange, Scope{})};
  auto record = db::find_omobility(page.connection, omobility_id);
  if (!record) return {std::nullopt, std::nullopt, unavailable(page, record.status())};
  if (!*record || !(*record)->student_id) return {std::nullopt, std::nullopt, page.error(404)};
  Scope own{(*record)->sending_hei_id, {}, (*record)->student_id};
  if (!allowed(page.visitor.actor, Action::kViewOwnExchange, own)) return {std::nullopt, std::nullopt, page.error(404)};
  auto mobility = mobilities::mobility_from_json_text((*record)->content_json);
  if (!mobility) return {std::nullopt, std::nullopt, unavailable(page, mobility.status())};
  return {std::move(**record), std::move(*mobility), std::nullopt};
}

}  // namespace mobility::portal::mobility_pages
