// A learning agreement (LA) in the terms of EWP Outgoing Mobility Learning Agreements v1.2, free of
// XML: the component tables, the three signatures, and the versions the spec names.
//
// One LA per mobility, with many versions. The first version both sides signed is
// `first_version`; every later change is proposed as a `changes_proposal` that lists, against the
// first version, every change still in effect (changes are cumulative), and becomes
// `approved_changes` once the receiving HEI approves it. Rules: la_rules.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mobilities/mobility.hpp"

namespace mobility::mobilities {

// The tables of the learning agreement (Table A, B and C of the paper form, and the short-term ones).
enum class ComponentTable { kStudied, kRecognized, kVirtual, kBlended, kDoctoral };
inline constexpr ComponentTable kComponentTables[] = {ComponentTable::kStudied, ComponentTable::kRecognized,
                                                      ComponentTable::kVirtual, ComponentTable::kBlended,
                                                      ComponentTable::kDoctoral};

// The spec's element names: "components-studied", "components-recognized", "virtual-components",
// "blended-mobility-components", "short-term-doctoral-components".
const char* component_table_name(ComponentTable table);

struct Credit {
  std::string scheme = "ects";
  std::string value;  // decimal text as entered: "7.5"

  bool operator==(const Credit&) const = default;
};

// A component's term of the receiving academic year (the spec's term-id): term 1 of 2 is the autumn
// term, 2 of 2 the spring term, 1 of 1 the whole year.
struct TermId {
  int term_number = 1;  // 1 of 2: autumn
  int total_terms = 2;

  bool operator==(const TermId&) const = default;
};

// true when 1 <= term_number <= total_terms <= 9: the terms la_rules.hpp accepts in a component.
bool is_term_id(const TermId& term);

// "1/2": the term as the portal's forms write it.
std::string term_id_text(const TermId& term);

// The term `text` writes ("1/2"), or nullopt when it is not a digit, '/' and a digit, or not
// is_term_id ("3/2", "0/2").
std::optional<TermId> term_id_from_text(std::string_view text);

// How a component of a changes proposal differs from the first version.
enum class ChangeStatus { kUnchanged, kInserted, kDeleted };

// One course or other educational component.
struct Component {
  std::optional<std::string> los_id;    // the host's Courses API id
  std::optional<std::string> los_code;  // for display: "INF1000"
  std::string title;
  std::optional<std::string> loi_id;
  std::optional<TermId> term;
  std::vector<Credit> credits;
  std::optional<std::string> recognition_conditions;  // never in the studied table
  std::optional<std::string> short_description;       // virtual and blended components
  ChangeStatus change = ChangeStatus::kUnchanged;
  // For a change: one of the spec's codes (delete: not-available, language-mismatch,
  // timetable-conflict; insert: substituting-deleted, extending-mobility,
  // adding-virtual-component) and/or a free text.
  std::optional<std::string> reason_code;
  std::optional<std::string> reason_text;

  bool operator==(const Component&) const = default;
};

struct ComponentList {
  ComponentTable table = ComponentTable::kStudied;
  std::vector<Component> components;

  bool operator==(const ComponentList&) const = default;
};

// A signature: who approved a version, when, and in which application. The student's carries no
// name, position or e-mail (the student is known); the HEIs' must.
struct Signature {
  std::optional<std::string> signer_name;
  std::optional<std::string> signer_position;
  std::optional<std::string> signer_email;
  std::string timestamp;  // xs:dateTime: "2026-03-01T10:00:00Z"
  std::optional<std::string> signer_app;

  bool operator==(const Signature&) const = default;
};

// The student's personal data that changed since the receiving HEI last approved (only inside a
// changes proposal).
struct StudentChanges {
  std::optional<std::string> given_names;
  std::optional<std::string> family_name;
  std::optional<std::string> global_id;
  std::optional<std::string> birth_date;
  std::optional<std::string> citizenship;
  std::optional<int> gender;
  std::optional<std::string> email;

  bool operator==(const StudentChanges&) const = default;
};

// One version: the tables in the spec's order (absent tables left out), and its signatures.
struct LaVersion {
  std::vector<ComponentList> tables;
  std::optional<StudentChanges> student_changes;  // changes proposals only
  std::optional<Signature> student_signature;
  std::optional<Signature> sending_signature;
  std::optional<Signature> receiving_signature;

  // The components of `table`, or nullptr when the version has no such table.
  const std::vector<Component>* components(ComponentTable table) const;
  std::vector<Component>& components_of(ComponentTable table);  // adds the table when absent

  bool operator==(const LaVersion&) const = default;
};

// The learning agreement as the sending HEI serves it: the mobility's fields it repeats, and its
// versions.
struct LearningAgreement {
  Mobility mobility;  // omobility_id, student, both parties, dates, levels, language skill
  std::optional<LaVersion> first_version;
  std::optional<LaVersion> approved_changes;
  std::optional<LaVersion> changes_proposal;  // when present, awaiting the receiving HEI
  std::optional<std::string> changes_proposal_id;

  bool operator==(const LearningAgreement&) const = default;
};

}  // namespace mobility::mobilities
