#include "ewp-node/apis/index_parameters.hpp"

#include "agreements/iia_rules.hpp"
#include "base/pattern.hpp"
#include "base/text.hpp"
#include "ewp-node/apis/api_responses.hpp"

namespace mobility::ewp {
namespace {

// xs:dateTime with a time part ("2004-02-12T15:19:21+01:00"); a date alone is refused.
bool is_date_time(const std::string& text) {
  return text.size() <= 64 && matches(text, R"(-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)");
}

Status check_academic_year_id(const std::string& year) {
  if (agreements::is_academic_year_id(year)) return Status::ok();
  return Status::invalid_argument("receiving_academic_year_id '" + excerpt(year, 70) +
                                  "' is not an academic year such as 2026/2027");
}

}  // namespace

Result<std::vector<std::string>> read_academic_year_ids(const EwpParameters& parameters) {
  std::vector<std::string> years = parameters.all("receiving_academic_year_id");
  for (const auto& year : years) {
    if (Status checked = check_academic_year_id(year); !checked) return checked;
  }
  return years;
}

Result<std::optional<std::string>> read_academic_year_id(const EwpParameters& parameters) {
  auto year = parameters.optional_single("receiving_academic_year_id");
  if (!year) return year.status();
  if (*year) {
    if (Status checked = check_academic_year_id(**year); !checked) return checked;
  }
  return *year;
}

Result<std::optional<std::string>> read_modified_since(const EwpParameters& parameters) {
  auto modified_since = parameters.optional_single("modified_since");
  if (!modified_since) return modified_since.status();
  if (*modified_since && !is_date_time(**modified_since)) {
    return Status::invalid_argument("modified_since '" + excerpt(**modified_since, 70) +
                                    "' is not an xs:dateTime such as 2026-01-31T12:00:00Z");
  }
  return *modified_since;
}

http::Response index_failure(const http::Request& request, const Status& status) {
  if (status.code() == Status::Code::kInvalidArgument) {
    return parameter_error(Status::invalid_argument("modified_since is not a valid date and time"));
  }
  return storage_failure(request, status);
}

}  // namespace mobility::ewp
