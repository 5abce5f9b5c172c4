// Rendered pages kept for the visitor who saw them, served again while the data they show is
// unchanged. Site::serve uses it for the pages registered with PageCaching::kWhileHeiDataUnchanged
// (the student's mobility pages and the coordinators' work queue):
//
//   - `key` names one visitor's view of one page: the session, the visitor's grants and language,
//     the host and the request target (Site::serve builds it);
//   - `revision` is db::page_revision_stamp of the visitor's HEIs, read in the same request:
//     PostgreSQL raises it at the commit of every change to what those pages show (migration
//     0026), so a page stored under one revision is never served under another;
//   - an entry is also dropped `max_age` after it was rendered (60 s), which bounds what a
//     revision does not cover: names (NameCache, 30 s), the time of day.
//
// Only 200 answers without Set-Cookie and at most `max_entry_bytes` are kept. Bounded: when it
// holds `max_entries` pages or `max_bytes` of bodies, it starts afresh rather than grow.
// Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/message.hpp"

namespace mobility::portal {

class PageCache {
 public:
  using Clock = std::chrono::steady_clock;

  struct Limits {
    size_t max_entries = 4096;
    size_t max_bytes = 64 << 20;
    size_t max_entry_bytes = 512 << 10;
    std::chrono::milliseconds max_age = std::chrono::seconds(60);
  };

  struct Counts {
    int64_t hits = 0;
    int64_t misses = 0;  // lookups that found nothing, another revision, or an entry too old
    size_t entries = 0;
  };

  PageCache() : PageCache(Limits{}) {}
  explicit PageCache(Limits limits) : limits_(limits) {}

  // The page stored under `key` and `revision` less than max_age before `now`, or nullopt.
  std::optional<http::Response> find(const std::string& key, const std::string& revision, Clock::time_point now) const;
  // Keeps `response` under `key` and `revision` (replacing what `key` held), unless it is not a
  // 200, sets a cookie or is bigger than max_entry_bytes.
  void store(const std::string& key, const std::string& revision, const http::Response& response, Clock::time_point now) const;
  Counts counts() const;

 private:
  struct Entry {
    std::string revision;
    http::Response response;
    Clock::time_point rendered_at;
  };
  Limits limits_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, Entry> entries_;
  mutable size_t bytes_ = 0;
  mutable Counts counts_;
};

}  // namespace mobility::portal
