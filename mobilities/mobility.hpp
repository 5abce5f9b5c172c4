// An outgoing student mobility for studies and its nomination, in the terms of EWP OMobilities v3
// but free of XML: the student, the nomination the receiving HEI decides on, its status, and the
// dates that the mobility's two sides keep.
//
// The sending HEI owns the mobility (it creates it and changes its content); the receiving HEI
// only decides on the nomination and records the actual dates. Rules: mobility_rules.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mobility::mobilities {

// The nominee. ESI (European Student Identifier) global_id is obligatory in EWP.
struct Student {
  std::string given_names;
  std::string family_name;
  std::string global_id;    // "urn:schac:personalUniqueCode:int:esi:uio.no:12345"
  std::string birth_date;   // YYYY-MM-DD
  std::string citizenship;  // ISO 3166-1 alpha-2: "NO" (OMobilities v3 calls it nationality)
  int gender = 9;           // ISO/IEC 5218: 0 unknown, 1 male, 2 female, 9 not applicable
  std::string email;

  bool operator==(const Student&) const = default;
};

// A person the partner can write to about the mobility (LAs' contact-person).
struct ContactPerson {
  std::string given_names;
  std::string family_name;
  std::string email;

  bool operator==(const ContactPerson&) const = default;
};

// One side of the mobility.
struct MobilityParty {
  std::string hei_id;
  std::optional<std::string> ounit_id;    // that HEI's own organizational-unit id
  std::optional<std::string> ounit_name;  // required for the sending side in learning agreements
  std::optional<std::string> iia_id;      // that HEI's id of the IIA the mobility uses
  std::optional<ContactPerson> contact;   // its coordinator for this mobility

  bool operator==(const MobilityParty&) const = default;
};

enum class ActivityAttributes { kLongTerm, kShortTermBlended, kShortTermDoctoral };

// The spec's words: "long-term", "short-term-blended", "short-term-doctoral".
const char* activity_attributes_name(ActivityAttributes attributes);
std::optional<ActivityAttributes> activity_attributes_from_name(std::string_view name);

struct LanguageSkill {
  std::string language;    // BCP 47: "en"
  std::string cefr_level;  // "B2"

  bool operator==(const LanguageSkill&) const = default;
};

// What the sending HEI proposes and the receiving HEI decides on. Its proposal id
// (nomination_proposal_id in mobility_rules.hpp) changes exactly when this content changes.
struct Nomination {
  MobilityParty sending;
  MobilityParty receiving;
  // "2026/2027-1/2" (first of two terms) as the sending HEI counts terms; nullopt for a
  // non-standard mobility period.
  std::optional<std::string> sending_academic_term_id;
  std::string receiving_academic_year_id;  // "2026/2027", in the receiving HEI's convention
  ActivityAttributes activity_attributes = ActivityAttributes::kLongTerm;
  std::string agreement_isced_f_code;  // of the IIA's cooperation condition used: "0613"
  int eqf_level_at_departure = 6;      // 1..8
  std::string nominee_isced_f_code;    // the student's own field: "0613"
  std::optional<std::string> comment;  // for the partner's staff only, never for students

  bool operator==(const Nomination&) const = default;
};

enum class NominationStatus { kPending, kApproved, kRejected, kCancelled };

// The spec's words: "pending", "approved", "rejected", "cancelled".
const char* nomination_status_name(NominationStatus status);
std::optional<NominationStatus> nomination_status_from_name(std::string_view name);

// The whole mobility as its sending HEI keeps it.
struct Mobility {
  std::string omobility_id;
  Student student;
  Nomination nomination;
  NominationStatus status = NominationStatus::kPending;
  std::optional<std::string> decision_comment;      // the receiving HEI's reason for a rejection
  std::optional<std::string> planned_arrival_date;  // YYYY-MM-DD (or YYYY-MM): the LA's start
  std::optional<std::string> planned_departure_date;
  std::optional<std::string> actual_arrival_date;  // as the receiving HEI recorded them
  std::optional<std::string> actual_departure_date;
  std::optional<LanguageSkill> language_skill;  // the one the LA names
  std::optional<std::string> isced_clarification;
  std::optional<std::string> learning_outcomes_url;
  std::optional<std::string> provisions_url;

  bool operator==(const Mobility&) const = default;
};

}  // namespace mobility::mobilities
