#include "tests/support/portal_server.hpp"

#include <gtest/gtest.h>

#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "mobilities/demo_mobilities.hpp"
#include "portal/agreements/agreement_pages.hpp"
#include "portal/home_page.hpp"
#include "portal/mobilities/mobility_pages.hpp"
#include "portal/pages/accessibility_page.hpp"
#include "portal/pages/account_pages.hpp"
#include "portal/pages/destination_pages.hpp"
#include "portal/pages/factsheet_pages.hpp"
#include "portal/pages/host_course_pages.hpp"
#include "portal/pages/information_pages.hpp"
#include "portal/pages/information_review_pages.hpp"
#include "portal/pages/partner_health_page.hpp"
#include "portal/pages/password_reset_page.hpp"
#include "portal/pages/start_pages.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::testing {

using std::chrono::milliseconds;

void PortalServer::start(bool demo_agreements) { start_on(create_demo_database(demo_agreements)); }

void PortalServer::start_on(const std::string& database_url) {
  pool_ = std::make_unique<db::Pool>(db::PoolOptions{database_url, 4, milliseconds(5000)});
  book_ = std::make_unique<agreements::IiaBook>(ewp::served_iia_hash);
  site_ = std::make_unique<portal::Site>(*pool_, portal::SiteSettings{});
  auto router = std::make_shared<http::Router>();
  site_->add_common_routes(*router);
  portal::add_home_route(*router, *site_);
  portal::add_accessibility_page(*router, *site_, "ewp-admin@fjordland.example");
  portal::add_account_pages(*router, *site_);
  portal::add_start_pages(*router, *site_);
  portal::add_password_reset_page(*router, *site_, /*mail_enabled=*/true);
  portal::add_information_pages(*router, *site_);
  portal::add_host_course_pages(*router, *site_);
  portal::add_information_review_pages(*router, *site_);
  portal::add_destination_pages(*router, *site_);
  portal::add_factsheet_pages(*router, *site_);
  portal::add_partner_health_page(*router, *site_);
  agreements::pages::add_agreement_pages(*router, *site_, *book_);
  portal::mobility_pages::add_mobility_pages(*router, *site_);
  server_ = std::make_unique<http::Server>(http::ServerOptions{"127.0.0.1", 0, 2, 1 << 20, milliseconds(2000)}, router);
  ASSERT_TRUE(server_->start());
  base_ = "http://127.0.0.1:" + std::to_string(server_->port());
}

void PortalServer::start_with_demo_applications() {
  start(/*demo_agreements=*/true);
  if (::testing::Test::HasFatalFailure()) return;
  auto connection = pool_->acquire();
  ASSERT_TRUE(connection);
  ASSERT_TRUE((*connection)->exec("UPDATE account SET language = 'en'"));
  auto seeded = mobilities::seed_demo_mobilities(**connection);
  ASSERT_TRUE(seeded) << seeded.status().to_string();
}

int64_t PortalServer::count(const std::string& sql) {
  auto connection = pool_->acquire();
  return (*connection)->exec(sql)->front().get<int64_t>(0);
}

std::string PortalServer::text(const std::string& sql, const db::Params& params) {
  auto connection = pool_->acquire();
  EXPECT_TRUE(connection) << connection.status().to_string();
  if (!connection) return "";
  auto rows = (*connection)->exec(sql, params);
  EXPECT_TRUE(rows) << rows.status().to_string();
  return rows && !rows->empty() && !rows->front().is_null(0) ? rows->front().get<std::string>(0) : "";
}

}  // namespace mobility::testing
