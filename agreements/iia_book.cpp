#include "agreements/iia_book.hpp"

#include "agreements/copy_comparison.hpp"
#include "agreements/iia_json.hpp"
#include "agreements/iia_rules.hpp"
#include "base/secure_random.hpp"
#include "db/audit_events.hpp"
#include "db/iia_approvals.hpp"
#include "db/iias.hpp"
#include "db/notifications.hpp"
#include "db/transaction.hpp"

namespace mobility::agreements {
namespace {

Status problems_status(const std::vector<IiaProblem>& problems) {
  std::string text = "the agreement cannot be stored: ";
  for (size_t i = 0; i < problems.size(); ++i) text += (i ? "; " : "") + problems[i].field + ": " + problems[i].text;
  return Status::invalid_argument(text);
}

Status audit(db::Connection& connection, const Editor& editor, const std::string& hei_id, const std::string& action,
             const std::string& iia_id, const std::string& detail) {
  return db::record_audit_event(connection,
                                {editor.account_id, editor.name, editor.role, hei_id, action, "iia:" + iia_id, detail, ""});
}

db::IiaChange change_of(const Editor& editor, const std::string& reason) { return {editor.account_id, editor.name, reason}; }

// The stored copy, or kNotFound.
Result<db::IiaRecord> stored(db::Connection& connection, const std::string& hei_id, const std::string& iia_id) {
  auto found = db::find_iia(connection, hei_id, iia_id);
  if (!found) return found.status();
  if (!*found) return Status::not_found("no agreement " + iia_id + " at " + hei_id);
  return std::move(**found);
}

// Partners must hear of every change of what they can fetch (IIA CNR).
Status notify_partner(db::Connection& connection, const db::IiaRecord& record) {
  if (record.state != "shared") return Status::ok();
  return db::enqueue_outgoing_cnr(connection, "iia-cnr", record.hei_id, record.partner_hei_id, record.iia_id);
}

db::IiaContent stored_content(const Iia& content, const IiaHasher& hasher) {
  std::optional<std::string> partner_iia_id = content.partners.size() == 2 ? content.partners[1].iia_id : std::nullopt;
  return {iia_to_json(content).dump(), hasher(content), partner_iia_id};
}

bool mutually_approved(const db::IiaRecord& record) {
  return record.partner_approved_hash == record.iia_hash && record.our_approved_partner_hash &&
         record.our_approved_partner_hash == record.partner_copy_hash;
}

}  // namespace

std::string new_iia_id() { return new_uuid(); }

Result<std::string> IiaBook::create_draft(db::Connection& connection, NewDraft draft, const Editor& editor,
                                          const std::string& reason) const {
  std::string iia_id = draft.iia_id.value_or(new_iia_id());
  Iia& content = draft.content;
  if (content.partners.size() == 2) {
    content.partners[0].hei_id = draft.hei_id;
    content.partners[0].iia_id = iia_id;
    content.partners[0].iia_code = draft.iia_code;
  }
  sort_mobility_specs(content);
  if (auto problems = check_iia(content); !problems.empty()) return problems_status(problems);
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  db::IiaContent stored = stored_content(content, hasher_);
  auto created = db::create_iia(connection,
                                {draft.hei_id, content.partners[1].hei_id, draft.iia_code, draft.ounit_id, iia_id,
                                 stored.partner_iia_id, stored.content_json, stored.iia_hash},
                                change_of(editor, reason));
  if (!created) return created.status();
  if (Status audited = audit(connection, editor, draft.hei_id, "iia_created", iia_id, reason); !audited) return audited;
  if (Status committed = tx->commit(); !committed) return committed;
  return iia_id;
}

Result<int> IiaBook::revise(db::Connection& connection, const std::string& hei_id, const std::string& iia_id,
                            int expected_version, Iia content, const Editor& editor, const std::string& reason) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto record = stored(connection, hei_id, iia_id);
  if (!record) return record.status();
  auto previous = iia_from_json_text(record->content_json);
  if (!previous) return previous.status();
  if (content.partners.size() == 2 && previous->partners.size() == 2) {
    content.partners[0].hei_id = previous->partners[0].hei_id;
    content.partners[0].iia_id = previous->partners[0].iia_id;
    content.partners[0].iia_code = previous->partners[0].iia_code;
    content.partners[1].hei_id = previous->partners[1].hei_id;
  }
  sort_mobility_specs(content);
  if (auto problems = check_iia(content); !problems.empty()) return problems_status(problems);
  auto version = db::add_iia_version(connection, hei_id, iia_id, expected_version, stored_content(content, hasher_),
                                     change_of(editor, reason));
  if (!version) return version.status();
  if (Status notified = notify_partner(connection, *record); !notified) return notified;
  if (Status audited = audit(connection, editor, hei_id, "iia_revised", iia_id, reason); !audited) return audited;
  if (Status committed = tx->commit(); !committed) return committed;
  return *version;
}

