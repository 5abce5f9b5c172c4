// Accounts without a database: password hashing, the authorization rules table, cookies and CSRF.
#include <gtest/gtest.h>

#include <set>

#include "http/forwarding.hpp"
#include "portal/accounts/authorization.hpp"
#include "portal/accounts/cookies.hpp"
#include "portal/accounts/csrf.hpp"
#include "portal/accounts/login.hpp"
#include "portal/accounts/password_hash.hpp"

namespace mobility::portal {
namespace {

constexpr ScryptCost kCheap{10, 8, 1};  // fast for tests; the format and checks are the same

TEST(PasswordHash, VerifiesTheRightPasswordOnly) {
  auto stored = hash_password("korrekt hest batteri stift", kCheap);
  ASSERT_TRUE(stored);
  EXPECT_TRUE(stored->starts_with("scrypt$10$8$1$"));
  EXPECT_TRUE(verify_password("korrekt hest batteri stift", *stored));
  EXPECT_FALSE(verify_password("korrekt hest batteri stifT", *stored));
  EXPECT_FALSE(verify_password("", *stored));
  EXPECT_EQ(stored->find("korrekt"), std::string::npos);
}

TEST(PasswordHash, ReproducesTheRfc7914TestVector) {
  // scrypt("password", "NaCl", N = 1024, r = 8, p = 16): the first 32 bytes of RFC 7914 §12's answer.
  const std::string stored = "scrypt$10$8$16$4e61436c$fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162";
  EXPECT_TRUE(verify_password("password", stored));
  EXPECT_FALSE(verify_password("Password", stored));
}

TEST(PasswordHash, EveryHashHasItsOwnSalt) {
  auto first = hash_password("same", kCheap), second = hash_password("same", kCheap);
  ASSERT_TRUE(first && second);
  EXPECT_NE(*first, *second);
  EXPECT_TRUE(verify_password("same", *first) && verify_password("same", *second));
}

TEST(PasswordHash, MalformedOrTamperedValuesNeverVerify) {
  auto stored = hash_password("secret", kCheap);
  ASSERT_TRUE(stored);
  std::string tampered = *stored;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  for (const std::string& bad :
       {tampered, std::string(""), std::string("secret"), std::string("scrypt$10$8$1$zz$00"),
        std::string("scrypt$99$8$1$00$") + std::string(64, '0'), std::string("bcrypt$10$8$1$00$") + std::string(64, '0')}) {
    EXPECT_FALSE(verify_password("secret", bad)) << bad;
  }
}

TEST(PasswordHash, DefaultCostIsScryptN32768AndWeakerHashesAreUpgraded) {
  auto strong = hash_password("pw");
  ASSERT_TRUE(strong);
  EXPECT_TRUE(strong->starts_with("scrypt$15$8$1$"));
  EXPECT_TRUE(verify_password("pw", *strong));
  EXPECT_FALSE(needs_rehash(*strong));
  EXPECT_TRUE(needs_rehash(hash_password("pw", kCheap).value()));
}

Actor actor(std::vector<Grant> grants) { return {1, std::move(grants)}; }

const Grant kStudentAase{Role::kStudent, "fjordland.example", std::nullopt, "stud-aase"};
const Grant kCoordinatorMn{Role::kCoordinator, "fjordland.example", "ou-mn", std::nullopt};
const Grant kCoordinatorHei{Role::kCoordinator, "fjordland.example", std::nullopt, std::nullopt};
const Grant kAdmin{Role::kIoAdmin, "fjordland.example", std::nullopt, std::nullopt};
const Grant kOperator{Role::kOperator, std::nullopt, std::nullopt, std::nullopt};

const Scope kOwnRecord{"fjordland.example", {"ou-mn-ifi", "ou-mn", "ou-uif"}, "stud-aase"};
const Scope kOtherStudentMn{"fjordland.example", {"ou-mn", "ou-uif"}, "stud-jonas"};
const Scope kOtherUnit{"fjordland.example", {"ou-hf", "ou-uif"}, "stud-maria"};
const Scope kOtherHei{"uni-other.example", {}, "stud-x"};
const Scope kHei{"fjordland.example", {}, std::nullopt};

struct Rule {
  Grant grant;
  Action action;
  Scope scope;
  bool expected;
};

TEST(Authorization, RulesTable) {
  const std::vector<Rule> rules = {
      {kStudentAase, Action::kViewOwnExchange, kOwnRecord, true},
      {kStudentAase, Action::kViewStudent, kOwnRecord, true},
      {kStudentAase, Action::kViewStudent, kOtherStudentMn, false},
      {kStudentAase, Action::kViewOwnExchange, kOtherHei, false},
      {kStudentAase, Action::kHandleAgreements, kHei, false},
      {kStudentAase, Action::kManageUsers, kHei, false},
      {kStudentAase, Action::kViewNodeStatus, {}, false},
      {kCoordinatorMn, Action::kViewStudent, kOtherStudentMn, true},
      {kCoordinatorMn, Action::kViewStudent, kOwnRecord, true},  // a unit below MN
      {kCoordinatorMn, Action::kViewStudent, kOtherUnit, false},
      {kCoordinatorMn, Action::kHandleAgreements, {"fjordland.example", {"ou-mn", "ou-uif"}, std::nullopt}, true},
      {kCoordinatorMn, Action::kHandleAgreements, kHei, false},
      {kCoordinatorMn, Action::kApproveAgreement, {"fjordland.example", {"ou-mn", "ou-uif"}, std::nullopt}, false},
      {kCoordinatorHei, Action::kViewStudent, kOtherUnit, true},
      {kCoordinatorHei, Action::kHandleAgreements, kHei, true},
      {kCoordinatorHei, Action::kViewStudent, kOtherHei, false},
      {kCoordinatorHei, Action::kManageUsers, kHei, false},
      {kCoordinatorHei, Action::kViewAuditLog, kHei, false},
      {kCoordinatorHei, Action::kViewOwnExchange, kOwnRecord, false},
      {kAdmin, Action::kApproveAgreement, kHei, true},
      {kAdmin, Action::kHandleAgreements, kHei, true},
      {kAdmin, Action::kViewStudent, kOtherUnit, true},
      {kAdmin, Action::kManageUsers, kHei, true},
      {kAdmin, Action::kViewAuditLog, kHei, true},
      {kAdmin, Action::kManageUsers, kOtherHei, false},
      {kAdmin, Action::kViewNodeStatus, kHei, false},
      {kAdmin, Action::kViewOwnExchange, kOwnRecord, false},
      {kOperator, Action::kViewNodeStatus, {}, true},
      {kOperator, Action::kManageUsers, kOtherHei, true},
      {kOperator, Action::kViewAuditLog, kHei, true},
      {kOperator, Action::kViewStudent, kOwnRecord, false},
      {kOperator, Action::kHandleAgreements, kHei, false},
      {kOperator, Action::kApproveAgreement, kHei, false},
      {kStudentAase, Action::kViewDestinations, kHei, true},
      {kStudentAase, Action::kViewDestinations, kOtherHei, false},
      {kStudentAase, Action::kEditAgreementInformation, kHei, false},
      {kStudentAase, Action::kReviewAgreementInformation, kHei, false},
      {kStudentAase, Action::kEditFactsheet, kHei, false},
      {kCoordinatorMn, Action::kViewDestinations, kHei, true},
      {kCoordinatorMn, Action::kEditAgreementInformation, kHei, true},  // a destination is the HEI's
      {kCoordinatorMn, Action::kEditAgreementInformation, kOtherHei, false},
      {kCoordinatorMn, Action::kReviewAgreementInformation, kHei, false},
      {kCoordinatorHei, Action::kEditFactsheet, kHei, false},
      {kAdmin, Action::kViewDestinations, kHei, true},
      {kAdmin, Action::kEditAgreementInformation, kHei, true},
      {kAdmin, Action::kReviewAgreementInformation, kHei, true},
      {kAdmin, Action::kReviewAgreementInformation, kOtherHei, false},
      {kAdmin, Action::kEditFactsheet, kHei, true},
      {kAdmin, Action::kEditFactsheet, kOtherHei, false},
      {kOperator, Action::kViewDestinations, kHei, false},
      {kOperator, Action::kReviewAgreementInformation, kHei, false},
      {kOperator, Action::kEditFactsheet, kHei, false},
  };
  for (size_t i = 0; i < rules.size(); ++i) {
    EXPECT_EQ(allowed(actor({rules[i].grant}), rules[i].action, rules[i].scope), rules[i].expected) << "rule " << i;
  }
  EXPECT_FALSE(allowed(actor({}), Action::kViewNodeStatus, {})) << "no grant, no access";
  EXPECT_TRUE(allowed(actor({kStudentAase, kOperator}), Action::kViewNodeStatus, {})) << "any grant may allow";
}

TEST(Authorization, StartPageFollowsTheStrongestRole) {
  EXPECT_EQ(start_path(actor({kStudentAase})), "/my-exchange");
  EXPECT_EQ(start_path(actor({kCoordinatorMn})), "/coordinator");
  EXPECT_EQ(start_path(actor({kOperator})), "/operator");
  EXPECT_EQ(start_path(actor({kStudentAase, kAdmin, kCoordinatorMn})), "/admin");
  EXPECT_EQ(start_path(actor({})), "/my-stay");
  for (Role role : {Role::kStudent, Role::kCoordinator, Role::kIoAdmin, Role::kOperator}) {
    EXPECT_EQ(role_from_name(role_name(role)), role);
  }
  EXPECT_EQ(role_from_name("admin"), std::nullopt);
}

http::Request with_cookies(const std::string& header) {
  http::Request request;
  request.headers.emplace_back("Cookie", header);
  return request;
}

TEST(Cookies, ReadsTheNamedCookieAmongOthers) {
  auto request = with_cookies("a=1; mobility_session=abc_-9;other=\"quoted\"");
  EXPECT_EQ(cookie_value(request, "mobility_session"), "abc_-9");
  EXPECT_EQ(cookie_value(request, "other"), "quoted");
  EXPECT_EQ(cookie_value(request, "a"), "1");
  EXPECT_EQ(cookie_value(request, "mobility"), std::nullopt);
  EXPECT_EQ(cookie_value(with_cookies(";;=x; broken"), "broken"), std::nullopt);
  EXPECT_EQ(set_cookie_value("n", "v", {true, true, "Lax", std::chrono::seconds(0)}),
            "n=v; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
}

TEST(Csrf, SignedOutFormsRepeatTheirCookieAndSignedInFormsTheSessionToken) {
  auto fresh = csrf_token_for(http::Request{}, std::nullopt);
  ASSERT_TRUE(fresh.set_cookie);
  EXPECT_EQ(fresh.value.size(), 43u);
  EXPECT_TRUE(fresh.set_cookie->starts_with("mobility_csrf=" + fresh.value + "; Path=/; HttpOnly; SameSite=Lax"));
  auto returning = with_cookies("mobility_csrf=" + fresh.value);
  EXPECT_EQ(csrf_token_for(returning, std::nullopt).value, fresh.value);
  EXPECT_FALSE(csrf_token_for(returning, std::nullopt).set_cookie);
  EXPECT_TRUE(csrf_accepts(returning, std::nullopt, fresh.value));
  EXPECT_FALSE(csrf_accepts(returning, std::nullopt, ""));
  EXPECT_FALSE(csrf_accepts(returning, std::nullopt, fresh.value.substr(1) + "A"));
  EXPECT_FALSE(csrf_accepts(http::Request{}, std::nullopt, fresh.value)) << "no cookie, no match";

  ActiveSession session{"id", 7, "session-token-0123456789012345678901234567"};
  EXPECT_EQ(csrf_token_for(returning, session).value, session.csrf_token);
  EXPECT_TRUE(csrf_accepts(returning, session, session.csrf_token));
  EXPECT_FALSE(csrf_accepts(returning, session, fresh.value)) << "signed in, the cookie token no longer counts";
}

TEST(Cookies, SecureOnlyOverHttpsThroughTheTrustedProxy) {
  const std::vector<std::string> trusted = {"127.0.0.2"};
  http::Request via_nginx;
  via_nginx.peer_address = "127.0.0.2";
  via_nginx.headers.emplace_back("X-Forwarded-Proto", "https");
  via_nginx.headers.emplace_back("X-Forwarded-For", "198.51.100.7, 203.0.113.1");
  http::resolve_client(via_nginx, trusted);
  EXPECT_TRUE(secure_channel(via_nginx));
  EXPECT_EQ(client_address(via_nginx), "203.0.113.1") << "the address our proxy saw: the last one";
  EXPECT_EQ(csrf_token_for(via_nginx, std::nullopt).set_cookie->substr(0, 21), "__Host-mobility-csrf=");
  EXPECT_NE(csrf_token_for(via_nginx, std::nullopt).set_cookie->find("; Secure"), std::string::npos);
  EXPECT_EQ(Sessions::cookie_name(via_nginx), "__Host-mobility");
  for (const char* peer : {"203.0.113.9", "127.0.0.1"}) {  // a remote client, or one on the node's direct port
    http::Request forged = via_nginx;
    forged.peer_address = peer;
    http::resolve_client(forged, trusted);
    EXPECT_FALSE(secure_channel(forged)) << peer;
    EXPECT_EQ(client_address(forged), peer) << "its X-Forwarded-For is not believed";
    EXPECT_EQ(Sessions::cookie_name(forged), "mobility_session");
  }
}

}  // namespace
}  // namespace mobility::portal
