#include "agreements/information_desk.hpp"

#include "agreements/agreement_information_rules.hpp"
#include "db/agreement_information.hpp"
#include "db/audit_events.hpp"
#include "db/transaction.hpp"

namespace mobility::agreements {
namespace {

constexpr size_t kMaxReason = 2000;
constexpr size_t kMaxComment = 4000;

DeskOutcome refused(const char* key, const char* text) { return {0, ReviewRefusal{key, text}, {}}; }

DeskOutcome stale() {
  return refused("info_refused_stale", "someone changed this information meanwhile; look at the newest version first");
}

ReviewSituation situation_of(const std::optional<db::LockedDestination>& locked) {
  if (!locked || !locked->open) return {};
  return {state_from_name(locked->open->state), locked->open->submitted_by_account_id};
}

Status audit(db::Connection& connection, const Editor& editor, const DestinationKey& key, const char* action, int version_number,
             const std::string& detail) {
  std::string record = "agreement_information:" + key.partner_hei_id + ":" + std::to_string(version_number);
  return db::record_audit_event(connection,
                                {editor.account_id, editor.name, editor.role, key.hei_id, action, record, detail, ""});
}

// Invalid input found by the database (an unknown partner or IIA) is a refusal, not a failure.
Result<DeskOutcome> refusal_or_failure(const Status& status) {
  if (status.code() == Status::Code::kInvalidArgument) {
    return refused("info_refused_unknown_destination", "the partner or the IIA is not known here");
  }
  return status;
}

Result<DeskOutcome> store_draft(db::Transaction& tx, const DestinationKey& key, const InformationDraft& draft,
                                const Editor& editor, int version_number, const std::optional<db::LockedDestination>& locked) {
  db::Connection& connection = tx.connection();
  if (Status put = db::put_information_destination(connection, key.hei_id, key.partner_hei_id, draft.iia_id); !put) {
    return refusal_or_failure(put);
  }
  if (locked && locked->open) {
    Status old = db::supersede_information_version(connection, key.hei_id, key.partner_hei_id, locked->open->version_number);
    if (!old) return old;
  }
  db::NewInformationVersion version{
      key.hei_id,        key.partner_hei_id, version_number, information_to_json(draft.content).dump(),
      editor.account_id, editor.name,        draft.reason};
  if (Status inserted = db::insert_information_draft(connection, version); !inserted) return refusal_or_failure(inserted);
  if (Status audited = audit(connection, editor, key, "information_saved", version_number, draft.reason); !audited) {
    return audited;
  }
  if (Status committed = tx.commit(); !committed) return committed;
  return DeskOutcome{version_number, std::nullopt, {}};
}

std::vector<FieldProblem> draft_problems(const InformationDraft& draft) {
  std::vector<FieldProblem> problems = check_information(draft.content);
  FieldChecks reason;
  reason.text("reason", draft.reason, kMaxReason, true);
  for (auto& problem : reason.take()) problems.push_back(std::move(problem));
  return problems;
}

// How a step changes the open version's state in the database.
using MarkVersion = Status (*)(db::Connection&, const std::string&, const std::string&, int, const db::ReviewMark&);

// A step on the open version: locks, asks the workflow, marks the version, audits.
Result<DeskOutcome> step_on_open_version(db::Connection& connection, const DestinationKey& key, ReviewStep step, int seen_version,
                                         const Editor& editor, ReviewRole role, const std::string& comment, const char* action,
                                         MarkVersion mark) {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto locked = db::lock_information_destination(connection, key.hei_id, key.partner_hei_id);
  if (!locked) return locked.status();
  if (auto refusal = review_refusal(step, role, situation_of(*locked), editor.account_id.value_or(0), comment)) {
    return DeskOutcome{0, *refusal, {}};
  }
  int version_number = (*locked)->open->version_number;
  if (version_number != seen_version) return stale();
  db::ReviewMark review_mark{editor.account_id, editor.name, comment.empty() ? std::nullopt : std::optional(comment)};
  if (Status marked = mark(connection, key.hei_id, key.partner_hei_id, version_number, review_mark); !marked) return marked;
  if (Status audited = audit(connection, editor, key, action, version_number, comment); !audited) return audited;
  if (Status committed = tx->commit(); !committed) return committed;
  return DeskOutcome{version_number, std::nullopt, {}};
}

}  // namespace

Result<DeskOutcome> save_information_draft(db::Connection& connection, const DestinationKey& key, const InformationDraft& draft,
                                           const Editor& editor, ReviewRole role) {
  if (auto problems = draft_problems(draft); !problems.empty()) return DeskOutcome{0, std::nullopt, std::move(problems)};
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto locked = db::lock_information_destination(connection, key.hei_id, key.partner_hei_id);
  if (!locked) return locked.status();
  if (auto refusal = review_refusal(ReviewStep::kSaveDraft, role, situation_of(*locked), editor.account_id.value_or(0))) {
    return DeskOutcome{0, *refusal, {}};
  }
  int newest = *locked ? (*locked)->newest_version : 0;
  if (newest != draft.seen_version) return stale();
  return store_draft(*tx, key, draft, editor, newest + 1, *locked);
}

Result<DeskOutcome> submit_information(db::Connection& connection, const DestinationKey& key, int seen_version,
                                       const Editor& editor, ReviewRole role) {
  return step_on_open_version(connection, key, ReviewStep::kSubmit, seen_version, editor, role, "", "information_submitted",
                              db::mark_information_submitted);
}

Result<DeskOutcome> approve_information(db::Connection& connection, const DestinationKey& key, int seen_version,
                                        const Editor& editor, ReviewRole role) {
  return step_on_open_version(connection, key, ReviewStep::kApprove, seen_version, editor, role, "", "information_approved",
                              db::mark_information_published);
}

Result<DeskOutcome> return_information(db::Connection& connection, const DestinationKey& key, int seen_version,
                                       const std::string& comment, const Editor& editor, ReviewRole role) {
  FieldChecks checks;
  checks.text("comment", comment, kMaxComment, false);
  if (auto problems = checks.take(); !problems.empty()) return DeskOutcome{0, std::nullopt, std::move(problems)};
  return step_on_open_version(connection, key, ReviewStep::kReturn, seen_version, editor, role, comment, "information_returned",
                              db::mark_information_returned);
}

}  // namespace mobility::agreements
