#include "portal/pages/partner_health_page.hpp"

#include <algorithm>
#include <functional>

#include "base/pattern.hpp"
#include "base/text.hpp"
#include "db/audit_events.hpp"
#include "db/institutions.hpp"
#include "db/notifications.hpp"
#include "db/partner_health.hpp"
#include "db/reference_fetches.hpp"
#include "db/registry_catalogues.hpp"
#include "db/transaction.hpp"
#include "portal/pages/page_support.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

// Whose partners the visitor sees and acts on: the operator every partner of the node; staff who
// handle agreements somewhere (an HEI, or a unit of it) the partners of those HEIs, since the
// connections are the HEI's, whichever unit's agreements travel over them. An empty list: none.
db::HeiScope partner_scope(const Actor& actor) {
  if (allowed(actor, Action::kViewNodeStatus, {})) return std::nullopt;
  std::vector<std::string> heis;
  for (const Grant& grant : actor.grants) {
    if (!grant.hei_id || std::find(heis.begin(), heis.end(), *grant.hei_id) != heis.end()) continue;
    Scope where{grant.hei_id, {}, std::nullopt};
    if (grant.ounit_id) where.ounit_ids = {*grant.ounit_id};
    if (allowed(actor, Action::kHandleAgreements, where)) heis.push_back(*grant.hei_id);
  }
  return heis;
}

std::optional<http::Response> refuse_unless_allowed(const PageRequest& page) {
  if (!page.visitor.account) return page.refuse_unless(Action::kViewNodeStatus, {});  // → the login page
  db::HeiScope scope = partner_scope(page.visitor.actor);
  if (scope && scope->empty()) return page.error(403);
  return std::nullopt;
}

data partner_row(const db::PartnerHealth& partner) {
  data row;
  row.set("hei_id", partner.hei_id);
  row.set("name", partner.name);
  row.set("no_node", !partner.has_node);
  if (partner.last_success_at) row.set("last_success_at", *partner.last_success_at);
  if (partner.last_error_at) row.set("last_error_at", *partner.last_error_at);
  if (partner.last_error) row.set("last_error", *partner.last_error);
  row.set("outgoing_pending", std::to_string(partner.outgoing_pending));
  row.set("outgoing_failed", std::to_string(partner.outgoing_failed));
  row.set("incoming_pending", std::to_string(partner.incoming_pending));
  row.set("can_resend", partner.outgoing_pending + partner.outgoing_failed > 0);
  data traffic = data::type::list;
  for (const db::ApiTraffic& api : partner.traffic) {
    data item;
    item.set(api.direction, true);  // "sent" or "fetched"
    item.set("api", api.api);
    item.set("done", std::to_string(api.done));
    if (api.pending > 0) item.set("pending", std::to_string(api.pending));
    if (api.failed > 0) item.set("failed", std::to_string(api.failed));
    if (api.conflict > 0) item.set("conflict", std::to_string(api.conflict));
    traffic.push_back(item);
  }
  row.set("traffic", traffic);
  return row;
}

// What was typed into the "add a partner" form, and why it was refused (a message key).
struct AddPartnerForm {
  std::string hei_id;
  std::string error_key;
};

http::Response show_page(PageRequest& page, int status, const AddPartnerForm& form) {
  auto partners =
      db::list_partner_health(page.connection, language_code(page.visitor.language), partner_scope(page.visitor.actor));
  if (!partners) return unavailable(page, partners.status());
  data rows = data::type::list;
  for (const auto& partner : *partners) rows.push_back(partner_row(partner));
  data view;
  view.set("partners", rows);
  view.set("has_partners", !partners->empty());
  for (const char* outcome : {"resent", "added", "known"}) {
    if (std::string value = query_value(page, outcome); !value.empty()) view.set(outcome, value);
  }
  if (!query_value(page, "refreshing").empty()) view.set("refreshing", true);
  view.set("add_hei_id", form.hei_id);
  if (!form.error_key.empty()) view.set("add_error", Messages::of(page.visitor.language).text(form.error_key));
  return page.render(status, "partner_health", "partners_title", view);
}

http::Response show(PageRequest& page) {
  if (auto refused = refuse_unless_allowed(page)) return *refused;
  return show_page(page, 200, {});
}