Status IiaBook::share(db::Connection& connection, const std::string& hei_id, const std::string& iia_id,
                      const Editor& editor) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto record = stored(connection, hei_id, iia_id);
  if (!record) return record.status();
  if (record->state != "draft") return Status::conflict("agreement " + iia_id + " is already " + record->state);
  if (Status changed = db::set_iia_state(connection, hei_id, iia_id, "shared"); !changed) return changed;
  record->state = "shared";
  if (Status notified = notify_partner(connection, *record); !notified) return notified;
  if (Status audited = audit(connection, editor, hei_id, "iia_shared", iia_id, record->partner_hei_id); !audited) return audited;
  return tx->commit();
}

Result<int> IiaBook::terminate(db::Connection& connection, const std::string& hei_id, const std::string& iia_id,
                               int expected_version, const Editor& editor, const std::string& reason) const {
  auto record = stored(connection, hei_id, iia_id);
  if (!record) return record.status();
  auto content = iia_from_json_text(record->content_json);
  if (!content) return content.status();
  if (content->terminated_as_a_whole) return Status::conflict("agreement " + iia_id + " is already terminated");
  content->terminated_as_a_whole = true;
  return revise(connection, hei_id, iia_id, expected_version, std::move(*content), editor, reason);
}

Status IiaBook::remove(db::Connection& connection, const std::string& hei_id, const std::string& iia_id, const Editor& editor,
                       const std::string& reason) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto record = stored(connection, hei_id, iia_id);
  if (!record) return record.status();
  if (record->approved_version || mutually_approved(*record)) {
    return Status::conflict("agreement " + iia_id + " was approved by both partners: terminate it instead of deleting it");
  }
  if (Status changed = db::set_iia_state(connection, hei_id, iia_id, "deleted"); !changed) return changed;
  if (Status notified = notify_partner(connection, *record); !notified) return notified;
  if (Status audited = audit(connection, editor, hei_id, "iia_deleted", iia_id, reason); !audited) return audited;
  return tx->commit();
}

Status IiaBook::approve_partner_copy(db::Connection& connection, const std::string& hei_id, const std::string& iia_id,
                                     const Editor& editor) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto record = stored(connection, hei_id, iia_id);
  if (!record) return record.status();
  auto copy = db::find_partner_copy_of(connection, hei_id, iia_id);
  if (!copy) return copy.status();
  if (auto blocks = approval_blocks(*record, *copy); !blocks.empty()) {
    std::string reasons;
    for (ApprovalBlock block : blocks) reasons += std::string(reasons.empty() ? "" : ", ") + approval_block_key(block);
    return Status::conflict("the partner's copy of " + iia_id + " cannot be approved: " + reasons);
  }
  const db::PartnerCopyRecord& theirs = **copy;
  if (Status approved = db::approve_partner_copy(connection, hei_id, record->partner_hei_id, theirs.partner_iia_id,
                                                 editor.account_id, editor.name);
      !approved) {
    return approved;
  }
  Status notified =
      db::enqueue_outgoing_cnr(connection, "iia-approval-cnr", hei_id, record->partner_hei_id, theirs.partner_iia_id);
  if (!notified) return notified;
  if (auto mutual = db::record_mutual_approval(connection, hei_id, iia_id); !mutual) return mutual.status();
  if (Status audited =
          audit(connection, editor, hei_id, "iia_partner_copy_approved", iia_id, theirs.partner_iia_id + " " + theirs.iia_hash);
      !audited) {
    return audited;
  }
  return tx->commit();
}

}  // namespace mobility::agreements
