// Which agreements a visitor may handle, decided only by portal/accounts/authorization.hpp:
// an agreement's scope is its HEI and its unit with every unit above it (a unit coordinator
// reaches their unit and the units below it). Also the shared answers of the agreement pages:
// a logged 503 when a query fails, and the agreement a path names, found only for a visitor
// who may handle it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "agreements/iia_book.hpp"
#include "db/iias.hpp"
#include "db/ounits.hpp"
#include "portal/pages/page_support.hpp"
#include "portal/web/site.hpp"

namespace mobility::agreements::pages {

using portal::Action;
using portal::PageRequest;
using portal::Scope;

// The units of one HEI, to name them and to find the units above one.
class UnitTree {
 public:
  UnitTree() = default;
  explicit UnitTree(std::vector<db::OunitRecord> units) : units_(std::move(units)) {}

  // The unit and every unit above it (empty without a unit).
  std::vector<std::string> with_ancestors(const std::optional<std::string>& ounit_id) const;
  // The unit's name, else its id.
  std::string name_of(const std::string& ounit_id) const;
  const std::vector<db::OunitRecord>& units() const { return units_; }

 private:
  std::vector<db::OunitRecord> units_;
};

// One scope per coordinator or admin grant of the visitor (its HEI, and its unit if it has one):
// where the visitor handles agreements. Empty for everyone else.
std::vector<Scope> handling_scopes(const PageRequest& page);

// The HEIs of handling_scopes, each once.
std::vector<std::string> handling_heis(const PageRequest& page);

// The HEIs whose agreements the visitor handles as a whole (not only a unit's): where partners'
// proposals are answered.
std::vector<std::string> whole_heis(const PageRequest& page);

Scope agreement_scope(const std::string& hei_id, const std::optional<std::string>& ounit_id, const UnitTree& units);

// The visitor's language code ("nb", "en").
std::string language_of(const PageRequest& page);

// The 503 page, with the failure logged under the request id.
using portal::unavailable;

// The signed-in visitor as the editor of a change at `hei_id` (their strongest role there).
Editor editor_of(const PageRequest& page, const std::string& hei_id);

// A refused or failed change as a page: kConflict → 409 with `conflict_key` (the page's own
// explanation), kNotFound → 404, kInvalidArgument → 400 with `invalid_key`, anything else the
// logged 503. `render` shows the page again with the message key it is given.
using MessagePage = std::function<http::Response(int status, const std::string& message_key)>;
http::Response change_refused(const PageRequest& page, const Status& status, const std::string& conflict_key,
                              const std::string& invalid_key, const MessagePage& render);

struct FoundAgreement {
  db::IiaRecord record;
  UnitTree units;
  Scope scope;
};

// The agreement `iia_id` of one of the visitor's HEIs when the visitor may do `action` on it;
// otherwise the answer to give (login, 403, 404 or 503) in `refusal`.
struct AgreementLookup {
  std::optional<FoundAgreement> found;
  std::optional<http::Response> refusal;
};
AgreementLookup find_agreement(const PageRequest& page, const std::string& iia_id, Action action = Action::kHandleAgreements);

}  // namespace mobility::agreements::pages
