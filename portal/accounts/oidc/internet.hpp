// How the sign-in reaches OpenID providers: discovery, keys, the token and userinfo endpoints.
// An interface, so that a test could answer from memory; the node uses CurlInternet.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/status.hpp"

namespace mobility::portal::oidc {

struct WebReply {
  int status = 0;  // HTTP status
  std::string body;
};

struct BasicAuth {
  std::string user;
  std::string password;
};

class Internet {
 public:
  virtual ~Internet() = default;
  // kUnavailable when no HTTP answer came (refused, timed out, TLS failure, too large); any
  // answer, whatever its status, is a WebReply.
  virtual Result<WebReply> get(const std::string& url, const std::optional<std::string>& bearer_token = std::nullopt) = 0;
  // POST of application/x-www-form-urlencoded `fields`, with HTTP Basic authentication when given.
  virtual Result<WebReply> post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& fields,
                                     const std::optional<BasicAuth>& auth) = 0;
};

}  // namespace mobility::portal::oidc
