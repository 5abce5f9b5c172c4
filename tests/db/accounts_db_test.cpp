// Accounts, sessions, login throttling, resets and audit against a real PostgreSQL.
#include <gtest/gtest.h>

#include <thread>

#include "base/secure_random.hpp"
#include "base/sha256.hpp"
#include "db/accounts.hpp"
#include "db/audit_events.hpp"
#include "db/demo_seed.hpp"
#include "db/password_resets.hpp"
#include "portal/accounts/actor.hpp"
#include "portal/accounts/login.hpp"
#include "portal/accounts/password_hash.hpp"
#include "portal/accounts/sessions.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::portal {
namespace {

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = testing::open_demo_database();
    ASSERT_TRUE(opened) << opened.status().to_string();
    connection_ = std::move(opened.value());
  }

  int64_t add_account(const std::string& email, const std::string& password) {
    auto hash = hash_password(password, {10, 8, 1});
    auto id = db::create_account(*connection_, {email, "Test Person", "en", hash.value()});
    EXPECT_TRUE(id) << id.status().to_string();
    return id ? *id : 0;
  }

  int64_t count(const std::string& sql) { return connection_->exec(sql)->front().get<int64_t>(0); }

  http::Request with_session_cookie(const ActiveSession& session) {
    http::Request request;
    request.headers.emplace_back("Cookie", Sessions::cookie_name(request) + "=" + session.id);
    return request;
  }

  std::unique_ptr<db::Connection> connection_;
  // Asks the database every time, as these tests change sessions behind its back; the cache of
  // confirmed sessions has tests of its own (SessionsTrustAConfirmedSession...).
  Sessions sessions_{SessionSettings{std::chrono::minutes(30), std::chrono::hours(12), std::chrono::milliseconds(0)}};
  Login login_{sessions_, LoginPolicy{}};
};

TEST_F(AccountsTest, EmailsAreUniqueWhateverTheirCase) {
  add_account("Kari.Nilsen@fjordland.example", "pw");
  auto again = db::create_account(*connection_, {"kari.nilsen@FJORDLAND.example", "Kari", "nb", std::nullopt});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.status().code(), Status::Code::kConflict);
  auto found = db::find_account_by_email(*connection_, "KARI.nilsen@fjordland.example");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->email, "Kari.Nilsen@fjordland.example");
}

TEST_F(AccountsTest, RolesMustHaveAConsistentScope) {
  int64_t id = add_account("per@fjordland.example", "pw");
  EXPECT_TRUE(db::add_account_role(*connection_, id, {"coordinator", "fjordland.example", "ou-mn", std::nullopt}));
  EXPECT_TRUE(db::add_account_role(*connection_, id, {"coordinator", "fjordland.example", "ou-mn", std::nullopt}))
      << "adding a role twice is no change";
  EXPECT_FALSE(db::add_account_role(*connection_, id, {"student", "fjordland.example", std::nullopt, std::nullopt}))
      << "a student role names the student record";
  EXPECT_FALSE(db::add_account_role(*connection_, id, {"operator", "fjordland.example", std::nullopt, std::nullopt}));
  EXPECT_FALSE(db::add_account_role(*connection_, id, {"coordinator", "fjordland.example", "no-such-unit", std::nullopt}));
  EXPECT_FALSE(db::add_account_role(*connection_, id, {"io_admin", "uni-partner.example", std::nullopt, std::nullopt}))
      << "roles hold at HEIs this node hosts";
  EXPECT_FALSE(db::add_account_role(*connection_, id, {"superuser", std::nullopt, std::nullopt, std::nullopt}));
  auto found = db::find_account(*connection_, id);
  ASSERT_TRUE(found && *found);
  ASSERT_EQ((*found)->roles.size(), 1u);
  EXPECT_EQ((*found)->roles[0], (db::AccountRole{"coordinator", "fjordland.example", "ou-mn", std::nullopt}));
}

TEST_F(AccountsTest, HostileTextIsStoredVerbatimAndOverlongNamesAreRefused) {
  int64_t before = count("SELECT count(*) FROM account");
  std::string name = "Robert'); DROP TABLE account; -- <script>alert(1)</script>";
  auto id = db::create_account(*connection_, {"robert@fjordland.example", name, "en", std::nullopt});
  ASSERT_TRUE(id);
  EXPECT_EQ(db::find_account(*connection_, *id)->value().display_name, name);
  auto long_name = db::create_account(*connection_, {"long@fjordland.example", std::string(201, 'x'), "en", std::nullopt});
  EXPECT_FALSE(long_name);
  auto bad_language = db::create_account(*connection_, {"lang@fjordland.example", "L", "de", std::nullopt});
  EXPECT_FALSE(bad_language);
  EXPECT_EQ(count("SELECT count(*) FROM account"), before + 1);
}

