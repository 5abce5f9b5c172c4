// The answer of an EWP handler whose own database failed: 503 with an <error-response> asking
// the partner to try again later. The detail goes to the log only: SQL errors are never shown to
// partners.
#pragma once

#include <string_view>

#include "ewp-node/http/message.hpp"
#include "ops/base/status.hpp"

namespace mobility::ewp {

// `api` names the API in the log line ("institutions").
http::Response storage_error(std::string_view api, const Status& status);

}  // namespace mobility::ewp
