// Figures for GET /metrics read from the database at scrape time: how deep each durable queue is
// and how long its oldest item has waited, and the recent failed logins the throttle counts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct QueueDepth {
  std::string queue;          // cnr_outbox, cnr_inbox, mail_outbox
  int64_t pending = 0;        // waiting to be worked (mail: also held for a digest)
  double oldest_seconds = 0;  // age of the oldest pending item; 0 when none
};
Result<std::vector<QueueDepth>> queue_depths(Connection& connection);

struct LoginFailures {
  std::string scope;  // account or address
  int64_t failures = 0;
};
// Failed logins of the last 15 minutes (the throttle's window), by kind of scope.
Result<std::vector<LoginFailures>> recent_login_failures(Connection& connection);

}  // namespace mobility::db
