#include "portal/mobilities/stay_page.hpp"

#include <nlohmann/json.hpp>

#include "db/oidc_logins.hpp"
#include "db/partner_mobilities.hpp"
#include "mobilities/learning_agreement.hpp"
#include "mobilities/mobility_json.hpp"
#include "portal/mobilities/mobility_views.hpp"
#include "portal/pages/page_support.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using kainjow::mustache::data;

// The learning agreement's version to show: the latest approved, else the proposal.
std::optional<data> agreement_view(const std::optional<std::string>& la_json, const Messages& messages) {
  if (!la_json) return std::nullopt;
  nlohmann::json la = nlohmann::json::parse(*la_json, nullptr, false);
  if (la.is_discarded()) return std::nullopt;
  for (const char* part : {"approved_changes", "first_version", "changes_proposal"}) {
    if (!la.contains(part) || la[part].is_null()) continue;
    auto version = mobilities::la_version_from_json_text(la[part].dump());
    if (version) return la_version_view(*version, messages.text(std::string("mobilities_la_") + part), messages);
  }
  return std::nullopt;
}

}  // namespace

http::Response incoming_stay(PageRequest& page) {
  if (!page.visitor.account) return *page.refuse_unless(Action::kViewOwnExchange, Scope{});
  const Messages& messages = Messages::of(page.visitor.language);
  auto linked = db::nominations_linked_to(page.connection, page.visitor.account->account_id);
  if (!linked) return unavailable(page, linked.status());
  data stays = data::type::list;
  for (const auto& [sending_hei_id, omobility_id] : *linked) {
    auto record = db::find_partner_omobility(page.connection, sending_hei_id, omobility_id);
    if (!record) return unavailable(page, record.status());
    if (!*record) continue;
    auto mobility = mobilities::mobility_from_json_text((*record)->content_json);
    if (!mobility) return unavailable(page, mobility.status());
    data stay = mobility_facts(page, *mobility, messages);
    stay.set("status", status_text((*record)->gone ? "gone" : (*record)->status, messages));
    stay.set("arrival", (*record)->actual_arrival_date.value_or(""));
    stay.set("departure", (*record)->actual_departure_date.value_or(""));
    if (auto agreement = agreement_view((*record)->la_content_json, messages)) stay.set("agreement", *agreement);
    stays.push_back(stay);
  }
  data view;
  view.set("stays", stays);
  view.set("has_stays", !stays.is_empty_list());
  return page.render(200, "mobilities/stay", "stay_title", view);
}

}  // namespace mobility::portal::mobility_pages
