// Demo mobilities of fjordland.example, outgoing and incoming, one in every state of both flows,
// so that the pages and a partner have something to show (README.md, `mobility seed-demo`):
//
//   outgoing (we send)                 to                    state
//   fjordland-demo-nominated           tu-rheinfeld.example  nomination awaiting the partner
//   fjordland-demo-approved            lumiere-nord.example  nomination approved, no agreement yet
//   fjordland-demo-rejected            valle-alto.example    nomination rejected with a comment
//   fjordland-demo-la-proposed         pohjola.example       first LA proposal awaiting the partner
//   fjordland-demo-la-approved         tu-rheinfeld.example  LA approved by all three
//   fjordland-demo-la-change           lumiere-nord.example  approved LA, change proposal awaiting
//   fjordland-demo-la-commented        valle-alto.example    LA proposal commented by the partner
//   fjordland-demo-cancelled           collina.example       nomination cancelled
//   incoming (partners send to us)     from
//   rheinfeld-demo-incoming-nominated  tu-rheinfeld.example  nomination awaiting our decision
//   lumiere-demo-incoming-approved     lumiere-nord.example  nomination we approved
//   pohjola-demo-incoming-la-proposed  pohjola.example       LA proposal awaiting our decision
//   valle-demo-incoming-la-approved    valle-alto.example    LA approved by all three
//   collina-demo-incoming-cancelled    collina.example       cancelled by its sending HEI
//   rheinfeld-demo-incoming-rejected   tu-rheinfeld.example  nomination we rejected
//   lumiere-demo-incoming-la-change    lumiere-nord.example  approved LA, change proposal awaiting us
//
// Then the application rounds, applications and course pre-approvals of demo_applications.hpp,
// and the host courses of demo_host_courses.hpp.
// The partners' decisions on ours are stored as if their update calls had come. Each mobility is
// seeded in one transaction and only when absent, so seeding again changes nothing. Needs the
// demo institutions and students (db/demo_seed.hpp) first.
//
// top_up_partner_demo: for a named partner HEI (the official EWP validator, or any partner
// testing against this node), outgoing mobilities of fjordland.example with it as receiving HEI:
// at least one nomination awaiting its decision and one learning agreement whose proposal awaits
// its approval, added when it has decided the earlier ones.
#pragma once

#include <cstdint>
#include <string>

#include "db/connection.hpp"

namespace mobility::mobilities {

inline constexpr const char* kDemoHei = "fjordland.example";

// Seeds the demo mobilities above; returns how many demo mobilities exist afterwards.
Result<int64_t> seed_demo_mobilities(db::Connection& connection);

struct TopUp {
  int nominations_added = 0;
  int la_proposals_added = 0;
};

// Makes `partner_hei_id` a known HEI when needed and adds what it lacks to decide on.
// kInvalidArgument for an id that is not a SCHAC code, or the demo HEI itself.
Result<TopUp> top_up_partner_demo(db::Connection& connection, const std::string& partner_hei_id);

}  // namespace mobility::mobilities