// Runs `change` and its audit event (one per HEI of the visitor's scope) in one transaction,
// then answers with a redirect to /partners?<outcome>; `change` returns what the outcome says,
// or why it failed.
http::Response audited_change(PageRequest& page, const std::string& action, const std::string& partner_hei_id,
                              const std::function<Result<std::string>(const std::string& partner_hei_id)>& change) {
  auto tx = db::Transaction::begin(page.connection);
  if (!tx) return unavailable(page, tx.status());
  auto outcome = change(partner_hei_id);
  if (!outcome) return unavailable(page, outcome.status());
  const db::AccountRecord& account = *page.visitor.account;
  db::HeiScope scope = partner_scope(page.visitor.actor);
  std::vector<std::optional<std::string>> heis;
  if (scope) heis.assign(scope->begin(), scope->end());
  if (heis.empty()) heis.push_back(std::nullopt);  // the operator's, for the whole node
  for (const auto& hei_id : heis) {
    Status audited = db::record_audit_event(page.connection, {account.account_id, account.email, std::nullopt, hei_id, action,
                                                              "partner:" + partner_hei_id, *outcome, ""});
    if (!audited) return unavailable(page, audited);
  }
  if (Status committed = tx->commit(); !committed) return unavailable(page, committed);
  return page.redirect("/partners?" + *outcome);
}

// The partner a resend or refresh names, when the visitor's scope has it; else the answer (404
// for an HEI that is not one of the visitor's partners, as for one that does not exist).
std::optional<http::Response> refuse_unless_partner(PageRequest& page, const std::string& partner_hei_id) {
  if (partner_hei_id.size() > 255) return page.error(404);
  auto known = db::is_partner_in(page.connection, partner_scope(page.visitor.actor), partner_hei_id);
  if (!known) return unavailable(page, known.status());
  if (!*known) return page.error(404);
  return std::nullopt;
}

http::Response resend(PageRequest& page) {
  if (auto refused = refuse_unless_allowed(page)) return *refused;
  std::string partner_hei_id = page.field("partner_hei_id");
  if (auto refused = refuse_unless_partner(page, partner_hei_id)) return *refused;
  return audited_change(page, "cnr_resent", partner_hei_id, [&page](const std::string& partner) -> Result<std::string> {
    auto retried = db::force_retry_partner(page.connection, partner, partner_scope(page.visitor.actor));
    if (!retried) return retried.status();
    return "resent=" + std::to_string(*retried);
  });
}

http::Response refresh(PageRequest& page) {
  if (auto refused = refuse_unless_allowed(page)) return *refused;
  std::string partner_hei_id = page.field("partner_hei_id");
  if (auto refused = refuse_unless_partner(page, partner_hei_id)) return *refused;
  return audited_change(page, "reference_refresh_requested", partner_hei_id,
                        [&page](const std::string& partner) -> Result<std::string> {
                          if (Status requested = db::request_reference_refresh(page.connection, partner); !requested)
                            return requested;
                          return std::string("refreshing=1");
                        });
}

// Why `hei_id` cannot become a partner (a message key), "" when it can.
Result<std::string> partner_refusal(db::Connection& connection, const std::string& hei_id) {
  if (!is_hei_id(hei_id)) {
    return std::string("partners_error_hei_id");
  }
  auto ours = db::is_hosted_hei(connection, hei_id);
  if (!ours) return ours.status();
  if (*ours) return std::string("partners_error_ours");
  auto listed = db::newest_catalogue_lists_hei(connection, hei_id);
  if (!listed) return listed.status();
  if (!*listed) return std::string("partners_error_not_listed");
  return std::string();
}

// A partner the registry lists becomes known: it can be chosen for agreements, and its
// institution data is fetched by the reference refresher.
http::Response add_partner(PageRequest& page) {
  if (auto refused = refuse_unless_allowed(page)) return *refused;
  std::string hei_id = ascii_lower(trim_blanks(page.field("partner_hei_id")));
  auto refusal = partner_refusal(page.connection, hei_id);
  if (!refusal) return unavailable(page, refusal.status());
  if (!refusal->empty()) return show_page(page, 400, {displayable(page.field("partner_hei_id")), *refusal});
  return audited_change(page, "partner_added", hei_id, [&page](const std::string& partner_hei_id) -> Result<std::string> {
    auto added = db::add_partner_hei(page.connection, partner_hei_id);
    if (!added) return added.status();
    bool linked = false;
    for (const std::string& ours : partner_scope(page.visitor.actor).value_or(std::vector<std::string>{})) {
      auto link = db::link_partner(page.connection, ours, partner_hei_id);
      if (!link) return link.status();
      linked = linked || *link;
    }
    return std::string(*added || linked ? "added=" : "known=") + partner_hei_id;
  });
}

}  // namespace

void add_partner_health_page(http::Router& router, const Site& site) {
  site.add_page(router, "GET", "/partners", show);
  site.add_page(router, "POST", "/partners/resend", resend);
  site.add_page(router, "POST", "/partners/refresh", refresh);
  site.add_page(router, "POST", "/partners/add", add_partner);
}

}  // namespace mobility::portal
