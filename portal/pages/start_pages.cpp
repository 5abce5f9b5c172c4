#include "portal/pages/start_pages.hpp"

#include "agreements/names.hpp"
#include "db/accounts.hpp"
#include "db/audit_events.hpp"
#include "db/institutions.hpp"
#include "db/mail_outbox.hpp"
#include "db/node_status.hpp"
#include "db/students.hpp"
#include "portal/pages/page_support.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

constexpr int kAuditRows = 50;

// The student as the pages show them, with their HEI's and unit's names in `language`.
Result<data> student_data(const PageRequest& page, const db::StudentRecord& student, const std::string& language) {
  auto hei = page.names.hei_name(page.connection, student.hei_id, language);
  if (!hei) return hei.status();
  std::optional<std::string> unit;
  if (student.ounit_id) {
    auto named = page.names.ounit_name(page.connection, student.hei_id, *student.ounit_id, language);
    if (!named) return named.status();
    unit = named->value_or(*student.ounit_id);
  }
  data row;
  row.set("given_names", student.given_names);
  row.set("family_name", student.family_name);
  row.set("email", student.email);
  row.set("hei_name", hei->value_or(student.hei_id));
  row.set("unit", unit.value_or(""));
  return row;
}

// The grants of the visitor with `role`.
std::vector<Grant> grants_of(const PageRequest& page, Role role) {
  std::vector<Grant> grants;
  for (const Grant& grant : page.visitor.actor.grants) {
    if (grant.role == role) grants.push_back(grant);
  }
  return grants;
}

http::Response my_exchange(PageRequest& page) {
  Scope own = own_student_scope(page);
  if (auto refused = page.refuse_unless(Action::kViewOwnExchange, own)) return *refused;
  std::string language = language_code(page.visitor.language);
  auto student = db::find_student(page.connection, *own.hei_id, *own.student_id);
  if (!student) return unavailable(page, student.status());
  data view;
  if (*student) {
    auto shown = student_data(page, **student, language);
    if (!shown) return unavailable(page, shown.status());
    view.set("student", *shown);
  }
  return page.render(200, "my_exchange", "student_title", view);
}

// Whether the signed-in staff member chose a daily digest (mail_preference partial).
Result<bool> wants_digest(const PageRequest& page) {
  if (!page.visitor.account) return false;
  return db::mail_digest(page.connection, page.visitor.account->account_id);
}

// POST /mail-preference: digest=1 (one daily digest) or digest=0 (a mail per item), for staff.
http::Response set_mail_preference(PageRequest& page) {
  bool staff = !grants_of(page, Role::kCoordinator).empty() || !grants_of(page, Role::kIoAdmin).empty();
  if (!page.visitor.account) return page.redirect("/login");
  if (!staff) return page.error(403);
  std::string digest = page.field("digest");
  if (digest != "0" && digest != "1") return page.error(400, "error_mail_preference_invalid_text");
  if (Status saved = db::set_mail_digest(page.connection, page.visitor.account->account_id, digest == "1"); !saved) {
    return unavailable(page, saved);
  }
  return page.redirect(start_path(page.visitor.actor) + "?saved=mail");
}

http::Response coordinator(PageRequest& page) {
  auto scopes = grants_of(page, Role::kCoordinator);
  Scope first = scopes.empty() ? Scope{} : Scope{scopes.front().hei_id, {}, std::nullopt};
  if (scopes.size() > 0 && scopes.front().ounit_id) first.ounit_ids = {*scopes.front().ounit_id};
  if (auto refused = page.refuse_unless(Action::kViewStudent, first)) return *refused;
  std::string language = language_code(page.visitor.language);
  data list = data::type::list;
  for (const Grant& grant : scopes) {
    auto students = db::list_students(page.connection, *grant.hei_id, grant.ounit_id);
    if (!students) return unavailable(page, students.status());
    data rows = data::type::list;
    for (const auto& student : *students) {
      auto shown = student_data(page, student, language);
      if (!shown) return unavailable(page, shown.status());
      rows.push_back(*shown);
    }
    auto hei = page.names.hei_name(page.connection, *grant.hei_id, language);
    if (!hei) return unavailable(page, hei.status());
    std::optional<std::string> unit;
    if (grant.ounit_id) {
      auto named = page.names.ounit_name(page.connection, *grant.hei_id, *grant.ounit_id, language);
      if (!named) return unavailable(page, named.status());
      unit = named->value_or(*grant.ounit_id);
    }
    data scope;
    scope.set("hei_name", hei->value_or(*grant.hei_id));
    if (unit) scope.set("unit", *unit);
    scope.set("has_students", !students->empty());
    scope.set("students", rows);
    list.push_back(scope);
  }
  auto digest = wants_digest(page);
  if (!digest) return unavailable(page, digest.status());
  data view;
  view.set("scopes", list);
  view.set("digest", *digest);
  view.set("mail_saved", !page.request.query_values("saved").empty());
  return page.render(200, "coordinator", "coordinator_title", view);
}

