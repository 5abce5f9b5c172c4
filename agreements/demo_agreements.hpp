// Demo agreements of fjordland.example with the five demo partners, one in every stage of
// iia_stage.hpp, so that the agreement pages have something to show (README.md, `seed-demo`):
//
//   fjordland-demo-draft              collina.example       HF     draft
//   fjordland-demo-sent               pohjola.example       MN     sent, awaiting the partner
//   fjordland-demo-differing          tu-rheinfeld.example  MN-IFI partner's copy bound but different
//   fjordland-demo-partner-approved   pohjola.example       IO     the partner approved ours
//   fjordland-demo-we-approved        valle-alto.example    MN     we approved the partner's
//   fjordland-demo-approved           lumiere-nord.example  MN     approved by both
//   fjordland-demo-outdated           valle-alto.example    SV     changed after approval by both
//   fjordland-demo-terminated         lumiere-nord.example  HF     terminated after approval by both
//   fjordland-demo-deleted            collina.example       MN     deleted draft
//
// Each step (create, share, the partner's copy, approvals, change, termination, deletion) runs
// only while the stored agreement has not reached it, so seeding again changes nothing and an
// interrupted seeding resumes. Needs the demo institutions (db/demo_seed.hpp) first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "agreements/iia_book.hpp"
#include "db/connection.hpp"

namespace mobility::agreements {

// The iia ids above, in that order.
std::vector<std::string> demo_iia_ids();

// Brings every demo agreement to its stage; returns how many demo agreements exist afterwards.
Result<int64_t> seed_demo_agreements(db::Connection& connection, const IiaHasher& hasher);

}  // namespace mobility::agreements
