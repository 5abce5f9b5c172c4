// The information desk: the steps people take on a destination's information, each one
// transaction that locks the destination, asks the workflow (information_review.hpp) whether the
// step is allowed, stores the change and its audit event, or stores nothing and says why.
//
//   save_information_draft → submit_information → approve_information (students see it)
//                                               ↘ return_information (back to draft, with a comment)
//
// Every step names the version the person saw (`seen_version`): when someone else changed the
// destination meanwhile, the step is refused as stale instead of overwriting their work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agreements/agreement_information.hpp"
#include "agreements/field_checks.hpp"
#include "agreements/iia_book.hpp"
#include "agreements/information_review.hpp"
#include "db/connection.hpp"

namespace mobility::agreements {

struct DestinationKey {
  std::string hei_id;  // ours
  std::string partner_hei_id;
};

// What a step did. A refused step (refusal or problems set) stored nothing.
struct DeskOutcome {
  int version_number = 0;  // the version saved, submitted, approved or returned
  std::optional<ReviewRefusal> refusal;
  std::vector<FieldProblem> problems;  // of the content or reason of a refused save
  bool done() const { return !refusal && problems.empty(); }
};

struct InformationDraft {
  AgreementInformation content;
  std::optional<std::string> iia_id;  // the IIA the destination rests on, if any
  std::string reason;                 // why this version (required)
  int seen_version = 0;               // the newest version the editor started from; 0 for none
};

Result<DeskOutcome> save_information_draft(db::Connection& connection, const DestinationKey& key, const InformationDraft& draft,
                                           const Editor& editor, ReviewRole role);

// `seen_version`: the open version the person looked at.
Result<DeskOutcome> submit_information(db::Connection& connection, const DestinationKey& key, int seen_version,
                                       const Editor& editor, ReviewRole role);
Result<DeskOutcome> approve_information(db::Connection& connection, const DestinationKey& key, int seen_version,
                                        const Editor& editor, ReviewRole role);
Result<DeskOutcome> return_information(db::Connection& connection, const DestinationKey& key, int seen_version,
                                       const std::string& comment, const Editor& editor, ReviewRole role);

}  // namespace mobility::agreements