// The account's roles at `hei_id` (its roles at other HEIs are theirs to know).
std::string roles_text(const db::AccountRecord& account, const std::string& hei_id) {
  std::string text;
  for (const auto& role : account.roles) {
    if (role.hei_id != hei_id) continue;
    text += (text.empty() ? "" : ", ") + role.role + (role.ounit_id ? " (" + *role.ounit_id + ")" : "");
  }
  return text;
}

bool belongs_to(const db::AccountRecord& account, const std::string& hei_id) {
  for (const auto& role : account.roles) {
    if (role.hei_id == hei_id) return true;
  }
  return false;
}

http::Response admin(PageRequest& page) {
  // The page of one HEI's international office: the operator, who may manage users everywhere,
  // has a page of their own.
  auto admins = grants_of(page, Role::kIoAdmin);
  if (admins.empty() || !admins.front().hei_id) return page.visitor.account ? page.error(403) : page.redirect("/login");
  Scope hei{admins.front().hei_id, {}, std::nullopt};
  if (auto refused = page.refuse_unless(Action::kManageUsers, hei)) return *refused;
  auto accounts = db::list_accounts(page.connection);
  if (!accounts) return unavailable(page, accounts.status());
  auto events = db::list_audit_events(page.connection, hei.hei_id, kAuditRows);
  if (!events) return unavailable(page, events.status());
  data account_rows = data::type::list;
  for (const auto& account : *accounts) {
    if (!belongs_to(account, *hei.hei_id)) continue;
    data row;
    row.set("email", account.email);
    row.set("display_name", account.display_name);
    row.set("disabled", account.disabled);
    row.set("roles", roles_text(account, *hei.hei_id));
    account_rows.push_back(row);
  }
  data event_rows = data::type::list;
  for (const auto& event : *events) {
    data row;
    row.set("at", event.at);
    row.set("actor", event.actor);
    row.set("action", event.action);
    row.set("record", event.record.value_or(""));
    event_rows.push_back(row);
  }
  auto digest = wants_digest(page);
  if (!digest) return unavailable(page, digest.status());
  data view;
  view.set("digest", *digest);
  view.set("mail_saved", !page.request.query_values("saved").empty());
  view.set("accounts", account_rows);
  view.set("has_events", !events->empty());
  view.set("events", event_rows);
  return page.render(200, "admin", "admin_title", view);
}

http::Response operator_status(PageRequest& page, const Site& site) {
  if (auto refused = page.refuse_unless(Action::kViewNodeStatus, {})) return *refused;
  auto status = db::node_status(page.connection, site.sessions().settings().idle.count());
  if (!status) return unavailable(page, status.status());
  auto hosted = db::list_hosted_heis(page.connection);
  if (!hosted) return unavailable(page, hosted.status());
  data heis = data::type::list;
  for (size_t i = 0; i < hosted->size(); ++i) {
    data row;
    row.set("hei_id", (*hosted)[i].hei_id);
    row.set("name", agreements::preferred_name((*hosted)[i].names, language_code(page.visitor.language), (*hosted)[i].hei_id));
    row.set("last", i + 1 == hosted->size());
    heis.push_back(row);
  }
  data view;
  view.set("hosted", heis);
  view.set("accounts", std::to_string(status->accounts));
  view.set("sessions", std::to_string(status->active_sessions));
  if (status->registry_fetched_at) view.set("registry_fetched_at", *status->registry_fetched_at);
  return page.render(200, "operator", "operator_title", view);
}

}  // namespace

void add_start_pages(http::Router& router, const Site& site) {
  site.add_page(router, "GET", "/my-exchange", my_exchange);
  site.add_page(router, "GET", "/coordinator", coordinator);
  site.add_page(router, "GET", "/admin", admin);
  site.add_page(router, "POST", "/mail-preference", set_mail_preference);
  site.add_page(router, "GET", "/operator", [&site](PageRequest& page) { return operator_status(page, site); });
}

}  // namespace mobility::portal
