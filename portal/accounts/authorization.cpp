#include "portal/accounts/authorization.hpp"

#include <algorithm>

namespace mobility::portal {
namespace {

bool same_hei(const Grant& grant, const Scope& scope) { return grant.hei_id && scope.hei_id == grant.hei_id; }

// A unit-scoped coordinator reaches only what belongs to that unit or a unit below it.
bool within_unit(const Grant& grant, const Scope& scope) {
  return !grant.ounit_id || std::find(scope.ounit_ids.begin(), scope.ounit_ids.end(), *grant.ounit_id) != scope.ounit_ids.end();
}

bool grant_allows(const Grant& grant, Action action, const Scope& scope) {
  switch (grant.role) {
    case Role::kStudent:
      if (action == Action::kViewDestinations) return same_hei(grant, scope);
      return (action == Action::kViewOwnExchange || action == Action::kViewStudent) && same_hei(grant, scope) &&
             grant.student_id && scope.student_id == grant.student_id;
    case Role::kCoordinator:
      if (action == Action::kViewDestinations || action == Action::kEditAgreementInformation) {
        return same_hei(grant, scope);
      }
      return (action == Action::kViewStudent || action == Action::kHandleAgreements) && same_hei(grant, scope) &&
             within_unit(grant, scope);
    case Role::kIoAdmin: return action != Action::kViewOwnExchange && action != Action::kViewNodeStatus && same_hei(grant, scope);
    case Role::kOperator:
      return action == Action::kViewNodeStatus || action == Action::kManageUsers || action == Action::kViewAuditLog;
  }
  return false;
}

bool has_role(const Actor& actor, Role role) {
  return std::any_of(actor.grants.begin(), actor.grants.end(), [&](const Grant& grant) { return grant.role == role; });
}

}  // namespace

bool allowed(const Actor& actor, Action action, const Scope& scope) {
  return std::any_of(actor.grants.begin(), actor.grants.end(),
                     [&](const Grant& grant) { return grant_allows(grant, action, scope); });
}

std::string start_path(const Actor& actor) {
  if (has_role(actor, Role::kIoAdmin)) return "/admin";
  if (has_role(actor, Role::kCoordinator)) return "/coordinator";
  if (has_role(actor, Role::kOperator)) return "/operator";
  if (has_role(actor, Role::kStudent)) return "/my-exchange";
  return "/my-stay";  // an incoming student's account has no role: it is linked to nominations
}

std::string role_name(Role role) {
  switch (role) {
    case Role::kStudent: return "student";
    case Role::kCoordinator: return "coordinator";
    case Role::kIoAdmin: return "io_admin";
    case Role::kOperator: return "operator";
  }
  return "";
}

std::optional<Role> role_from_name(const std::string& name) {
  for (Role role : {Role::kStudent, Role::kCoordinator, Role::kIoAdmin, Role::kOperator}) {
    if (role_name(role) == name) return role;
  }
  return std::nullopt;
}

}  // namespace mobility::portal
