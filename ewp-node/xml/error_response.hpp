// The EWP <error-response> document (common-types namespace) that every EWP 4xx/5xx carries:
// one developer-message, then optional user-messages (English first, others tagged xml:lang).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace mobility::ewp {

struct UserMessage {
  std::string language;  // "en", "nb"
  std::string text;
};

std::string error_response_xml(const std::string& developer_message, const std::vector<UserMessage>& user_messages = {});

// An http::Response with `status` and the <error-response> body (text/xml; charset=utf-8).
http::Response error_response(int status, const std::string& developer_message,
                              const std::vector<UserMessage>& user_messages = {});

// The developer-message of a partner's <error-response> body; "" when the body is not one.
std::string read_developer_message(std::string_view body);

}  // namespace mobility::ewp
