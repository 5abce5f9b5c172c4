#include "ewp-node/reference/reference_refresher.hpp"

#include "base/log.hpp"
#include "db/notifications.hpp"
#include "ewp-node/reference/reference_fetch.hpp"

namespace mobility::ewp {
namespace {

void log_outcome(const std::string& partner_hei_id, const ReferenceOutcome& outcome) {
  log::Fields fields{{"partner", partner_hei_id},
                     {"api", db::reference_api_name(outcome.api)},
                     {"outcome", db::fetch_outcome_name(outcome.outcome)}};
  if (outcome.detail) fields.emplace_back("detail", *outcome.detail);
  if (outcome.outcome == db::FetchOutcome::kFailed) {
    log::warn("reference_fetch_failed", fields);
  } else {
    log::info("reference_fetched", fields);
  }
}

// The partner's contact record is about calls: it is left alone when none was made.
Status record(db::Connection& connection, const std::string& partner_hei_id, const ReferenceOutcome& outcome) {
  log_outcome(partner_hei_id, outcome);
  if (Status recorded = db::record_reference_fetch(connection, partner_hei_id, outcome.api, outcome.outcome, outcome.detail);
      !recorded) {
    return recorded;
  }
  if (!outcome.called) return Status::ok();
  std::optional<std::string> error = outcome.outcome == db::FetchOutcome::kFailed ? outcome.detail : std::nullopt;
  return db::record_partner_contact(connection, partner_hei_id, error);
}

}  // namespace

ReferenceRefresher::ReferenceRefresher(db::Pool& pool, EwpClient& client, ReferenceRefresherOptions options)
    : pool_(pool),
      client_(client),
      options_(options),
      loop_("reference_refresher_failed", options.idle_poll, [this] { return run_once(); }) {}

Status ReferenceRefresher::refresh_now(const std::string& partner_hei_id) {
  auto connection = pool_.acquire();
  if (!connection) return connection.status();
  if (Status requested = db::request_reference_refresh(**connection, partner_hei_id); !requested) return requested;
  loop_.wake();
  return Status::ok();
}

Status ReferenceRefresher::refresh_partner(db::Connection& connection, const std::string& partner_hei_id) {
  for (const ReferenceOutcome& outcome : fetch_reference_data(client_, connection, partner_hei_id)) {
    if (Status recorded = record(connection, partner_hei_id, outcome); !recorded) return recorded;
  }
  return Status::ok();
}

Result<int> ReferenceRefresher::run_once() {
  auto connection = pool_.acquire();
  if (!connection) return connection.status();
  auto due = db::partners_due_for_reference(**connection, options_.ages, options_.batch);
  if (!due) return due.status();
  for (const std::string& partner_hei_id : *due) {
    if (Status refreshed = refresh_partner(**connection, partner_hei_id); !refreshed) return refreshed;
  }
  return static_cast<int>(due->size());
}

}  // namespace mobility::ewp
