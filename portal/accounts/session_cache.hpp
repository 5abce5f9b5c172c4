// Recently confirmed sessions, so that most page views need no session query. An entry is
// trusted for `fresh_for` after PostgreSQL confirmed the session (and moved its last-seen time);
// after that the next view asks the database again.
//
// What this gives up, knowingly: a change made by *another* process (`mobility users disable`,
// another node process's logout) reaches this process within `fresh_for` (2 s by default).
// Changes made in this process (logout, logout everywhere, a password reset, a language change)
// drop the entries at once (forget, forget_account).
//
// Thread-safe. Bounded: when full, it starts afresh rather than grow.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "db/web_sessions.hpp"

namespace mobility::portal {

class SessionCache {
 public:
  using Clock = std::chrono::steady_clock;

  explicit SessionCache(std::chrono::milliseconds fresh_for = std::chrono::seconds(2), size_t capacity = 20000)
      : fresh_for_(fresh_for), capacity_(capacity) {}

  // The session confirmed less than fresh_for ago, or nullopt.
  std::optional<db::SessionRecord> find(const std::string& session_hash, Clock::time_point now) const;
  void remember(const std::string& session_hash, const db::SessionRecord& session, Clock::time_point now);
  void forget(const std::string& session_hash);
  void forget_account(int64_t account_id);

 private:
  struct Entry {
    db::SessionRecord session;
    Clock::time_point confirmed_at;
  };
  std::chrono::milliseconds fresh_for_;
  size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // by session hash
};

}  // namespace mobility::portal
