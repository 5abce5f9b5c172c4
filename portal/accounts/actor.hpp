// The authorization view of a stored account: its id and grants.
#pragma once

#include "db/accounts.hpp"
#include "portal/accounts/authorization.hpp"

namespace mobility::portal {

// Roles the authorization code does not know (none today) are left out, granting nothing.
Actor actor_from(const db::AccountRecord& account);

}  // namespace mobility::portal
