#include "portal/pages/page_support.hpp"

#include "base/log.hpp"

namespace mobility::portal {

std::optional<std::string> home_hei_of(const PageRequest& page) {
  for (const Grant& grant : page.visitor.actor.grants) {
    if (grant.hei_id) return grant.hei_id;
  }
  return std::nullopt;
}

std::optional<http::Response> refuse_unless_at_home_hei(PageRequest& page, Action action, std::optional<std::string>& hei_id) {
  hei_id = home_hei_of(page);
  return page.refuse_unless(action, Scope{hei_id, {}, std::nullopt});
}

Scope own_student_scope(const PageRequest& page) {
  for (const Grant& grant : page.visitor.actor.grants) {
    if (grant.role == Role::kStudent) return Scope{grant.hei_id, {}, grant.student_id};
  }
  return Scope{};
}

agreements::Editor editor_of(const PageRequest& page) {
  agreements::Editor editor{std::nullopt, "", std::nullopt};
  if (!page.visitor.account) return editor;
  editor.account_id = page.visitor.account->account_id;
  editor.name = page.visitor.account->email;
  for (Role role : {Role::kIoAdmin, Role::kCoordinator, Role::kStudent}) {
    for (const Grant& grant : page.visitor.actor.grants) {
      if (grant.role == role && !editor.role) editor.role = role_name(role);
    }
  }
  return editor;
}

http::Response unavailable(const PageRequest& page, const Status& status) {
  log::error("page_query_failed", {{"id", page.request.request_id}, {"path", page.request.path}, {"error", status.to_string()}});
  return page.error(503);
}

std::string query_value(const PageRequest& page, std::string_view name) {
  auto values = page.request.query_values(name);
  return values.empty() ? "" : values.front();
}

}  // namespace mobility::portal
