#include "mobilities/transcript_rules.hpp"

#include "mobilities/problem_list.hpp"

namespace mobility::mobilities {
namespace {

constexpr const char* kEsiExample = "urn:schac:personalUniqueCode:int:esi:uio.no:1234567890";

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

}  // namespace mobility::mobilities
