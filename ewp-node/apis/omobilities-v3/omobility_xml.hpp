// Outgoing Mobilities v3.0.0 documents to and from the mobility domain (mobilities/mobility.hpp):
// get, index and update (the receiving HEI's decision on a nomination).
//
// Writers take mobilities that passed check_mobility and write them in the schema's order.
// Readers take a partner's answer (get, index: already checked against the XSD by the EwpClient)
// or a partner's request (update: checked by no one before), keep the strings as sent (only the
// blanks around them removed; the domain's rules check the values) and fail with invalid_argument
// naming the element.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "mobilities/mobility.hpp"

namespace mobility::ewp {

// ---- get ----

// <omobilities-get-response> with one <student-mobility> per mobility, in order; the nomination's
// proposal-id is nomination_proposal_id(m.nomination), the student's nationality its citizenship,
// and a nomination without a sending term has a <non-standard-mobility-period/>.
std::string omobilities_get_response_xml(const std::vector<mobilities::Mobility>& mobilities);

// One mobility of a partner's get response, with the proposal-id the partner computed (we answer
// its update endpoint with that id, never with ours).
struct PartnerMobility {
  mobilities::Mobility mobility;
  std::string proposal_id;

  bool operator==(const PartnerMobility&) const = default;
};

// Every <student-mobility> of a partner's get response. Of the student's given-names and
// family-name, the one without xml:lang is kept (else the first). Fields the response does not
// carry (dates, contacts, the decision comment) stay empty.
// invalid_argument: not XML or not this response; a <student-mobility> without a required element,
// with a malformed number, or with a status, activity-type or activity-attributes outside the
// schema's words ("<student-mobility> 'id': <status> 'live' is not pending, approved, rejected or
// cancelled").
Result<std::vector<PartnerMobility>> read_omobilities_get_response(std::string_view xml);

// ---- index ----

std::string omobilities_index_response_xml(const std::vector<std::string>& omobility_ids);
// The ids of a partner's index response, in order; invalid_argument when it is not one.
Result<std::vector<std::string>> read_omobilities_index_response(std::string_view xml);

// ---- update ----

// The receiving HEI's decision on the nomination whose content has `proposal_id`.
struct OMobilityUpdateRequest {
  enum class Type { kApprove, kReject };

  Type type = Type::kApprove;
  std::string omobility_id;
  std::string proposal_id;
  std::optional<std::string> comment;  // required for a rejection

  bool operator==(const OMobilityUpdateRequest&) const = default;
};

// A partner's <omobilities-update-request> (approve-proposal-v1 or reject-proposal-v1).
// invalid_argument with a message for the partner's developers (request_reader.hpp): not XML; not
// this root; no update element, an unknown one, or both; no <omobility-id> or <proposal-id>; a
// reject-proposal-v1 without <comment>. Other elements are ignored.
Result<OMobilityUpdateRequest> read_omobility_update_request(std::string_view xml);

// The request our client sends.
std::string omobility_update_request_xml(const OMobilityUpdateRequest& request);

// <omobilities-update-response> with one ewp:success-user-message per message.
std::string omobilities_update_response_xml(const std::vector<std::string>& success_messages);

}  // namespace mobility::ewp
