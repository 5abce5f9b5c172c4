#include "mobilities/transcript_rules.hpp"

#include "mobilities/problem_list.hpp"

namespace mobility::mobilities {
namespace {

constexpr const char* kEsiExample = "urn:schac:personalUniqueCode:int:esi:uio.no:1234567890";
constexpr const char* kRequiredByV3 = "is required by IMobility ToRs v3";

void check_v3_specification(ProblemList& problems, const LearningOpportunitySpecification& los, const std::string& field) {
  problems.require(!identifiers_of(los.identifiers, "ewp-los-id").empty(), field + ".identifier",
                   "has no identifier of type ewp-los-id");
  problems.require(!los.titles.empty(), field + ".title", kRequiredByV3);
  const LearningOpportunityInstance& loi = los.instance;
  const std::string instance = field + ".instance";
  problems.require(!identifiers_of(loi.identifiers, "ewp-loi-id").empty(), instance + ".identifier",
                   "has no identifier of type ewp-loi-id");
  problems.require(loi.academic_term.has_value(), instance + ".academic_term", kRequiredByV3);
  bool ects = false;
  for (const Credit& credit : loi.credits) ects = ects || credit.scheme == "ects";
  problems.require(ects, instance + ".credit", "has no credit in scheme ects");
  problems.require(loi.result_label.has_value(), instance + ".result_label", kRequiredByV3);
  problems.require(loi.result_distribution.has_value(), instance + ".result_distribution", kRequiredByV3);
  for (size_t part = 0; part < los.has_parts.size(); ++part) {
    check_v3_specification(problems, los.has_parts[part], field + ".has_parts[" + std::to_string(part) + "]");
  }
}

}  // namespace

std::vector<RuleProblem> check_learner_esi(const Learner& learner) {
  ProblemList problems;
  std::vector<std::string> esis = identifiers_of(learner.identifiers, "esi");
  problems.require(!esis.empty(), "learner.identifier",
                   std::string("has no identifier of type esi (a European Student Identifier such as ") + kEsiExample + ")");
  for (const std::string& esi : esis) {
    problems.require(is_esi(esi), "learner.identifier",
                     "'" + excerpt(esi, 40) + "' is not a European Student Identifier such as " + kEsiExample);
  }
  return problems.take();
}

std::vector<RuleProblem> check_tors_v3_transcript(const Transcript& transcript) {
  ProblemList problems;
  problems.require(transcript.learner.birth_date.has_value(), "learner.birth_date", kRequiredByV3);
  for (size_t index = 0; index < transcript.reports.size(); ++index) {
    const Report& report = transcript.reports[index];
    const std::string field = "reports[" + std::to_string(index) + "]";
    problems.require(!identifiers_of(report.issuer.identifiers, "schac").empty(), field + ".issuer.identifier",
                     "has no identifier of type schac");
    for (size_t los = 0; los < report.learning_opportunities.size(); ++los) {
      check_v3_specification(problems, report.learning_opportunities[los],
                             field + ".learning_opportunities[" + std::to_string(los) + "]");
    }
  }
  return problems.take();
}

}  // namespace mobility::mobilities
