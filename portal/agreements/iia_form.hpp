// The draft form of an agreement as text fields, and the agreement content made from them.
//
// Each cooperation condition is one row of fields named spec<row>_<field> ("spec0_first_year");
// spec_count says how many rows the form had. A row left empty is ignored, a row marked
// "remove" is dropped. Fields the form does not show (contacts, partner ids, the sides'
// units) are kept from the stored content, so editing never loses them.
//
// Problems name the form field they belong to: text that is not clean UTF-8, too long or holds
// markup, numbers that do not parse, and check_iia's problems mapped from their field paths.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agreements/iia.hpp"
#include "agreements/iia_rules.hpp"
#include "http/message.hpp"

namespace mobility::agreements::pages {

struct SpecFields {
  std::string type;       // mobility_type_name, or "" in the empty row
  std::string direction;  // "outgoing" (we send) or "incoming"
  std::string first_year, last_year;
  std::string mobilities;  // per year
  std::string languages;   // "en B2, nb A2"
  std::string isced;       // one "0613 clarification" a line
  std::string eqf_levels;  // "6, 7"
  std::string months, days;
  std::string other_info;
  bool blended = false;
  bool remove = false;

  bool empty() const;
};

struct DraftFields {
  std::string partner_hei_id;
  std::string iia_code;
  std::string ounit_id;
  std::string reason;
  std::string version;  // the version the form was made from (edit only)
  std::vector<SpecFields> specs;
};

struct FieldProblem {
  std::string field;        // "spec0_last_year", "partner_hei_id", "specs" (the conditions as a whole)
  std::string message_key;  // of the page catalogues

  bool operator==(const FieldProblem&) const = default;
};

// Most condition rows a form may send.
inline constexpr size_t kMaxSpecRows = 20;

DraftFields fields_from_form(const http::HeaderList& form);
// The fields showing `content` (one row per condition); partner, code and unit come from the record.
std::vector<SpecFields> spec_fields_of(const Iia& content, const std::string& our_hei_id);

// The message key of what is wrong with the reason for a change, or "" when it may be stored.
std::string reason_problem(const std::string& reason);

// Text that cannot be stored whatever the agreement says: not clean UTF-8, too long, markup.
std::vector<FieldProblem> text_problems(const DraftFields& fields);

struct DraftContent {
  Iia content;
  std::vector<FieldProblem> problems;  // numbers that did not parse, and check_iia's
};

// The content of `fields` for our HEI, starting from `stored` (the current version, or a new
// agreement when nullopt) and checked with check_iia.
DraftContent content_from_fields(const DraftFields& fields, const std::string& our_hei_id,
                                 const std::optional<std::string>& our_ounit_id, const std::optional<Iia>& stored);

// The form field of a check_iia problem; `rows[i]` is the form row of mobility_specs[i].
std::string field_of_problem(const IiaProblem& problem, const std::vector<size_t>& rows);

}  // namespace mobility::agreements::pages
