#include "agreements/partner_copies.hpp"

#include "agreements/iia_json.hpp"
#include "db/audit_events.hpp"
#include "db/iia_approvals.hpp"
#include "db/iias.hpp"
#include "db/institutions.hpp"
#include "db/notifications.hpp"
#include "db/transaction.hpp"

namespace mobility::agreements {
namespace {

const Editor kPartner{std::nullopt, "partner", std::nullopt};

// Our copy a partner's copy names, when it names one of a hosted HEI's copies with that partner.
Result<std::optional<db::IiaRecord>> named_copy(db::Connection& connection, const std::string& partner_hei_id,
                                                const Iia& theirs) {
  if (theirs.partners.size() != 2 || !theirs.partners[1].iia_id) return std::optional<db::IiaRecord>();
  auto ours = db::find_iia(connection, theirs.partners[1].hei_id, *theirs.partners[1].iia_id);
  if (!ours) return ours.status();
  if (!*ours || (*ours)->partner_hei_id != partner_hei_id || (*ours)->state == "deleted") return std::optional<db::IiaRecord>();
  return ours;
}

}  // namespace

Status PartnerCopies::bind_or_unbind(db::Connection& connection, const std::string& hei_id, const std::string& iia_id,
                                     const std::optional<std::string>& partner_iia_id,
                                     const std::optional<std::string>& partner_iia_code, const Editor& editor) const {
  auto record = db::find_iia(connection, hei_id, iia_id);
  if (!record) return record.status();
  if (!*record) return Status::ok();
  auto content = iia_from_json_text((*record)->content_json);
  if (!content) return content.status();
  IiaPartner& partner = content->partners[1];
  if (partner.iia_id == partner_iia_id && partner.iia_code == partner_iia_code) return Status::ok();
  partner.iia_id = partner_iia_id;
  partner.iia_code = partner_iia_code;
  std::string reason = partner_iia_id ? "bound to the partner's copy " + *partner_iia_id : "the partner deleted its copy";
  auto version = book_.revise(connection, hei_id, iia_id, (*record)->current_version, std::move(*content), editor, reason);
  return version.status();
}

Status PartnerCopies::receive_copy(db::Connection& connection, const std::string& partner_hei_id,
                                   const std::string& partner_iia_id, const std::optional<FetchedCopy>& copy) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  if (!copy) {
    auto holders = db::holders_of_partner_copy(connection, partner_hei_id, partner_iia_id);
    if (!holders) return holders.status();
    for (const std::string& hei_id : *holders) {
      if (Status gone = db::mark_partner_copy_gone(connection, hei_id, partner_hei_id, partner_iia_id); !gone) return gone;
      auto withdrawn = db::withdraw_approval_given(connection, hei_id, partner_hei_id, partner_iia_id);
      if (!withdrawn) return withdrawn.status();
      if (*withdrawn) {
        Status notified = db::enqueue_outgoing_cnr(connection, "iia-approval-cnr", hei_id, partner_hei_id, partner_iia_id);
        if (!notified) return notified;
      }
      auto bound = db::iias_bound_to(connection, hei_id, partner_hei_id, partner_iia_id);
      if (!bound) return bound.status();
      for (const std::string& iia_id : *bound) {
        if (Status unbound = bind_or_unbind(connection, hei_id, iia_id, std::nullopt, std::nullopt, kPartner); !unbound)
          return unbound;
      }
    }
    return tx->commit();
  }
  if (copy->content.partners.size() != 2) return Status::invalid_argument("the partner's copy does not have two partners");
  if (copy->content.partners[0].hei_id != partner_hei_id) {
    return Status::invalid_argument("the copy " + partner_iia_id + " names " + copy->content.partners[0].hei_id +
                                    " as its owner, not " + partner_hei_id + " who serves it");
  }
  auto hosted = db::is_hosted_hei(connection, copy->content.partners[1].hei_id);
  if (!hosted) return hosted.status();
  if (!*hosted) {
    return Status::invalid_argument("the copy " + partner_iia_id + " is with " + copy->content.partners[1].hei_id +
                                    ", which this node does not host");
  }
  auto ours = named_copy(connection, partner_hei_id, copy->content);
  if (!ours) return ours.status();
  // A copy that names none of ours is kept under the hosted HEI it names, for a person to bind.
  const std::string& hei_id = copy->content.partners[1].hei_id;
  auto saved = db::save_partner_copy(
      connection, {hei_id, partner_hei_id, partner_iia_id, copy->content.partners[1].iia_id, iia_to_json(copy->content).dump(),
                   copy->iia_hash, copy->hash_verified, copy->valid_for_approval});
  if (!saved) return saved.status();
  if (*ours) {
    const std::optional<std::string>& their_code = copy->content.partners[0].iia_code;
    if (Status bound = bind_or_unbind(connection, hei_id, (*ours)->iia_id, partner_iia_id, their_code, kPartner); !bound)
      return bound;
    if (auto noted = db::record_mutual_approval(connection, hei_id, (*ours)->iia_id); !noted) return noted.status();
  }
  return tx->commit();
}

