#include "tests/support/page_visit.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "db/demo_seed.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "portal/home_page.hpp"
#include "portal/pages/account_pages.hpp"
#include "portal/pages/destination_pages.hpp"
#include "portal/pages/factsheet_pages.hpp"
#include "portal/pages/information_pages.hpp"
#include "portal/pages/information_review_pages.hpp"
#include "portal/pages/password_reset_page.hpp"
#include "portal/pages/start_pages.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::testing {

using std::chrono::milliseconds;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

HttpReply Visit::get(const std::string& path) { return remember(client_.get(base_ + path, headers())); }

HttpReply Visit::post(const std::string& path, const http::HeaderList& fields) {
  std::string body = ewp::encode_form(fields);
  auto list = headers();
  list.push_back("Content-Type: application/x-www-form-urlencoded");
  return remember(client_.request("POST", base_ + path, body, list));
}

std::string Visit::csrf() const {
  std::smatch match;
  return std::regex_search(last_body_, match, std::regex("name=\"csrf\" value=\"([^\"]*)\"")) ? match[1].str() : "";
}

HttpReply Visit::log_in(const std::string& email, const std::string& password) {
  get("/login");
  return post("/login", {{"csrf", csrf()}, {"email", email}, {"password", password}});
}

std::vector<std::string> Visit::headers() const {
  std::string cookie_header;
  for (const auto& [name, value] : cookies) cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
  std::vector<std::string> list = {"Accept-Language: " + language_};
  if (!cookie_header.empty()) list.push_back("Cookie: " + cookie_header);
  return list;
}

HttpReply Visit::remember(Result<HttpReply> reply) {
  EXPECT_TRUE(reply) << reply.status().to_string();
  if (!reply) return {};
  for (const std::string& line : reply->header_lines) {
    if (line.rfind("Set-Cookie:", 0) != 0 && line.rfind("set-cookie:", 0) != 0) continue;
    std::string pair = line.substr(12, line.find(';') - 12);
    std::string name = pair.substr(0, pair.find('=')), value = pair.substr(pair.find('=') + 1);
    if (contains(line, "Max-Age=0")) {
      cookies.erase(name);
    } else {
      cookies[name] = value;
    }
  }
  last_body_ = reply->body;
  return *reply;
}

void PortalServer::start() {
  pool_ = std::make_unique<db::Pool>(db::PoolOptions{create_migrated_database(), 4, milliseconds(5000)});
  auto connection = pool_->acquire();
  ASSERT_TRUE(connection && db::seed_demo(**connection));
  site_ = std::make_unique<portal::Site>(*pool_, portal::SiteSettings{});
  auto router = std::make_shared<http::Router>();
  site_->add_common_routes(*router);
  portal::add_home_route(*router, *site_);
  portal::add_account_pages(*router, *site_);
  portal::add_start_pages(*router, *site_);
  portal::add_password_reset_page(*router, *site_);
  portal::add_information_pages(*router, *site_);
  portal::add_information_review_pages(*router, *site_);
  portal::add_destination_pages(*router, *site_);
  portal::add_factsheet_pages(*router, *site_);
  server_ = std::make_unique<http::Server>(http::ServerOptions{"127.0.0.1", 0, 2, 1 << 20, milliseconds(2000)}, router);
  ASSERT_TRUE(server_->start());
  base_ = "http://127.0.0.1:" + std::to_string(server_->port());
}

int64_t PortalServer::count(const std::string& sql) {
  auto connection = pool_->acquire();
  return (*connection)->exec(sql)->front().get<int64_t>(0);
}

}  // namespace mobility::testing
