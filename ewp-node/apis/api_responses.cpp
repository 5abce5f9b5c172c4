#include "ewp-node/apis/api_responses.hpp"

#include "base/log.hpp"
#include "ewp-node/xml/error_response.hpp"

namespace mobility::ewp {

http::Response xml_response(std::string body) {
  http::Response response;
  response.content_type = "text/xml; charset=utf-8";
  response.body = std::move(body);
  return response;
}

http::Response storage_failure(const http::Request& request, const Status& status) {
  log::error("ewp_storage_failed", {{"id", request.request_id}, {"path", request.path}, {"error", status.to_string()}});
  if (status.code() == Status::Code::kUnavailable)
    return error_response(503, "the data cannot be read right now; try again later");
  return error_response(500, "the data could not be read (request " + request.request_id + ")");
}

http::Response update_refusal(const http::Request& request, const Status& status, const std::string& stale_user_message) {
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
    case Status::Code::kNotFound: return error_response(400, status.message());
    case Status::Code::kConflict: return error_response(409, status.message(), {{"en", stale_user_message}});
    default: return storage_failure(request, status);
  }
}

}  // namespace mobility::ewp