Status PartnerCopies::receive_approval(db::Connection& connection, const std::string& partner_hei_id, const std::string& iia_id,
                                       const std::optional<std::string>& approved_hash) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto hei_id = db::hosted_hei_of_iia(connection, iia_id, partner_hei_id);
  if (!hei_id) return hei_id.status();
  if (!*hei_id) return tx->commit();  // not ours, or not with this partner: nothing to learn
  if (Status saved = db::save_partner_approval(connection, **hei_id, iia_id, approved_hash); !saved) return saved;
  if (auto noted = db::record_mutual_approval(connection, **hei_id, iia_id); !noted) return noted.status();
  return tx->commit();
}

Result<std::string> PartnerCopies::create_own_copy(db::Connection& connection, const std::string& hei_id,
                                                   const std::string& partner_hei_id, const std::string& partner_iia_id,
                                                   const std::string& iia_code, const Editor& editor) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto versions = db::find_partner_copy(connection, hei_id, partner_hei_id, partner_iia_id);
  if (!versions) return versions.status();
  if (!*versions) return Status::not_found("no copy " + partner_iia_id + " of " + partner_hei_id + " has been fetched");
  auto theirs = iia_from_json_text((*versions)->content_json);
  if (!theirs) return theirs.status();
  auto existing = db::iias_bound_to(connection, hei_id, partner_hei_id, partner_iia_id);
  if (!existing) return existing.status();
  if (!existing->empty()) {
    return Status::conflict("our agreement " + existing->front() + " is already bound to the partner's copy " + partner_iia_id);
  }
  Iia ours = *theirs;
  std::swap(ours.partners[0], ours.partners[1]);
  ours.partners[1].iia_id = partner_iia_id;
  auto iia_id = book_.create_draft(connection, {hei_id, iia_code, std::nullopt, std::nullopt, ours}, editor,
                                   "our copy of the partner's agreement " + partner_iia_id);
  if (!iia_id) return iia_id.status();
  if (Status shared = book_.share(connection, hei_id, *iia_id, editor); !shared) return shared;
  if (Status committed = tx->commit(); !committed) return committed;
  return *iia_id;
}

Status PartnerCopies::bind_own_copy(db::Connection& connection, const std::string& hei_id, const std::string& iia_id,
                                    const std::string& partner_hei_id, const std::string& partner_iia_id,
                                    const Editor& editor) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto theirs = db::find_partner_copy(connection, hei_id, partner_hei_id, partner_iia_id);
  if (!theirs) return theirs.status();
  if (!*theirs) return Status::not_found("no copy " + partner_iia_id + " of " + partner_hei_id + " has been fetched");
  auto content = iia_from_json_text((*theirs)->content_json);
  if (!content) return content.status();
  auto ours = db::find_iia(connection, hei_id, iia_id);
  if (!ours) return ours.status();
  if (!*ours || (*ours)->partner_hei_id != partner_hei_id || (*ours)->state == "deleted") {
    return Status::not_found("we have no agreement " + iia_id + " with " + partner_hei_id);
  }
  if ((*ours)->partner_iia_id) return Status::conflict("our agreement " + iia_id + " is bound to " + *(*ours)->partner_iia_id);
  auto bound = db::iias_bound_to(connection, hei_id, partner_hei_id, partner_iia_id);
  if (!bound) return bound.status();
  if (!bound->empty()) return Status::conflict("our agreement " + bound->front() + " is bound to " + partner_iia_id + " already");
  const std::optional<std::string>& their_code = content->partners[0].iia_code;
  if (Status bound_now = bind_or_unbind(connection, hei_id, iia_id, partner_iia_id, their_code, editor); !bound_now)
    return bound_now;
  if (auto noted = db::record_mutual_approval(connection, hei_id, iia_id); !noted) return noted.status();
  return tx->commit();
}

}  // namespace mobility::agreements