TEST_F(AccountsTest, EveryDemoAccountSignsInAndLandsOnItsRolesStartPage) {
  const std::vector<std::pair<std::string, std::string>> demo = {{"aase.bjornstad@student.fjordland.example", "/my-exchange"},
                                                                 {"per.saether@fjordland.example", "/coordinator"},
                                                                 {"ingrid.haugland@fjordland.example", "/admin"},
                                                                 {"terje.lund@fjordland.example", "/operator"}};
  for (const auto& [email, start] : demo) {
    auto result = login_.attempt(*connection_, email, "mobility-demo", "192.0.2.50");
    ASSERT_TRUE(result) << result.status().to_string();
    ASSERT_EQ(result->outcome, LoginOutcome::kSignedIn) << email;
    EXPECT_EQ(start_path(actor_from(*result->account)), start) << email;
  }
  ASSERT_TRUE(db::seed_demo(*connection_)) << "seeding again changes nothing";
  EXPECT_EQ(count("SELECT count(*) FROM account_role"), 4);
}

TEST_F(AccountsTest, LoginStartsASessionThatTheCookieFindsUntilLogout) {
  int64_t id = add_account("aase@fjordland.example", "riktig passord");
  auto result = login_.attempt(*connection_, "AASE@fjordland.example", "riktig passord", "192.0.2.7");
  ASSERT_TRUE(result) << result.status().to_string();
  ASSERT_EQ(result->outcome, LoginOutcome::kSignedIn);
  ASSERT_TRUE(result->session);
  EXPECT_EQ(result->session->account_id, id);
  EXPECT_EQ(result->session->id.size(), 43u) << "256 random bits, base64url";
  EXPECT_EQ(
      count("SELECT count(*) FROM web_session WHERE session_hash = decode('" + to_hex(sha256(result->session->id)) + "', 'hex')"),
      1)
      << "only the hash is stored";
  auto found = sessions_.find(*connection_, with_session_cookie(*result->session));
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->session.csrf_token, result->session->csrf_token);
  EXPECT_EQ((*found)->account.email, "aase@fjordland.example") << "the account comes with the session";

  auto second = login_.attempt(*connection_, "aase@fjordland.example", "riktig passord", "192.0.2.7");
  ASSERT_TRUE(second && second->session);
  EXPECT_NE(second->session->id, result->session->id) << "every login gets a new id";

  ASSERT_TRUE(sessions_.end(*connection_, *result->session));
  EXPECT_FALSE(sessions_.find(*connection_, with_session_cookie(*result->session))->has_value());
  EXPECT_TRUE(sessions_.find(*connection_, with_session_cookie(*second->session))->has_value());
  EXPECT_EQ(sessions_.end_all(*connection_, id).value(), 1);
  EXPECT_FALSE(sessions_.find(*connection_, with_session_cookie(*second->session))->has_value());
  EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action = 'login' AND account_id = " + std::to_string(id)), 2);
}

TEST_F(AccountsTest, SessionsEndWhenIdleTooLongTooOldOrTheAccountIsDisabled) {
  int64_t id = add_account("maria@fjordland.example", "pw");
  auto idle = sessions_.start(*connection_, id).value();
  auto old = sessions_.start(*connection_, id).value();
  auto fresh = sessions_.start(*connection_, id).value();
  ASSERT_TRUE(
      connection_->exec("UPDATE web_session SET last_seen_at = now() - interval '31 minutes' "
                        "WHERE session_hash = decode($1, 'hex')",
                        {to_hex(sha256(idle.id))}));
  ASSERT_TRUE(
      connection_->exec("UPDATE web_session SET created_at = now() - interval '13 hours' "
                        "WHERE session_hash = decode($1, 'hex')",
                        {to_hex(sha256(old.id))}));
  EXPECT_FALSE(sessions_.find(*connection_, with_session_cookie(idle))->has_value());
  EXPECT_FALSE(sessions_.find(*connection_, with_session_cookie(old))->has_value());
  EXPECT_TRUE(sessions_.find(*connection_, with_session_cookie(fresh))->has_value());
  ASSERT_TRUE(db::set_account_disabled(*connection_, id, true));
  EXPECT_FALSE(sessions_.find(*connection_, with_session_cookie(fresh))->has_value());
  http::Request forged;
  forged.headers.emplace_back("Cookie", Sessions::cookie_name(forged) + "=" + random_token());
  EXPECT_FALSE(sessions_.find(*connection_, forged)->has_value());
}

