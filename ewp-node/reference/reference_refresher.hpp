// The background refresher of partners' reference data (Institutions, Organizational Units,
// Factsheet, Courses; reference_fetch.hpp). Each round it refreshes the partners that are due
// (db/reference_fetches.hpp): new partners (HEIs in table hei without a hosted_hei row, such as
// those we have agreements with), data older than `ages.refresh` (reference_refresh_hours),
// failures older than `ages.retry_failed`, and partners whose refresh was requested
// (refresh_now). A partner without an API is asked again only after `ages.refresh`.
// Every outcome is recorded per partner and API, failures are logged, and each call's result
// goes to the partner's contact record (db::record_partner_contact) for the health page.
// Everything it knows is in PostgreSQL: a restarted node goes on where it was.
#pragma once

#include <chrono>
#include <string>

#include "base/background_loop.hpp"
#include "db/pool.hpp"
#include "db/reference_fetches.hpp"
#include "ewp-node/client/ewp_client.hpp"

namespace mobility::ewp {

struct ReferenceRefresherOptions {
  db::RefreshAges ages{std::chrono::hours(24), std::chrono::hours(1)};
  std::chrono::milliseconds idle_poll{std::chrono::minutes(1)};  // how often an idle refresher looks for due partners
  int batch = 10;                                                // partners refreshed per round
};

class ReferenceRefresher {
 public:
  // All references must outlive the refresher.
  ReferenceRefresher(db::Pool& pool, EwpClient& client, ReferenceRefresherOptions options);

  void start() { loop_.start(); }
  void stop() { loop_.stop(); }

  // "Refresh now" (the partner health page): the partner is due at once, and an idle background
  // refresher is woken to do it.
  Status refresh_now(const std::string& partner_hei_id);

  // Refreshes every partner due now, in this thread; returns how many. For tests and tools.
  Result<int> run_once();

 private:
  Status refresh_partner(db::Connection& connection, const std::string& partner_hei_id);

  db::Pool& pool_;
  EwpClient& client_;
  ReferenceRefresherOptions options_;
  BackgroundLoop loop_;  // last: its thread uses the members above
};

}  // namespace mobility::ewp
