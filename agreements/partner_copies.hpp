// What a partner's answers mean for our agreements. After its IIA CNR (or a manual refresh) the
// node fetches the partner's copy and hands it here; after its IIA Approval CNR, its approval of
// ours. Each call is one transaction:
//   - a fetched copy is stored (a new version only when it changed); when it names one of our
//     copies (its second partner's iia-id) that is not yet bound to it, ours is bound: a new
//     version of ours that names the partner's id, and our IIA CNR;
//   - a copy the partner no longer returns is marked gone; ours is unbound (a new version and a
//     CNR) and our approval of it is withdrawn (an IIA Approval CNR);
//   - an approval of ours is stored with the hash the partner approved; when both sides' current
//     hashes are approved, the version is remembered as the last mutually approved one.
// And what staff do with a partner's copy: make our own copy of it (bound to it, shared at once),
// or bind one of our agreements to it (both sides drafted the same agreement); approving it is
// IiaBook::approve_partner_copy.
#pragma once

#include <optional>
#include <string>

#include "agreements/iia.hpp"
#include "agreements/iia_book.hpp"
#include "db/connection.hpp"

namespace mobility::agreements {

struct FetchedCopy {
  Iia content;           // as the partner serves it: partners[0] is the partner
  std::string iia_hash;  // the hash it published
  bool hash_verified = false;
  bool valid_for_approval = false;
};

class PartnerCopies {
 public:
  explicit PartnerCopies(const IiaBook& book) : book_(book) {}

  // `copy` is nullopt when the partner's get no longer returns `partner_iia_id`. A copy that is
  // not the notifier's own, or not with one of our hosted HEIs, is refused (kInvalidArgument)
  // and nothing is stored.
  Status receive_copy(db::Connection& connection, const std::string& partner_hei_id, const std::string& partner_iia_id,
                      const std::optional<FetchedCopy>& copy) const;

  // Our copy of the partner's agreement: the same cooperation conditions, the partners in our
  // order, bound to the partner's id; shared at once (so the partner hears of it). Returns our
  // iia_id. kConflict when we already have a copy bound to it.
  Result<std::string> create_own_copy(db::Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                      const std::string& partner_iia_id, const std::string& iia_code, const Editor& editor) const;

  // Binds our agreement `iia_id` to the partner's copy `partner_iia_id`: a new version of ours
  // that names the partner's id and code (with our IIA CNR when shared, so the partner can bind
  // its copy to ours). kNotFound when the partner's copy was never fetched or ours is not an
  // agreement with that partner; kConflict when either is bound already.
  Status bind_own_copy(db::Connection& connection, const std::string& hei_id, const std::string& iia_id,
                       const std::string& partner_hei_id, const std::string& partner_iia_id, const Editor& editor) const;

  // `approved_hash` is nullopt when the partner's approval answer no longer lists `iia_id`.
  Status receive_approval(db::Connection& connection, const std::string& partner_hei_id, const std::string& iia_id,
                          const std::optional<std::string>& approved_hash) const;

 private:
  // Our copy `iia_id` names the partner's copy as its partner entry does (id and code), or no
  // copy of the partner (both nullopt); a new version only when that changes.
  Status bind_or_unbind(db::Connection& connection, const std::string& hei_id, const std::string& iia_id,
                        const std::optional<std::string>& partner_iia_id, const std::optional<std::string>& partner_iia_code,
                        const Editor& editor) const;

  const IiaBook& book_;
};

}  // namespace mobility::agreements
