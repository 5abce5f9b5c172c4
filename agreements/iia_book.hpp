// IiaBook: the operations on a hosted HEI's agreements, each one transaction that stores a new
// version (who, when, why), an audit event and, once the partner can fetch the agreement, an IIA
// CNR to it in the outbox:
//   create_draft → (revise)* → share with the partner → revise / terminate → …;
//   remove (only while never approved by both partners: ids are never reused).
//
// The EWP hash of every stored version comes from the hasher the node gives (the hash is
// protocol; this module does not know XML). Content is checked with check_iia first: a refused
// change stores nothing and says why (kInvalidArgument with the problems' texts).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "agreements/iia.hpp"
#include "db/connection.hpp"

namespace mobility::agreements {

using IiaHasher = std::function<std::string(const Iia&)>;

// The person (or program) making a change, for the version history and the audit log.
struct Editor {
  std::optional<int64_t> account_id;
  std::string name;                 // email at the time, or "command line"
  std::optional<std::string> role;  // "coordinator", "io_admin"
};

struct NewDraft {
  std::string hei_id;  // ours; partners[0] of the content
  std::string iia_code;
  std::optional<std::string> ounit_id;
  std::optional<std::string> iia_id;  // fixed ids for demo data; otherwise a new UUID
  Iia content;
};

class IiaBook {
 public:
  explicit IiaBook(IiaHasher hasher) : hasher_(std::move(hasher)) {}

  // Stores version 1 of a draft; returns its iia_id.
  Result<std::string> create_draft(db::Connection& connection, NewDraft draft, const Editor& editor,
                                   const std::string& reason) const;

  // Stores `content` as the next version if `expected_version` is still current (else
  // kConflict). Our iia-id and code in partners[0] and the partner's HEI are kept as stored; the
  // partner's iia-id in partners[1] is taken as given (binding or unbinding). Returns the new
  // version.
  Result<int> revise(db::Connection& connection, const std::string& hei_id, const std::string& iia_id, int expected_version,
                     Iia content, const Editor& editor, const std::string& reason) const;

  // A draft becomes visible to the partner over EWP.
  Status share(db::Connection& connection, const std::string& hei_id, const std::string& iia_id, const Editor& editor) const;

  // Marks the cooperation conditions terminated as a whole (a new version).
  Result<int> terminate(db::Connection& connection, const std::string& hei_id, const std::string& iia_id, int expected_version,
                        const Editor& editor, const std::string& reason) const;

  // Withdraws an agreement that both partners never approved; refused (kConflict) otherwise.
  Status remove(db::Connection& connection, const std::string& hei_id, const std::string& iia_id, const Editor& editor,
                const std::string& reason) const;

  // Approves the partner's current copy bound to ours (IIAs Approval: the hash we approve) and
  // remembers a mutual approval when the partner approved our current copy too. Refused
  // (kConflict, naming the reasons of copy_comparison.hpp's approval_blocks) when it cannot be approved.
  Status approve_partner_copy(db::Connection& connection, const std::string& hei_id, const std::string& iia_id,
                              const Editor& editor) const;

 private:
  IiaHasher hasher_;
};

// A new agreement id: a random UUID (version 4) in lower case.
std::string new_iia_id();

}  // namespace mobility::agreements
