// Every page of the portal and the agreement tool served over real loopback HTTP with a migrated,
// seeded database, for page tests (visit them with tests/support/web_visit.hpp).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "agreements/iia_book.hpp"
#include "db/pool.hpp"
#include "http/message.hpp"
#include "http/server.hpp"
#include "portal/web/site.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::testing {

// A migrated, seeded database and every page on a free loopback port; the server stops on destruction.
class PortalServer {
 public:
  // Fails the calling test (gtest ASSERT) when something cannot start; check HasFatalFailure().
  // `demo_agreements`: also the demo agreements of agreements/demo_agreements.hpp.
  void start(bool demo_agreements = false);
  // The same on the migrated, seeded database `database_url` (one on a server the test may stop).
  void start_on(const std::string& database_url);
  // start(true), every account reading English, and the demo mobilities and applications
  // (mobilities/demo_mobilities.hpp): where the application pages' tests begin.
  void start_with_demo_applications();

  const std::string& base() const { return base_; }
  db::Pool& pool() { return *pool_; }
  const portal::Site& site() const { return *site_; }
  // The first column of the first row of `sql`, a count.
  int64_t count(const std::string& sql);
  // The first column of the first row of `sql` as text; "" when there is no row or it is NULL
  // (and the calling test fails when the statement does).
  std::string text(const std::string& sql, const db::Params& params = {});

 private:
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<portal::Site> site_;
  std::unique_ptr<agreements::IiaBook> book_;
  std::unique_ptr<http::Server> server_;
  std::string base_;
};

}  // namespace mobility::testing
