// Demo application rounds, applications and course pre-approvals of fjordland.example, so that
// every page of the journey has something to show (README.md, `mobility seed-demo`):
//
//   "Exchange studies 2026/2027"  closed   Åse, Øyvind and Maria selected: their demo mobilities
//                                          (fjordland-demo-nominated, -approved, -rejected);
//                                          each destination's applicants ranked by the
//                                          coordinator (Lumière-Nord: Øyvind 1, Åse 2)
//   "Exchange studies 2027/2028"  open     Jonas handed in (Lumière-Nord first), Maria a draft;
//                                          Åse has not applied, so the demo student can; not
//                                          ranked yet, the coordinator's work to do
//   pre-approval  fjordland-demo-approved   lines approved, rejected and waiting
//                 fjordland-demo-nominated  one approved, one waiting
//                 fjordland-demo-la-change  approved lines: earlier students' courses at Lumière-Nord
//
// Dates are relative to now, so the open round stays open. Seeded only when the rounds are absent,
// so seeding again changes nothing. Needs the demo mobilities (demo_mobilities.hpp) first.
#pragma once

#include "db/connection.hpp"

namespace mobility::mobilities {

Status seed_demo_applications(db::Connection& connection);

}  // namespace mobility::mobilities
