#include "portal/accounts/session_cache.hpp"

namespace mobility::portal {

std::optional<db::SessionRecord> SessionCache::find(const std::string& session_hash, Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(session_hash);
  if (found == entries_.end() || now - found->second.confirmed_at >= fresh_for_) return std::nullopt;
  return found->second.session;
}

void SessionCache::remember(const std::string& session_hash, const db::SessionRecord& session, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_ && !entries_.count(session_hash)) entries_.clear();
  entries_[session_hash] = {session, now};
}

void SessionCache::forget(const std::string& session_hash) {
  std::lock_guard lock(mutex_);
  entries_.erase(session_hash);
}

void SessionCache::forget_account(int64_t account_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [account_id](const auto& entry) { return entry.second.session.account.account_id == account_id; });
}

}  // namespace mobility::portal
