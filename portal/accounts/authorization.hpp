// Who may do what, where: the one place that decides access. Pages and handlers ask allowed();
// none re-implements a rule. The table of rules is in authorization.cpp and its test.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mobility::portal {

enum class Role { kStudent, kCoordinator, kIoAdmin, kOperator };

// One role of an account and where it holds (db account_role).
struct Grant {
  Role role;
  std::optional<std::string> hei_id;      // every role but operator
  std::optional<std::string> ounit_id;    // a coordinator limited to one organizational unit
  std::optional<std::string> student_id;  // a student's own record
};

struct Actor {
  int64_t account_id = 0;
  std::vector<Grant> grants;
};

enum class Action {
  kViewOwnExchange,   // a student's own exchange, applications, learning agreement, grades
  kViewStudent,       // any student's exchange within the scope
  kHandleAgreements,  // read, draft and negotiate inter-institutional agreements
  kApproveAgreement,  // approve an agreement on behalf of the HEI
  kManageUsers,       // accounts and roles
  kViewAuditLog,
  kViewNodeStatus,              // the EWP node: registry, keys, outbox
  kViewDestinations,            // the published information on partner destinations of the HEI
  kEditAgreementInformation,    // draft and submit the information students see on a destination
  kReviewAgreementInformation,  // approve or return submitted destination information
  kEditFactsheet,               // the HEI's Mobility Factsheet
};

// What the action touches.
struct Scope {
  std::optional<std::string> hei_id;
  std::vector<std::string> ounit_ids;  // the record's organizational unit and every unit above it
  std::optional<std::string> student_id;
};

// true when one of the actor's grants allows `action` on `scope`:
//   student      own exchange and own student record (same HEI, same student_id); the
//                destinations of their HEI
//   coordinator  students and agreements of their HEI; if unit-scoped, only of that unit and the
//                units below it; the destinations of their HEI and their information (any unit:
//                a destination is the HEI's, not a unit's)
//   io_admin     everything of their HEI: students, agreements, approval, destination
//                information and its review, the factsheet, users, audit log
//   operator     node status, users and audit log of every HEI; no student or agreement data
bool allowed(const Actor& actor, Action action, const Scope& scope);

// The start page after login: the admin's, else the coordinator's, the operator's, the student's;
// "/my-stay" when the account has no role (an incoming student's).
std::string start_path(const Actor& actor);

// "student", "coordinator", "io_admin", "operator" and back; nullopt for anything else.
std::string role_name(Role role);
std::optional<Role> role_from_name(const std::string& name);

}  // namespace mobility::portal
