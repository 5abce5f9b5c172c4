#include "portal/web/page_cache.hpp"

namespace mobility::portal {

std::optional<http::Response> PageCache::find(const std::string& key, const std::string& revision, Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end() || found->second.revision != revision || now - found->second.rendered_at >= limits_.max_age) {
    ++counts_.misses;
    return std::nullopt;
  }
  ++counts_.hits;
  return found->second.response;
}

void PageCache::store(const std::string& key, const std::string& revision, const http::Response& response,
                      Clock::time_point now) const {
  if (response.status != 200 || response.body.size() > limits_.max_entry_bytes) return;
  if (!http::header_values(response.headers, "Set-Cookie").empty()) return;
  std::lock_guard lock(mutex_);
  auto old = entries_.find(key);
  if (old != entries_.end()) {
    bytes_ -= old->second.response.body.size();
    entries_.erase(old);
  }
  if (entries_.size() + 1 > limits_.max_entries || bytes_ + response.body.size() > limits_.max_bytes) {
    entries_.clear();
    bytes_ = 0;
  }
  entries_.emplace(key, Entry{revision, response, now});
  bytes_ += response.body.size();
}

PageCache::Counts PageCache::counts() const {
  std::lock_guard lock(mutex_);
  Counts counts = counts_;
  counts.entries = entries_.size();
  return counts;
}

}  // namespace mobility::portal
