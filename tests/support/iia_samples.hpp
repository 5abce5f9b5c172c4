// A realistic agreement between fjordland.example and a partner, for tests of the model, the
// repository and the IIAs API: student studies both ways and staff teaching one way.
#pragma once

#include <string>

#include "agreements/iia.hpp"

namespace mobility::testing {

inline agreements::Iia sample_iia(const std::string& partner_hei_id = "uni-a.example") {
  using namespace agreements;
  Iia iia;
  IiaPartner ours{"fjordland.example",
                  "ou-mn",
                  std::nullopt,
                  std::nullopt,
                  Contact{"Per Olav Sæther", "Per Olav", "Sæther", "per.saether@fjordland.example", std::nullopt, "Coordinator"},
                  std::nullopt,
                  {}};
  IiaPartner theirs{
      partner_hei_id,
      std::nullopt,
      std::nullopt,
      std::nullopt,
      std::nullopt,
      std::nullopt,
      {Contact{"International Office", std::nullopt, std::nullopt, "io@" + partner_hei_id, "+33320000000", std::nullopt}}};
  iia.partners = {ours, theirs};
  MobilitySpec out;
  out.type = MobilityType::kStudentStudies;
  out.sending_hei_id = "fjordland.example";
  out.sending_ounit_id = "ou-mn";
  out.receiving_hei_id = partner_hei_id;
  out.receiving_first_academic_year_id = "2026/2027";
  out.receiving_last_academic_year_id = "2028/2029";
  out.mobilities_per_year = 2;
  out.recommended_language_skills = {{"en", "B2", std::nullopt, false}};
  out.subject_areas = {{"0613", std::nullopt, "Software & applications"}};
  out.total_months_per_year = "5";
  out.eqf_levels = {6, 7};
  MobilitySpec in = out;
  std::swap(in.sending_hei_id, in.receiving_hei_id);
  in.sending_ounit_id = std::nullopt;
  in.receiving_ounit_id = "ou-mn";
  in.recommended_language_skills = {{"en", "B2", std::nullopt, false}, {"nb", "A2", std::nullopt, false}};
  MobilitySpec teaching;
  teaching.type = MobilityType::kStaffTeacher;
  teaching.sending_hei_id = partner_hei_id;
  teaching.receiving_hei_id = "fjordland.example";
  teaching.receiving_first_academic_year_id = "2026/2027";
  teaching.receiving_last_academic_year_id = "2027/2028";
  teaching.mobilities_per_year = 1;
  teaching.recommended_language_skills = {{"en", "C1", std::nullopt, false}};
  teaching.total_days_per_year = "5";
  iia.mobility_specs = {out, in, teaching};
  return iia;
}

}  // namespace mobility::testing
