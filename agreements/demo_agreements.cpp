#include "agreements/demo_agreements.hpp"

#include "agreements/copy_comparison.hpp"
#include "agreements/iia_json.hpp"
#include "db/iia_approvals.hpp"
#include "db/iias.hpp"

namespace mobility::agreements {
namespace {

constexpr const char* kOurHei = "fjordland.example";

struct DemoPlan {
  const char* iia_id;
  const char* partner_hei_id;
  const char* ounit_id;
  const char* iia_code;
  const char* first_year;
  const char* partner_iia_id = nullptr;  // the partner's copy, if it has one
  bool shared = true;
  bool partner_copy_differs = false;
  bool partner_approves = false;
  bool we_approve = false;
  bool changed_after_approval = false;
  bool terminated = false;
  bool deleted = false;
};

const std::vector<DemoPlan>& plans() {
  static const std::vector<DemoPlan> all = {
      {.iia_id = "fjordland-demo-draft",
       .partner_hei_id = "collina.example",
       .ounit_id = "ou-hf",
       .iia_code = "UIF-UNIC-HF-2026",
       .first_year = "2026/2027",
       .shared = false},
      {.iia_id = "fjordland-demo-sent",
       .partner_hei_id = "pohjola.example",
       .ounit_id = "ou-mn",
       .iia_code = "UIF-PU-MN-2026",
       .first_year = "2026/2027"},
      {.iia_id = "fjordland-demo-differing",
       .partner_hei_id = "tu-rheinfeld.example",
       .ounit_id = "ou-mn-ifi",
       .iia_code = "UIF-TUR-IFI-2026",
       .first_year = "2026/2027",
       .partner_iia_id = "TUR-IIA-4711",
       .partner_copy_differs = true},
      {.iia_id = "fjordland-demo-partner-approved",
       .partner_hei_id = "pohjola.example",
       .ounit_id = "ou-io",
       .iia_code = "UIF-PU-STAFF-2025",
       .first_year = "2025/2026",
       .partner_iia_id = "pohjola-iia-88",
       .partner_approves = true},
      {.iia_id = "fjordland-demo-we-approved",
       .partner_hei_id = "valle-alto.example",
       .ounit_id = "ou-mn",
       .iia_code = "UIF-UVA-MN-2026",
       .first_year = "2026/2027",
       .partner_iia_id = "UVA/2026/031",
       .we_approve = true},
      {.iia_id = "fjordland-demo-approved",
       .partner_hei_id = "lumiere-nord.example",
       .ounit_id = "ou-mn",
       .iia_code = "UIF-ULN-MN-2025",
       .first_year = "2025/2026",
       .partner_iia_id = "ULN-2025-017",
       .partner_approves = true,
       .we_approve = true},
      {.iia_id = "fjordland-demo-outdated",
       .partner_hei_id = "valle-alto.example",
       .ounit_id = "ou-sv",
       .iia_code = "UIF-UVA-SV-2025",
       .first_year = "2025/2026",
       .partner_iia_id = "UVA/2025/112",
       .partner_approves = true,
       .we_approve = true,
       .changed_after_approval = true},
      {.iia_id = "fjordland-demo-terminated",
       .partner_hei_id = "lumiere-nord.example",
       .ounit_id = "ou-hf",
       .iia_code = "UIF-ULN-HF-2024",
       .first_year = "2024/2025",
       .partner_iia_id = "ULN-2024-003",
       .partner_approves = true,
       .we_approve = true,
       .terminated = true},
      {.iia_id = "fjordland-demo-deleted",
       .partner_hei_id = "collina.example",
       .ounit_id = "ou-mn",
       .iia_code = "UIF-UNIC-MN-2026",
       .first_year = "2026/2027",
       .shared = false,
       .deleted = true},
  };
  return all;
}

const Editor kDemoEditor{std::nullopt, "demo data (mobility seed-demo)", std::nullopt};

std::string years_later(const std::string& first_year, int years) {
  int start = std::stoi(first_year.substr(0, 4)) + years;
  return std::to_string(start) + "/" + std::to_string(start + 1);
}

MobilitySpec student_studies(const std::string& from, const std::string& to, const DemoPlan& plan) {
  MobilitySpec spec;
  spec.type = MobilityType::kStudentStudies;
  spec.sending_hei_id = from;
  spec.receiving_hei_id = to;
  spec.receiving_first_academic_year_id = plan.first_year;
  spec.receiving_last_academic_year_id = years_later(plan.first_year, 2);
  spec.mobilities_per_year = 2;
  spec.recommended_language_skills = {{"en", "B2", std::nullopt, false}};
  spec.subject_areas = {{"0613", std::nullopt, "Software and applications development"}, {"0541", std::nullopt, std::nullopt}};
  spec.total_months_per_year = "5";
  spec.eqf_levels = {6, 7};
  return spec;
}

// Our copy: student studies both ways and staff teaching towards us.
Iia our_content(const DemoPlan& plan) {
  Iia iia;
  IiaPartner ours{kOurHei,
                  plan.ounit_id,
                  std::nullopt,
                  std::nullopt,
                  std::nullopt,
                  std::nullopt,
                  {Contact{"International Office", std::nullopt, std::nullopt, "international@fjordland.example", "+4755580000",
                           std::nullopt}}};
  IiaPartner theirs{plan.partner_hei_id,
                    std::nullopt,
                    std::nullopt,
                    std::nullopt,
                    std::nullopt,
                    std::nullopt,
                    {Contact{"International Relations", std::nullopt, std::nullopt,
                             std::string("international@") + plan.partner_hei_id, std::nullopt, std::nullopt}}};
  if (plan.partner_iia_id) theirs.iia_id = theirs.iia_code = plan.partner_iia_id;  // bound: we know its id
  iia.partners = {ours, theirs};
  MobilitySpec teaching;
  teaching.type = MobilityType::kStaffTeacher;
  teaching.sending_hei_id = plan.partner_hei_id;
  teaching.receiving_hei_id = kOurHei;
  teaching.receiving_first_academic_year_id = plan.first_year;
  teaching.receiving_last_academic_year_id = years_later(plan.first_year, 2);
  teaching.recommended_language_skills = {{"en", "C1", std::nullopt, false}};
  teaching.total_days_per_year = "5";
  iia.mobility_specs = {student_studies(kOurHei, plan.partner_hei_id, plan), student_studies(plan.partner_hei_id, kOurHei, plan),
                        teaching};
  return iia;
}

// The partner's copy as its node would serve it: the partner first, naming our id.
Iia partner_content(const DemoPlan& plan, const Iia& ours) {
  Iia theirs = aligned_with_ours(ours);  // swapping the partners of ours puts theirs first
  if (plan.partner_copy_differs) {
    theirs.mobility_specs[0].mobilities_per_year = 3;
    theirs.mobility_specs[0].total_months_per_year = "4.5";
    theirs.mobility_specs[1].subject_areas[0].isced_clarification = "Computer science";
  }
  return theirs;
}

Result<db::IiaRecord> current(db::Connection& connection, const DemoPlan& plan) {
  auto found = db::find_iia(connection, kOurHei, plan.iia_id);
  if (!found) return found.status();
  if (!*found) return Status::not_found(std::string("demo agreement ") + plan.iia_id + " is missing");
  return **found;
}

Status create_if_missing(db::Connection& connection, const IiaBook& book, const DemoPlan& plan) {
  auto found = db::find_iia(connection, kOurHei, plan.iia_id);
  if (!found) return found.status();
  if (*found) return Status::ok();
  return book
      .create_draft(connection, {kOurHei, plan.iia_code, plan.ounit_id, plan.iia_id, our_content(plan)}, kDemoEditor,
                    "Demo agreement: first proposal")
      .status();
}

// The partner's copy fetched, bound to ours, and its approval of ours.
Status partner_side(db::Connection& connection, const DemoPlan& plan, const IiaHasher& hasher) {
  auto record = current(connection, plan);
  if (!record) return record.status();
  if (!record->partner_copy_hash) {
    auto ours = iia_from_json_text(record->content_json);
    if (!ours) return ours.status();
    Iia theirs = partner_content(plan, *ours);
    auto saved = db::save_partner_copy(connection, {kOurHei, plan.partner_hei_id, plan.partner_iia_id, plan.iia_id,
                                                    iia_to_json(theirs).dump(), hasher(theirs), true, true});
    if (!saved) return saved.status();
  }
  if (plan.partner_approves && !record->partner_approved_hash) {
    return db::save_partner_approval(connection, kOurHei, plan.iia_id, record->iia_hash);
  }
  return Status::ok();
}

Status change_after_approval(db::Connection& connection, const IiaBook& book, const DemoPlan& plan) {
  auto record = current(connection, plan);
  if (!record) return record.status();
  if (plan.changed_after_approval && record->current_version == 1) {
    auto content = iia_from_json_text(record->content_json);
    if (!content) return content.status();
    content->mobility_specs[0].total_months_per_year = "6";
    auto revised = book.revise(connection, kOurHei, plan.iia_id, 1, std::move(*content), kDemoEditor,
                               "Demo agreement: six months a year for outgoing students");
    if (!revised) return revised.status();
  }
  if (plan.terminated && record->current_version == 1) {
    auto ended = book.terminate(connection, kOurHei, plan.iia_id, 1, kDemoEditor, "Demo agreement: the programme closed");
    if (!ended) return ended.status();
  }
  return Status::ok();
}

Status seed_one(db::Connection& connection, const IiaBook& book, const IiaHasher& hasher, const DemoPlan& plan) {
  if (Status created = create_if_missing(connection, book, plan); !created) return created;
  auto record = current(connection, plan);
  if (!record) return record.status();
  if (plan.shared && record->state == "draft") {
    if (Status shared = book.share(connection, kOurHei, plan.iia_id, kDemoEditor); !shared) return shared;
  }
  if (plan.partner_iia_id) {
    if (Status partner = partner_side(connection, plan, hasher); !partner) return partner;
  }
  if (plan.we_approve) {
    auto approved = current(connection, plan);
    if (!approved) return approved.status();
    if (!approved->our_approved_partner_hash) {
      if (Status ok = book.approve_partner_copy(connection, kOurHei, plan.iia_id, kDemoEditor); !ok) return ok;
    }
  }
  if (Status changed = change_after_approval(connection, book, plan); !changed) return changed;
  if (plan.deleted) {
    auto deleted = current(connection, plan);
    if (!deleted) return deleted.status();
    if (deleted->state != "deleted")
      return book.remove(connection, kOurHei, plan.iia_id, kDemoEditor, "Demo agreement: withdrawn");
  }
  return Status::ok();
}

}  // namespace

std::vector<std::string> demo_iia_ids() {
  std::vector<std::string> ids;
  for (const DemoPlan& plan : plans()) ids.push_back(plan.iia_id);
  return ids;
}

Result<int64_t> seed_demo_agreements(db::Connection& connection, const IiaHasher& hasher) {
  IiaBook book(hasher);
  for (const DemoPlan& plan : plans()) {
    if (Status seeded = seed_one(connection, book, hasher, plan); !seeded) return seeded.with_context(plan.iia_id);
  }
  int64_t present = 0;
  for (const DemoPlan& plan : plans()) {
    auto found = db::find_iia(connection, kOurHei, plan.iia_id);
    if (!found) return found.status();
    present += found->has_value() ? 1 : 0;
  }
  return present;
}

}  // namespace mobility::agreements
