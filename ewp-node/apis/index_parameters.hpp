// The filters that every EWP index endpoint shares, read with the errors the validator expects
// (400 naming the parameter): receiving_academic_year_id and modified_since.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"
#include "http/message.hpp"

namespace mobility::ewp {

// Every receiving_academic_year_id, each "2026/2027" (or "2010/2010"); invalid_argument
// "receiving_academic_year_id 'x' is not an academic year such as 2026/2027".
Result<std::vector<std::string>> read_academic_year_ids(const EwpParameters& parameters);

// The one receiving_academic_year_id or nullopt; invalid_argument as above, or when repeated.
Result<std::optional<std::string>> read_academic_year_id(const EwpParameters& parameters);

// modified_since as an xs:dateTime with a time part, or nullopt; a date alone, any other text or a
// repeated parameter is invalid_argument.
Result<std::optional<std::string>> read_modified_since(const EwpParameters& parameters);

// The answer when listing ids failed: a 400 naming modified_since when PostgreSQL could not read
// it as a timestamp (kInvalidArgument), else storage_failure.
http::Response index_failure(const http::Request& request, const Status& status);

}  // namespace mobility::ewp
