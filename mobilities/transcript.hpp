// A Transcript of Records as EMREX ELMO carries it (ELMO 1.x for IMobility ToRs v2, ELMO 2.1.1
// for v3) and the ToR get response wraps it: plain values, no XML. Field names follow the ELMO
// elements (learner, report, issuer, learningOpportunitySpecification = LOS,
// learningOpportunityInstance = LOI, resultDistribution, gradingScheme, attachment) and the EWP
// identifier types (esi, schac, ewp-los-id, ewp-loi-id).
//
// What both ELMO versions carry and a ToR needs is kept; ELMO parts no ToR use needs (diploma
// supplements, groups, extensions, shortened grading, levels, signatures, ELMO 2's recognition
// results) are not, so reading then writing drops them. Dates stay as the XML sent them
// (xs:date "2026-12-18", xs:dateTime "2026-12-18T12:00:00+01:00"); decimals (credits, hours,
// percentages) stay as their decimal text, so nothing is rounded. Checks live in
// transcript_rules.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mobility::mobilities {

// <identifier type="…">value</identifier>: "esi", "schac", "ewp-los-id", "ewp-loi-id", …
struct TypedIdentifier {
  std::string type;
  std::string value;

  bool operator==(const TypedIdentifier&) const = default;
};

// A text with an optional xml:lang ("" when the text has none).
struct LangText {
  std::string lang;
  std::string text;

  bool operator==(const LangText&) const = default;
};

// The student: one per ELMO document.
struct Learner {
  std::optional<std::string> citizenship;    // ISO 3166-1 alpha-2, "NO"
  std::vector<TypedIdentifier> identifiers;  // the ToR specification requires one of type "esi"
  std::string given_names;
  std::string family_name;
  std::optional<std::string> birth_date;  // ELMO 1 <bday>, ELMO 2 <dateOfBirth>
  std::optional<std::string> place_of_birth;
  std::optional<std::string> birth_name;
  std::optional<int> gender;  // ISO/IEC 5218: 0, 1, 2, 9

  bool operator==(const Learner&) const = default;
};

struct Issuer {
  std::optional<std::string> country;        // ISO 3166-1 alpha-2
  std::vector<TypedIdentifier> identifiers;  // "schac" holds the EWP HEI id
  std::vector<LangText> titles;
  std::string url;

  bool operator==(const Issuer&) const = default;
};

struct AcademicTerm {
  std::vector<LangText> titles;
  std::string start;  // xs:date
  std::string end;

  bool operator==(const AcademicTerm&) const = default;
};

// One grade and how many students got it ("C", 135).
struct ResultCategory {
  std::string label;
  std::uint64_t count = 0;

  bool operator==(const ResultCategory&) const = default;
};

struct ResultDistribution {
  std::vector<ResultCategory> categories;
  std::vector<LangText> descriptions;

  bool operator==(const ResultDistribution&) const = default;
};

struct Credit {
  std::string scheme;                // "ects"
  std::optional<std::string> value;  // decimal text, "7.5"

  bool operator==(const Credit&) const = default;
};

// What the student did in one occurrence of a course: dates, term, result.
struct LearningOpportunityInstance {
  std::vector<TypedIdentifier> identifiers;  // "ewp-loi-id"
  std::optional<std::string> start;          // xs:date
  std::optional<std::string> date;           // xs:date the result was given (the end)
  std::optional<AcademicTerm> academic_term;
  std::optional<std::string> status;  // "passed", "failed", "in-progress"
  std::optional<std::string> grading_scheme_local_id;
  std::optional<std::string> result_label;  // the grade, "C"
  std::optional<ResultDistribution> result_distribution;
  std::vector<Credit> credits;
  std::optional<std::string> language_of_instruction;
  std::optional<std::string> engagement_hours;  // decimal text

  bool operator==(const LearningOpportunityInstance&) const = default;
};

// A course, module or programme; parts nest (<hasPart>).
struct LearningOpportunitySpecification {
  std::vector<TypedIdentifier> identifiers;  // "ewp-los-id", "local", …
  std::vector<LangText> titles;
  std::optional<std::string> type;  // "Degree Programme", "Module", "Course", "Class"
  std::optional<std::string> subject_area;
  std::optional<std::string> isced_code;
  std::optional<std::string> url;
  std::vector<LangText> descriptions;
  LearningOpportunityInstance instance;
  std::vector<LearningOpportunitySpecification> has_parts;

  bool operator==(const LearningOpportunitySpecification&) const = default;
};

struct GradingScheme {
  std::string local_id;
  std::vector<LangText> descriptions;

  bool operator==(const GradingScheme&) const = default;
};

// One <content>: a data: URI split into its media type and base64 payload
// ("data:application/pdf;base64,JVBERi0…" → "application/pdf", "JVBERi0…"), kept undecoded.
struct AttachmentContent {
  std::string lang;
  std::string media_type;
  std::string base64;

  bool operator==(const AttachmentContent&) const = default;
};

struct Attachment {
  std::vector<TypedIdentifier> identifiers;
  std::vector<LangText> titles;
  std::optional<std::string> type;  // "Transcript of Records" for the ToR's PDF
  std::vector<LangText> descriptions;
  std::vector<AttachmentContent> contents;

  bool operator==(const Attachment&) const = default;
};

// What one institution reports.
struct Report {
  Issuer issuer;
  std::vector<LearningOpportunitySpecification> learning_opportunities;
  std::string issue_date;  // xs:dateTime
  std::vector<GradingScheme> grading_schemes;
  std::vector<Attachment> attachments;

  bool operator==(const Report&) const = default;
};

// One ELMO document.
struct Transcript {
  std::string generated_date;  // xs:dateTime
  Learner learner;
  std::vector<Report> reports;  // at least one in valid ELMO
  std::vector<Attachment> attachments;

  bool operator==(const Transcript&) const = default;
};

// Egracons grade conversion: the share of each grade for one ISCED-F code.
struct GradeFrequency {
  std::string label;
  std::string percentage;  // decimal text, "36.3"

  bool operator==(const GradeFrequency&) const = default;
};

struct IscedTable {
  std::string isced_code;
  std::vector<GradeFrequency> frequencies;

  bool operator==(const IscedTable&) const = default;
};

// One <tor> of an IMobility ToRs get response.
struct TranscriptOfRecords {
  std::string omobility_id;
  std::optional<std::string> receiving_academic_year_id;  // ToRs v3 only (required there)
  Transcript elmo;
  std::vector<IscedTable> grade_conversion;  // empty: no <gradeConversionTable>

  bool operator==(const TranscriptOfRecords&) const = default;
};

// The values of the identifiers of `type`, in order.
std::vector<std::string> identifiers_of(const std::vector<TypedIdentifier>& identifiers, const std::string& type);

// "data:<media type>;base64,<payload>" for a content.
std::string data_uri(const AttachmentContent& content);
// The content a data: URI with a base64 payload holds; nullopt for any other text.
std::optional<AttachmentContent> parse_data_uri(const std::string& lang, const std::string& uri);

}  // namespace mobility::mobilities
