// Outgoing Mobility Learning Agreements v1.2.0 documents to and from the mobility domain
// (mobilities/learning_agreement.hpp): get, index, update and stats.
//
// Writers take values that passed the domain's rules and write them in the schema's order; what
// the schema requires and a value lacks is named by missing_la_elements (a document written
// without it would not validate). Readers take a partner's document (get, index: already checked
// against the XSD by the EwpClient) or a partner's request (update: not checked by anyone before),
// keep every string as sent (only the blanks around it removed; no value is checked: the domain's
// rules do that) and fail with invalid_argument naming the element.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "mobilities/learning_agreement.hpp"

namespace mobility::ewp {

// ---- get ----

// <omobility-las-get-response> with one <la> per agreement, in order. Where the LA's fields come
// from: student = la.mobility.student; sending-hei and receiving-hei = the nomination's parties
// (contact-person from their contact); start and end = planned arrival and departure (YYYY-MM-DD
// as start-date, YYYY-MM as start-year-month); isced-f-code = the nominee's; the changes
// proposal's id = la.changes_proposal_id, or changes_proposal_id(proposal) when unset.
std::string las_get_response_xml(const std::vector<mobilities::LearningAgreement>& las);

// The elements the get response requires that `la` cannot fill ("sending-hei/contact-person",
// "start-date", "student-language-skill", "first-version/student-signature", ...); empty when
// las_get_response_xml can write it validly.
std::vector<std::string> missing_la_elements(const mobilities::LearningAgreement& la);

// Every <la> of a partner's get response. The mobility's kind (activity_attributes) is inferred
// from the tables (a blended table: short-term blended; a doctoral one: short-term doctoral;
// otherwise long-term), as the LA carries no such field; what the LA does not carry stays empty
// (sending term, agreement ISCED code, IIA ids). A student element without <gender> reads as 0
// (not known). An unknown reason-code reads as none, as the spec says.
// invalid_argument: not XML or not this response ("the OMobility LAs v1 answer is not a ..."), or
// an <la> without a required element or with a malformed number ("<la> 'id': no <start-date> or
// <start-year-month>", "... <eqf-level-studied-at-departure> 'x' is not a number").
Result<std::vector<mobilities::LearningAgreement>> read_las_get_response(std::string_view xml);

// ---- index ----

std::string las_index_response_xml(const std::vector<std::string>& omobility_ids);
// The ids of a partner's index response, in order; invalid_argument when it is not one.
Result<std::vector<std::string>> read_las_index_response(std::string_view xml);

// ---- update ----

// One update request: the receiving HEI approves the current changes proposal (signing it), or
// comments on it (rejecting it).
struct LaUpdateRequest {
  enum class Type { kApprove, kComment };

  std::string sending_hei_id;
  Type type = Type::kApprove;
  std::string omobility_id;
  std::string changes_proposal_id;
  std::optional<std::string> comment;  // comment-proposal-v1 only
  mobilities::Signature signature;

  bool operator==(const LaUpdateRequest&) const = default;
};

// A partner's <omobility-las-update-request> (approve-proposal-v1 or comment-proposal-v1).
// invalid_argument with a message for the partner's developers (request_reader.hpp): not XML; not
// this root; no <sending-hei-id>; no update element, an unknown one, or both; no <omobility-id>,
// <changes-proposal-id>, <comment> (comment-proposal-v1) or <signature>; a signature without
// <timestamp> (whose children are in the get-response namespace). Other elements are ignored.
Result<LaUpdateRequest> read_la_update_request(std::string_view xml);

// The request our client sends.
std::string la_update_request_xml(const LaUpdateRequest& request);

// <omobility-las-update-response> with one ewp:success-user-message per message.
std::string la_update_response_xml(const std::vector<std::string>& success_messages);

// ---- stats ----

// One <academic-year-la-stats>: the sending HEI's counts for one receiving academic year.
struct LaStatsRow {
  std::string receiving_academic_year_id;
  std::int64_t total = 0;
  std::int64_t not_modified_after_approval = 0;
  std::int64_t modified_after_approval = 0;
  std::int64_t latest_version_approved = 0;
  std::int64_t latest_version_rejected = 0;
  std::int64_t latest_version_awaiting = 0;
};

// <las-outgoing-stats-response> with one <academic-year-la-stats> per row, in order.
std::string las_stats_response_xml(const std::vector<LaStatsRow>& rows);

}  // namespace mobility::ewp
