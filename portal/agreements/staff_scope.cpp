#include "portal/agreements/staff_scope.hpp"

#include <algorithm>

namespace mobility::agreements::pages {

std::vector<std::string> UnitTree::with_ancestors(const std::optional<std::string>& ounit_id) const {
  std::vector<std::string> chain;
  std::optional<std::string> next = ounit_id;
  // A unit appears at most once, so even a cycle in the data ends.
  while (next && std::find(chain.begin(), chain.end(), *next) == chain.end()) {
    chain.push_back(*next);
    auto unit = std::find_if(units_.begin(), units_.end(), [&](const auto& u) { return u.ounit_id == *next; });
    next = unit == units_.end() ? std::nullopt : unit->parent_ounit_id;
  }
  return chain;
}

std::string UnitTree::name_of(const std::string& ounit_id) const {
  auto unit = std::find_if(units_.begin(), units_.end(), [&](const auto& u) { return u.ounit_id == ounit_id; });
  return unit == units_.end() ? ounit_id : unit->name;
}

std::vector<Scope> handling_scopes(const PageRequest& page) {
  std::vector<Scope> scopes;
  for (const portal::Grant& grant : page.visitor.actor.grants) {
    if (grant.role != portal::Role::kCoordinator && grant.role != portal::Role::kIoAdmin) continue;
    Scope scope{grant.hei_id, {}, std::nullopt};
    if (grant.ounit_id) scope.ounit_ids = {*grant.ounit_id};
    scopes.push_back(scope);
  }
  return scopes;
}

std::vector<std::string> handling_heis(const PageRequest& page) {
  std::vector<std::string> heis;
  for (const Scope& scope : handling_scopes(page)) {
    if (scope.hei_id && std::find(heis.begin(), heis.end(), *scope.hei_id) == heis.end()) heis.push_back(*scope.hei_id);
  }
  return heis;
}

std::vector<std::string> whole_heis(const PageRequest& page) {
  std::vector<std::string> heis;
  for (const std::string& hei_id : handling_heis(page)) {
    if (portal::allowed(page.visitor.actor, Action::kHandleAgreements, {hei_id, {}, std::nullopt})) heis.push_back(hei_id);
  }
  return heis;
}

Scope agreement_scope(const std::string& hei_id, const std::optional<std::string>& ounit_id, const UnitTree& units) {
  return Scope{hei_id, units.with_ancestors(ounit_id), std::nullopt};
}

std::string language_of(const PageRequest& page) { return portal::language_code(page.visitor.language); }

Editor editor_of(const PageRequest& page, const std::string& hei_id) {
  Editor editor{page.visitor.account ? std::optional(page.visitor.account->account_id) : std::nullopt,
                page.visitor.account ? page.visitor.account->email : "", std::nullopt};
  for (const portal::Grant& grant : page.visitor.actor.grants) {
    if (grant.hei_id != hei_id) continue;
    if (grant.role == portal::Role::kIoAdmin) {
      editor.role = "io_admin";
      break;
    }
    if (grant.role == portal::Role::kCoordinator) editor.role = "coordinator";
  }
  return editor;
}

http::Response change_refused(const PageRequest& page, const Status& status, const std::string& conflict_key,
                              const std::string& invalid_key, const MessagePage& render) {
  switch (status.code()) {
    case Status::Code::kConflict: return render(409, conflict_key);
    case Status::Code::kInvalidArgument: return render(400, invalid_key);
    case Status::Code::kNotFound: return page.error(404);
    default: return unavailable(page, status);
  }
}

AgreementLookup find_agreement(const PageRequest& page, const std::string& iia_id, Action action) {
  auto scopes = handling_scopes(page);
  if (auto refused = page.refuse_unless(Action::kHandleAgreements, scopes.empty() ? Scope{} : scopes.front())) {
    return {std::nullopt, std::move(*refused)};
  }
  for (const std::string& hei_id : handling_heis(page)) {
    auto record = db::find_iia(page.connection, hei_id, iia_id);
    if (!record) return {std::nullopt, unavailable(page, record.status())};
    if (!*record) continue;
    auto units = db::list_ounits(page.connection, hei_id, language_of(page));
    if (!units) return {std::nullopt, unavailable(page, units.status())};
    FoundAgreement found{std::move(**record), UnitTree(std::move(*units)), {}};
    found.scope = agreement_scope(hei_id, found.record.ounit_id, found.units);
    if (auto refused = page.refuse_unless(action, found.scope)) return {std::nullopt, std::move(*refused)};
    return {std::move(found), std::nullopt};
  }
  return {std::nullopt, page.error(404)};
}

}  // namespace mobility::agreements::pages
