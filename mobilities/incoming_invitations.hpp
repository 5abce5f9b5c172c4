// The invitation of an incoming student whose nomination one of our HEIs approved: their account
// (the one with the nominee's e-mail, else a new one without password or role, in English), linked
// to the nomination, and a mail with a one-time link, valid for 14 days, to choose a password
// (the password-reset link of db/password_resets.hpp, so it is spent on first use). Signed in,
// the student sees their exchange with us on /my-stay (portal/mobilities/stay_page.hpp); a
// student who signs in with MyAcademicID is linked to the same nominations by ESI.
//
// Runs in the caller's transaction (IncomingMobilities::decide): the invitation exists exactly
// when the approval was stored. Invited once per nomination; a nominee without a usable e-mail
// address is not invited (kOk, nothing stored).
#pragma once

#include <string>

#include "db/connection.hpp"
#include "mobilities/mobility.hpp"

namespace mobility::mobilities {

inline constexpr int kInvitationDays = 14;

Status invite_incoming_student(db::Connection& connection, const std::string& sending_hei_id, const Mobility& copy);

}  // namespace mobility::mobilities
