// Incoming Mobilities v2.0.0 get responses: the actual dates the receiving HEI records for the
// sending HEI's outgoing mobilities (Mobility::actual_arrival_date and actual_departure_date).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace mobility::ewp {

// One <student-mobility>: the sending HEI's omobility-id and the dates as xs:date (YYYY-MM-DD).
struct IMobilityDates {
  std::string omobility_id;
  std::optional<std::string> actual_arrival_date;
  std::optional<std::string> actual_departure_date;

  bool operator==(const IMobilityDates&) const = default;
};

// <imobilities-get-response> with one <student-mobility> per entry, in order.
std::string imobilities_get_response_xml(const std::vector<IMobilityDates>& mobilities);

// Every <student-mobility> of a partner's get response, dates as sent. invalid_argument when the
// body is not XML or not this response, or a <student-mobility> has no <omobility-id>.
Result<std::vector<IMobilityDates>> read_imobilities_get_response(std::string_view xml);

}  // namespace mobility::ewp
