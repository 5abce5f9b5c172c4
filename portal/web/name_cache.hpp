// The names of institutions and their units, for pages: nearly every page shows a few of them, so
// the whole table is kept in memory and read again from PostgreSQL when it is older than
// `fresh_for` (30 s), or at once after forget(). A name changed elsewhere (another node process,
// the reference refresher, SQL) shows within `fresh_for`. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "agreements/names.hpp"
#include "db/connection.hpp"

namespace mobility::portal {

class NameCache {
 public:
  using Clock = std::chrono::steady_clock;

  explicit NameCache(std::chrono::milliseconds fresh_for = std::chrono::seconds(30)) : fresh_for_(fresh_for) {}

  // The name in `language` ("nb"), else in English, else in none, else any
  // (agreements::preferred_name); nullopt when the HEI or unit has no name.
  Result<std::optional<std::string>> hei_name(db::Connection& connection, const std::string& hei_id,
                                              const std::string& language) const;
  Result<std::optional<std::string>> ounit_name(db::Connection& connection, const std::string& hei_id,
                                                const std::string& ounit_id, const std::string& language) const;

  // The next lookup reads the names again (after a change in this process).
  void forget() const;

 private:
  using Key = std::pair<std::string, std::string>;  // (hei_id, ounit_id or "" for the HEI itself)
  using Table = std::map<Key, agreements::LocalizedNames>;

  Result<std::optional<std::string>> lookup(db::Connection& connection, const Key& key, const std::string& language) const;
  Result<std::shared_ptr<const Table>> current(db::Connection& connection) const;

  std::chrono::milliseconds fresh_for_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const Table> table_;
  mutable Clock::time_point read_at_{};
};

}  // namespace mobility::portal
