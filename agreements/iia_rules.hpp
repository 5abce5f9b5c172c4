// What makes an IIA's content acceptable before it is stored or sent: the rules of the EWP IIAs v7
// schema and README that a person can get wrong in a form. Each problem names the field (the path
// of agreements/version_diff.hpp) and a message key of the page catalogues (templates/messages).
#pragma once

#include <string>
#include <vector>

#include "agreements/iia.hpp"

namespace mobility::agreements {

struct IiaProblem {
  std::string field;        // "mobility_specs[0].receiving_last_academic_year_id"
  std::string message_key;  // "iia_error_years_order"
  std::string text;         // the same in English, for logs, errors and the command line

  bool operator==(const IiaProblem&) const = default;
};

// Every problem, in the order of the fields; empty when the content may be stored.
std::vector<IiaProblem> check_iia(const Iia& iia);

// "2025/2026" (the second year follows the first, or equals it for calendar-year HEIs).
bool is_academic_year_id(std::string_view text);

}  // namespace mobility::agreements
