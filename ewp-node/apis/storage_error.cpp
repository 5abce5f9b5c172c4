#include "ewp-node/apis/storage_error.hpp"

#include "ewp-node/xml/error_response.hpp"
#include "ops/base/log.hpp"

namespace mobility::ewp {

http::Response storage_error(std::string_view api, const Status& status) {
  log::error("ewp_api_storage_error", {{"api", std::string(api)}, {"error", status.to_string()}});
  return error_response(503, "this node cannot read its data right now; try again later");
}

}  // namespace mobility::ewp