TEST_F(AccountsTest, SessionsTrustAConfirmedSessionForTwoSecondsUnlessThisProcessChangedTheAccount) {
  Sessions cached{SessionSettings{}};
  int64_t id = add_account("kari@fjordland.example", "pw");
  auto session = cached.start(*connection_, id).value();
  ASSERT_TRUE(cached.find(*connection_, with_session_cookie(session))->has_value());
  ASSERT_TRUE(db::set_account_disabled(*connection_, id, true));  // as `mobility users disable` does, elsewhere
  EXPECT_TRUE(cached.find(*connection_, with_session_cookie(session))->has_value()) << "trusted for up to two seconds";
  cached.account_changed(id);
  EXPECT_FALSE(cached.find(*connection_, with_session_cookie(session))->has_value()) << "a change here is seen at once";
  ASSERT_TRUE(db::set_account_disabled(*connection_, id, false));
  ASSERT_TRUE(cached.find(*connection_, with_session_cookie(session))->has_value());
  ASSERT_TRUE(db::set_account_disabled(*connection_, id, true));
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  EXPECT_FALSE(cached.find(*connection_, with_session_cookie(session))->has_value()) << "and elsewhere within two seconds";
}

TEST_F(AccountsTest, WrongPasswordsUnknownEmailsAndDisabledAccountsAreRefusedAlike) {
  int64_t id = add_account("jonas@fjordland.example", "pw");
  EXPECT_EQ(login_.attempt(*connection_, "jonas@fjordland.example", "wrong", "192.0.2.1")->outcome, LoginOutcome::kRefused);
  EXPECT_EQ(login_.attempt(*connection_, "nobody@fjordland.example", "pw", "192.0.2.1")->outcome, LoginOutcome::kRefused);
  ASSERT_TRUE(db::set_account_disabled(*connection_, id, true));
  EXPECT_EQ(login_.attempt(*connection_, "jonas@fjordland.example", "pw", "192.0.2.1")->outcome, LoginOutcome::kRefused);
  EXPECT_EQ(count("SELECT count(*) FROM web_session"), 0);
}

TEST_F(AccountsTest, RepeatedFailuresThrottleTheAccountAndTheAddress) {
  add_account("oyvind@fjordland.example", "pw");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(login_.attempt(*connection_, "oyvind@fjordland.example", "guess", "192.0.2.2")->outcome, LoginOutcome::kRefused);
  }
  EXPECT_EQ(login_.attempt(*connection_, "oyvind@fjordland.example", "pw", "198.51.100.9")->outcome, LoginOutcome::kThrottled)
      << "even the right password, from elsewhere, waits for the window";
  ASSERT_TRUE(connection_->exec("UPDATE login_failure SET failed_at = now() - interval '16 minutes'"));
  EXPECT_EQ(login_.attempt(*connection_, "oyvind@fjordland.example", "pw", "198.51.100.9")->outcome, LoginOutcome::kSignedIn);

  Login strict(sessions_, {100, 3, std::chrono::minutes(15)});
  for (const char* email : {"a@x.example", "b@x.example", "c@x.example"}) {
    EXPECT_EQ(strict.attempt(*connection_, email, "x", "203.0.113.5")->outcome, LoginOutcome::kRefused);
  }
  EXPECT_EQ(strict.attempt(*connection_, "oyvind@fjordland.example", "pw", "203.0.113.5")->outcome, LoginOutcome::kThrottled)
      << "one address trying many accounts";
}

TEST_F(AccountsTest, ResetTokensWorkOnceAndExpire) {
  int64_t id = add_account("ingrid@fjordland.example", "pw");
  std::string token = random_token();
  ASSERT_TRUE(db::insert_password_reset(*connection_, sha256(token), id, std::chrono::hours(1)));
  EXPECT_EQ(db::consume_password_reset(*connection_, sha256(token)).value(), id);
  EXPECT_EQ(db::consume_password_reset(*connection_, sha256(token)).value(), std::nullopt) << "used up";
  std::string expired = random_token();
  ASSERT_TRUE(db::insert_password_reset(*connection_, sha256(expired), id, std::chrono::seconds(0)));
  EXPECT_EQ(db::consume_password_reset(*connection_, sha256(expired)).value(), std::nullopt);
}

TEST_F(AccountsTest, AuditEventsAreListedNewestFirstPerHei) {
  ASSERT_TRUE(db::record_audit_event(*connection_, {std::nullopt, "operator (command line)", "operator", std::nullopt,
                                                    "account_created", "account:1", std::nullopt, ""}));
  ASSERT_TRUE(db::record_audit_event(*connection_, {std::nullopt, "kari@fjordland.example", "io_admin", "fjordland.example",
                                                    "role_added", "account:2", "coordinator", ""}));
  auto all = db::list_audit_events(*connection_, std::nullopt, 10);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->front().action, "role_added");
  EXPECT_EQ(all->front().at.size(), 20u);
  auto hei = db::list_audit_events(*connection_, std::string("fjordland.example"), 10);
  ASSERT_EQ(hei->size(), 1u);
  EXPECT_FALSE(db::record_audit_event(
      *connection_, {std::nullopt, "x", std::nullopt, std::nullopt, "Bad Action", std::nullopt, std::nullopt, ""}));
}

}  // namespace
}  // namespace mobility::portal
