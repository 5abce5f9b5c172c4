// The cache of recently confirmed sessions: trusted only while fresh, dropped at once by this
// process's logouts and account changes, and bounded.
#include "portal/accounts/session_cache.hpp"

#include <gtest/gtest.h>

namespace mobility::portal {
namespace {

using std::chrono::milliseconds;

db::SessionRecord session_of(int64_t account_id) {
  db::SessionRecord session;
  session.csrf_token = "csrf-" + std::to_string(account_id);
  session.account.account_id = account_id;
  return session;
}

TEST(SessionCache, AConfirmedSessionIsTrustedOnlyWhileFresh) {
  SessionCache cache(milliseconds(2000));
  auto t0 = SessionCache::Clock::now();
  EXPECT_FALSE(cache.find("h1", t0));
  cache.remember("h1", session_of(7), t0);
  auto found = cache.find("h1", t0 + milliseconds(1999));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->csrf_token, "csrf-7");
  EXPECT_FALSE(cache.find("h1", t0 + milliseconds(2000))) << "stale: ask the database again";
  cache.remember("h1", session_of(7), t0 + milliseconds(2000));
  EXPECT_TRUE(cache.find("h1", t0 + milliseconds(3000)));
}

TEST(SessionCache, LogoutAndAccountChangesDropEntriesAtOnce) {
  SessionCache cache;
  auto now = SessionCache::Clock::now();
  cache.remember("a1", session_of(1), now);
  cache.remember("a2", session_of(1), now);
  cache.remember("b1", session_of(2), now);
  cache.forget("a1");
  EXPECT_FALSE(cache.find("a1", now));
  EXPECT_TRUE(cache.find("a2", now));
  cache.forget_account(1);
  EXPECT_FALSE(cache.find("a2", now));
  EXPECT_TRUE(cache.find("b1", now)) << "other accounts keep theirs";
}

TEST(SessionCache, AFullCacheStartsAfreshInsteadOfGrowing) {
  SessionCache cache(milliseconds(2000), 3);
  auto now = SessionCache::Clock::now();
  for (const char* hash : {"1", "2", "3"}) cache.remember(hash, session_of(1), now);
  cache.remember("3", session_of(1), now);  // replacing one is no growth
  EXPECT_TRUE(cache.find("1", now));
  cache.remember("4", session_of(1), now);
  EXPECT_FALSE(cache.find("1", now));
  EXPECT_TRUE(cache.find("4", now));
}

}  // namespace
}  // namespace mobility::portal
