#include "portal/accounts/actor.hpp"

namespace mobility::portal {

Actor actor_from(const db::AccountRecord& account) {
  Actor actor{account.account_id, {}};
  for (const auto& role : account.roles) {
    if (auto known = role_from_name(role.role)) actor.grants.push_back({*known, role.hei_id, role.ounit_id, role.student_id});
  }
  return actor;
}

}  // namespace mobility::portal
