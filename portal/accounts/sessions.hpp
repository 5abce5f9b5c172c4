// Signed-in sessions: 256-bit random ids in a cookie, stored in PostgreSQL as their SHA-256, with
// idle and absolute timeouts. A login always starts a new session (no fixation); logout ends one;
// "log out everywhere" ends all of an account's.
//
// The cookie is HttpOnly and SameSite=Lax, and Secure with the __Host- name prefix when the
// request came over https (secure_channel(); a plain-http development setup could not send it
// back otherwise).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "db/connection.hpp"
#include "db/web_sessions.hpp"
#include "http/message.hpp"
#include "portal/accounts/session_cache.hpp"

namespace mobility::portal {

struct SessionSettings {
  std::chrono::seconds idle{std::chrono::minutes(30)};
  std::chrono::seconds absolute{std::chrono::hours(12)};
  // How long a session the database confirmed is trusted without asking again (session_cache.hpp);
  // zero asks every time.
  std::chrono::milliseconds confirm_every{2000};
};

struct ActiveSession {
  std::string id;  // the cookie value
  int64_t account_id = 0;
  std::string csrf_token;  // forms of this session carry it
};

struct SignedIn {
  ActiveSession session;
  db::AccountRecord account;
};

class Sessions {
 public:
  explicit Sessions(SessionSettings settings)
      : settings_(settings), cache_(std::make_shared<SessionCache>(settings.confirm_every)) {}

  // A new session for the account (call after a successful login).
  Result<ActiveSession> start(db::Connection& connection, int64_t account_id) const;
  // The live session the request's cookie names with its account, or nullopt (no cookie,
  // unknown, timed out, account disabled). One database round trip, unless the session was
  // confirmed within the last two seconds (session_cache.hpp).
  Result<std::optional<SignedIn>> find(db::Connection& connection, const http::Request& request) const;
  Status end(db::Connection& connection, const ActiveSession& session) const;
  // Every session of the account; how many there were.
  Result<int64_t> end_all(db::Connection& connection, int64_t account_id) const;
  // Call after changing an account (its language, password, roles) in this process, so that its
  // sessions are read afresh.
  void account_changed(int64_t account_id) const;

  // The session cookie's name on the request's channel (secure_channel()).
  static std::string cookie_name(const http::Request& request);
  // Set-Cookie values that store or remove the session cookie, for the request's channel.
  static std::string set_cookie(const http::Request& request, const ActiveSession& session);
  static std::string clear_cookie(const http::Request& request);

  const SessionSettings& settings() const { return settings_; }

 private:
  db::SessionLimits limits() const { return {settings_.idle, settings_.absolute}; }
  SessionSettings settings_;
  std::shared_ptr<SessionCache> cache_;  // shared by copies of this Sessions
};

}  // namespace mobility::portal
