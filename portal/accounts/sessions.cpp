#include "portal/accounts/sessions.hpp"

#include "base/secure_random.hpp"
#include "base/sha256.hpp"
#include "portal/accounts/cookies.hpp"

namespace mobility::portal {

Result<ActiveSession> Sessions::start(db::Connection& connection, int64_t account_id) const {
  ActiveSession session{random_token(32), account_id, random_token(32)};
  if (Status stored = db::insert_session(connection, sha256(session.id), account_id, session.csrf_token); !stored) {
    return stored;
  }
  return session;
}

Result<std::optional<SignedIn>> Sessions::find(db::Connection& connection, const http::Request& request) const {
  auto id = cookie_value(request, cookie_name(request));
  if (!id || id->empty() || id->size() > 100) return std::optional<SignedIn>();
  std::string session_hash = sha256(*id);
  auto now = SessionCache::Clock::now();
  if (auto cached = cache_->find(session_hash, now)) {
    return std::optional<SignedIn>(SignedIn{ActiveSession{*id, cached->account.account_id, cached->csrf_token}, cached->account});
  }
  auto found = db::use_session(connection, session_hash, limits());
  if (!found) return found.status();
  if (!*found) return std::optional<SignedIn>();
  cache_->remember(session_hash, **found, now);
  int64_t account_id = (*found)->account.account_id;
  return std::optional<SignedIn>(
      SignedIn{ActiveSession{*id, account_id, std::move((*found)->csrf_token)}, std::move((*found)->account)});
}

Status Sessions::end(db::Connection& connection, const ActiveSession& session) const {
  cache_->forget(sha256(session.id));
  return db::delete_session(connection, sha256(session.id));
}

Result<int64_t> Sessions::end_all(db::Connection& connection, int64_t account_id) const {
  cache_->forget_account(account_id);
  return db::delete_sessions_of(connection, account_id);
}

void Sessions::account_changed(int64_t account_id) const { cache_->forget_account(account_id); }

std::string Sessions::cookie_name(const http::Request& request) {
  return secure_channel(request) ? "__Host-mobility" : "mobility_session";
}

std::string Sessions::set_cookie(const http::Request& request, const ActiveSession& session) {
  return set_cookie_value(cookie_name(request), session.id, {secure_channel(request), true, "Lax", std::nullopt});
}

std::string Sessions::clear_cookie(const http::Request& request) {
  return set_cookie_value(cookie_name(request), "", {secure_channel(request), true, "Lax", std::chrono::seconds(0)});
}

}  // namespace mobility::portal
