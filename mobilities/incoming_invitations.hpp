// The invitation of an incoming student whose nomination one of our HEIs approved, so they can see
// their exchange with us on /my-stay (portal/mobilities/stay_page.hpp):
//   - no account has the nominee's e-mail: a new one (no password, no role, in English), linked to
//     the nomination, and a mail with a one-time link, valid for 14 days, to choose a password
//     (the password-reset link of db/password_resets.hpp, spent on first use);
//   - an account without any role has it (an earlier incoming student): linked, and told to sign
//     in as before; no link that sets a password;
//   - an account with a role has it (our staff or students): nothing. Such accounts are never
//     linked from a partner's data; a student who signs in with MyAcademicID is linked by ESI.
//
// Runs in the caller's transaction (IncomingMobilities::decide): the invitation exists exactly when
// the approval was stored. Told once per nomination. A nominee without an e-mail address, or one
// whose account cannot be made (the database refuses the address), is not invited, and the
// approval is stored all the same.
#pragma once

#include <string>

#include "db/connection.hpp"
#include "mobilities/mobility.hpp"

namespace mobility::mobilities {

inline constexpr int kInvitationDays = 14;

Status invite_incoming_student(db::Connection& connection, const std::string& sending_hei_id, const Mobility& copy);

}  // namespace mobility::mobilities
