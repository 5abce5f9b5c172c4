// Page tests' helpers: every page of the portal served over real loopback HTTP with a seeded
// database (PortalServer), and a visitor with a cookie jar, as a browser keeps it (Visit).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "db/pool.hpp"
#include "ewp-node/http/message.hpp"
#include "ewp-node/http/server.hpp"
#include "portal/web/site.hpp"
#include "tests/support/http_client.hpp"

namespace mobility::testing {

class Visit {
 public:
  explicit Visit(std::string base, std::string language = "en") : base_(std::move(base)), language_(std::move(language)) {}

  HttpReply get(const std::string& path);
  HttpReply post(const std::string& path, const http::HeaderList& fields);
  // The csrf field of the last page.
  std::string csrf() const;
  HttpReply log_in(const std::string& email, const std::string& password);

  std::map<std::string, std::string> cookies;

 private:
  std::vector<std::string> headers() const;
  HttpReply remember(Result<HttpReply> reply);

  std::string base_;
  std::string language_;
  HttpClient client_;
  std::string last_body_;
};

// A migrated, seeded database and every page on a free loopback port; the server stops on destruction.
class PortalServer {
 public:
  // Fails the calling test (gtest ASSERT) when something cannot start; check HasFatalFailure().
  void start();

  const std::string& base() const { return base_; }
  db::Pool& pool() { return *pool_; }
  // The first column of the first row of `sql`, a count.
  int64_t count(const std::string& sql);

 private:
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<portal::Site> site_;
  std::unique_ptr<http::Server> server_;
  std::string base_;
};

bool contains(const std::string& text, const std::string& part);

}  // namespace mobility::testing
