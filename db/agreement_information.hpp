// Agreement-information repository: per partner destination of a hosted HEI, every version of the
// information students read, with its review state (db/migrations/0009_agreement_information.sql).
// Content travels as the JSON text of agreements/agreement_information.hpp; the workflow's rules
// are agreements/information_review.hpp. Writers run inside the caller's Transaction, after
// lock_information_destination(), together with their audit event.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct InformationVersionRecord {
  std::string hei_id;
  std::string partner_hei_id;
  int version_number = 0;
  std::string state;  // draft, in_review, published, superseded
  std::string content_json;
  std::string saved_at;  // ISO 8601 UTC
  std::optional<int64_t> saved_by_account_id;
  std::string saved_by;
  std::string reason;
  std::optional<std::string> submitted_at;
  std::optional<int64_t> submitted_by_account_id;
  std::optional<std::string> submitted_by;
  std::optional<std::string> reviewed_at;
  std::optional<std::string> reviewed_by;
  std::optional<std::string> review_comment;  // why the reviewer returned it
  std::optional<std::string> published_at;
};

// A destination as the workflow sees it, locked for the rest of the transaction.
struct LockedDestination {
  std::optional<std::string> iia_id;
  int newest_version = 0;                        // 0: no version yet
  std::optional<InformationVersionRecord> open;  // the draft or in-review version
  std::optional<int> published_version;
};

// Locks (hei_id, partner_hei_id) FOR UPDATE; nullopt when it has no information yet.
Result<std::optional<LockedDestination>> lock_information_destination(Connection& connection, const std::string& hei_id,
                                                                      const std::string& partner_hei_id);

// Creates the destination, or ties it to `iia_id` (nullopt: to none). kInvalidArgument when the
// HEI is not hosted here, the partner is unknown or the IIA is not ours with that partner.
Status put_information_destination(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                   const std::optional<std::string>& iia_id);

struct NewInformationVersion {
  std::string hei_id;
  std::string partner_hei_id;
  int version_number = 0;
  std::string content_json;
  std::optional<int64_t> saved_by_account_id;
  std::string saved_by;
  std::string reason;
};

// Stores a draft version. kInvalidArgument for content or a reason the database refuses.
Status insert_information_draft(Connection& connection, const NewInformationVersion& version);

struct ReviewMark {
  std::optional<int64_t> account_id;
  std::string by;  // email at the time
  std::optional<std::string> comment;
};

// The state changes of one version (hei_id, partner_hei_id, version_number); each refuses
// (kConflict) a version that is not in the state the step starts from.
Status supersede_information_version(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                     int version_number);
Status mark_information_submitted(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                  int version_number, const ReviewMark& mark);
// Also supersedes the version published before.
Status mark_information_published(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                  int version_number, const ReviewMark& mark);
Status mark_information_returned(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                 int version_number, const ReviewMark& mark);

Result<std::optional<InformationVersionRecord>> find_information_version(Connection& connection, const std::string& hei_id,
                                                                         const std::string& partner_hei_id, int version_number);
// The published version, if any.
Result<std::optional<InformationVersionRecord>> published_information(Connection& connection, const std::string& hei_id,
                                                                      const std::string& partner_hei_id);
// Every version, newest first.
Result<std::vector<InformationVersionRecord>> list_information_versions(Connection& connection, const std::string& hei_id,
                                                                        const std::string& partner_hei_id);

// A partner HEI in the lists of the pages, named in the reader's language.
struct DestinationSummary {
  std::string partner_hei_id;
  std::string name;                 // the hei_id when the partner has no name
  std::optional<std::string> city;  // of the partner's record, for staff lists
  std::optional<std::string> country_code;
  std::optional<std::string> iia_id;
  std::optional<std::string> open_state;  // draft or in_review
  std::optional<int> published_version;
};

// Every partner of `hei_id` (db/partner_health.hpp says which) with its information state, by name.
Result<std::vector<DestinationSummary>> list_information_destinations(Connection& connection, const std::string& hei_id,
                                                                      const std::string& language);

// The in-review versions of `hei_id`, oldest submission first.
Result<std::vector<InformationVersionRecord>> list_information_in_review(Connection& connection, const std::string& hei_id);

// What a student searches destinations by; an empty text matches everything. Case-insensitive.
struct DestinationFilter {
  std::string country_code;  // "FR"
  std::string city;          // part of the city's name
  std::string subject;       // part of a study place's subject area, or an ISCED-F code prefix
  std::string language;      // a language the destination teaches in: "fr"
  std::string level;         // bachelor, master or doctoral: a study place at that level
  std::string semester;      // autumn or spring: the destination takes our students then
};

struct PublishedDestination {
  std::string partner_hei_id;
  std::string name;
  std::string content_json;  // of the published version
};

// The partners of `hei_id` with published information that the filter matches, by name.
Result<std::vector<PublishedDestination>> list_published_destinations(Connection& connection, const std::string& hei_id,
                                                                      const DestinationFilter& filter,
                                                                      const std::string& language);

}  // namespace mobility::db
