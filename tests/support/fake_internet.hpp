// The network as a test writes it: the node's HttpTransport answering from memory, one site per
// URL prefix (after ewp-registry-service's FakeInternet). A site answers as a server does, with
// an http::Response it may sign as a partner's node would, or fails as the network does, with a
// Status (refused, timed out), which send() reports as the libcurl transport would. A URL no site
// serves fails as a host that does not resolve.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "ewp-node/client/http_transport.hpp"
#include "http/message.hpp"

namespace mobility::testing {

class FakeInternet : public ewp::HttpTransport {
 public:
  using Site = std::function<Result<http::Response>(const http::Request& request)>;

  // Answers every URL that starts with `url_prefix` (the longest prefix wins).
  void serve(const std::string& url_prefix, Site site);
  // Answers `url` with `body` (200, `content_type`), unsigned: a catalogue, a manifest.
  void serve_text(const std::string& url, const std::string& content_type, std::string body);

  Result<ewp::HttpReply> send(const std::string& method, const std::string& url, const http::HeaderList& headers,
                              const std::string& body) override;

  // "METHOD URL" of every request sent, in order.
  std::vector<std::string> requests() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, Site> sites_;
  std::vector<std::string> requests_;
};

}  // namespace mobility::testing
