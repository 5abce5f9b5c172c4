#include "tests/support/fake_internet.hpp"

#include "ewp-node/client/ewp_client.hpp"
#include "http/form.hpp"

namespace mobility::testing {
namespace {

// The request a server would see for `url`.
Result<http::Request> request_for(const std::string& method, const std::string& url, const http::HeaderList& headers,
                                  const std::string& body) {
  auto parts = ewp::split_url(url);
  if (!parts) return Status::invalid_argument("not a URL: " + url);
  http::Request request;
  request.method = method;
  request.target = parts->second;
  request.path = request.target.substr(0, request.target.find('?'));
  auto query = http::decode_query(request.target);
  if (query) request.query = *query;
  request.headers = headers;
  request.headers.emplace_back("Host", parts->first);
  request.body = body;
  return request;
}

}  // namespace

void FakeInternet::serve(const std::string& url_prefix, Site site) {
  std::scoped_lock lock(mutex_);
  sites_[url_prefix] = std::move(site);
}

void FakeInternet::serve_text(const std::string& url, const std::string& content_type, std::string body) {
  serve(url, [content_type, body = std::move(body)](const http::Request&) -> Result<http::Response> {
    http::Response response = http::Response::text(200, body);
    response.content_type = content_type;
    return response;
  });
}

Result<ewp::HttpReply> FakeInternet::send(const std::string& method, const std::string& url, const http::HeaderList& headers,
                                          const std::string& body) {
  Site site;
  {
    std::scoped_lock lock(mutex_);
    requests_.push_back(method + " " + url);
    for (const auto& [prefix, candidate] : sites_) {  // ordered: a longer prefix comes after its shorter ones
      if (url.starts_with(prefix)) site = candidate;
    }
  }
  std::string failed = method + " " + url + " failed: ";
  if (!site) return Status::unavailable(failed + "Couldn't resolve host name");
  auto request = request_for(method, url, headers, body);
  if (!request) return request.status();
  auto response = site(*request);
  if (!response) return Status::unavailable(failed + response.status().message());
  ewp::HttpReply reply{response->status, {{"Content-Type", response->content_type}}, std::move(response->body)};
  reply.headers.insert(reply.headers.end(), response->headers.begin(), response->headers.end());
  return reply;
}

std::vector<std::string> FakeInternet::requests() const {
  std::scoped_lock lock(mutex_);
  return requests_;
}

}  // namespace mobility::testing
