// How one try at a queued notification ended, and what the queue does next.
#pragma once

#include <string>

namespace mobility::ewp {

struct WorkOutcome {
  enum class Kind {
    kDone,      // delivered (outbox) or worked off (inbox)
    kNoApi,     // the partner publishes no API for it: nothing to retry
    kRetry,     // the partner or the network failed for now: try again later
    kGiveUp,    // the partner refused (4xx): retrying will not help
    kConflict,  // the partner refused an update with 409: its data changed; the user decides again
  };
  Kind kind = Kind::kDone;
  std::string detail;  // for the log and the partner health page; never secrets

  static WorkOutcome done() { return {Kind::kDone, ""}; }
  static WorkOutcome no_api(std::string detail) { return {Kind::kNoApi, std::move(detail)}; }
  static WorkOutcome retry(std::string detail) { return {Kind::kRetry, std::move(detail)}; }
  static WorkOutcome give_up(std::string detail) { return {Kind::kGiveUp, std::move(detail)}; }
  static WorkOutcome conflict(std::string detail) { return {Kind::kConflict, std::move(detail)}; }
};

}  // namespace mobility::ewp
