// The web foundation over real loopback HTTP with real PostgreSQL: login per demo role, start
// pages, 403 and 404 pages, CSRF refusals, the language switch, escaping and hostile input.
#include <gtest/gtest.h>

#include "base/secure_random.hpp"
#include "base/sha256.hpp"
#include "db/accounts.hpp"
#include "db/password_resets.hpp"
#include "db/registry_catalogues.hpp"
#include "portal/accounts/password_hash.hpp"
#include "tests/support/portal_server.hpp"

namespace mobility::portal {
namespace {

using testing::contains;
using testing::Visit;

class PortalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    portal_.start();
    base_ = portal_.base();
  }

  int64_t count(const std::string& sql) { return portal_.count(sql); }

  testing::PortalServer portal_;
  std::string base_;
};

TEST_F(PortalTest, LoginPageInBothLanguagesWithLabelsAndACsrfCookie) {
  Visit english(base_, "en-GB,en;q=0.9");
  auto page = english.get("/login");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(page.body, "<label for=\"email\">Email address</label>"));
  EXPECT_TRUE(contains(page.body, "<main id=\"main\""));
  EXPECT_EQ(english.csrf().size(), 43u);
  EXPECT_EQ(english.cookies["mobility_csrf"], english.csrf());
  Visit norwegian(base_, "nb-NO,nb;q=0.9,en;q=0.5");
  auto side = norwegian.get("/login");
  EXPECT_TRUE(contains(side.body, "<html lang=\"nb\">"));
  EXPECT_TRUE(contains(side.body, "<label for=\"email\">E-postadresse</label>"));
  EXPECT_EQ(page.header("Cache-Control"), "no-store");
  EXPECT_FALSE(contains(page.body, "role=\"alert\"")) << "nothing to announce before the form is sent";
}

TEST_F(PortalTest, EachDemoRoleLandsOnItsOwnStartPageWithRealData) {
  const std::vector<std::tuple<std::string, std::string, std::vector<std::string>>> roles = {
      // Each page is in the account's language (Ingrid chose English, the others bokmål).
      {"aase.bjornstad@student.fjordland.example",
       "/my-exchange",
       {"Min utveksling", "Åse Bjørnstad", "Universitetet i Fjordland"}},
      {"per.saether@fjordland.example",
       "/coordinator",
       {"Avtaler og studenter", "Universitetet i Fjordland, Det matematisk-naturvitenskapelige fakultet", "Bjørnstad, Åse",
        "Eriksen, Jonas"}},
      {"ingrid.haugland@fjordland.example", "/admin", {"Users and audit log", "per.saether@fjordland.example", "<td>login</td>"}},
      {"terje.lund@fjordland.example",
       "/operator",
       {"Nodestatus", "fjordland.example (Universitetet i Fjordland)", "Ingen kopi av registerkatalogen ennå."}}};
  for (const auto& [email, start, expected] : roles) {
    Visit visit(base_);
    auto login = visit.log_in(email, "mobility-demo");
    EXPECT_EQ(login.status, 303) << email << login.body;
    EXPECT_EQ(login.header("Location"), start);
    EXPECT_TRUE(visit.cookies.count("mobility_session")) << "HttpOnly SameSite=Lax session cookie";
    auto page = visit.get(start);
    EXPECT_EQ(page.status, 200) << email;
    for (const auto& text : expected) EXPECT_TRUE(contains(page.body, text)) << email << " misses " << text;
    EXPECT_FALSE(contains(page.body, "Hansen, Maria")) << "a unit coordinator sees only the unit's students";
    EXPECT_EQ(visit.get("/login").header("Location"), start) << "signed in, /login leads home";
  }
}

TEST_F(PortalTest, AStudentCannotOpenOtherRolesPagesAndVisitorsAreSentToLogin) {
  Visit student(base_);
  student.log_in("aase.bjornstad@student.fjordland.example", "mobility-demo");
  for (const std::string path : {"/coordinator", "/admin", "/operator", "/partners"}) {
    auto page = student.get(path);
    EXPECT_EQ(page.status, 403) << path;
    EXPECT_TRUE(contains(page.body, "<h1>Ingen tilgang</h1>")) << page.body;
  }
  Visit anonymous(base_);
  auto page = anonymous.get("/my-exchange");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.header("Location"), "/login");
}

TEST_F(PortalTest, WrongPasswordIsAReadableErrorThatKeepsTheEmail) {
  Visit visit(base_);
  auto page = visit.log_in("per.saether@fjordland.example", "not-the-password");
  EXPECT_EQ(page.status, 401);
  EXPECT_TRUE(contains(page.body, "role=\"alert\">Wrong email address or password.</p>"));
  EXPECT_TRUE(contains(page.body, "value=\"per.saether@fjordland.example\""));
  EXPECT_FALSE(contains(page.body, "not-the-password"));
  EXPECT_FALSE(visit.cookies.count("mobility_session"));
  EXPECT_EQ(testing::occurrences(page.body, "role=\"alert\""), 1u) << "only the form's message is announced";
  auto empty = visit.post("/login", {{"csrf", visit.csrf()}, {"email", ""}, {"password", ""}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_TRUE(contains(empty.body, "id=\"email-error\" role=\"alert\">Please fill in this field."));
  EXPECT_TRUE(contains(empty.body, "aria-invalid=\"true\" aria-describedby=\"password-error\""));
}

TEST_F(PortalTest, PostsWithoutTheCsrfTokenAreRefusedAndChangeNothing) {
  Visit visit(base_);
  visit.get("/login");
  auto login = visit.post("/login", {{"email", "per.saether@fjordland.example"}, {"password", "mobility-demo"}});
  EXPECT_EQ(login.status, 403);
  EXPECT_TRUE(contains(login.body, "nothing was changed"));
  auto forged = visit.post(
      "/login", {{"csrf", std::string(43, 'A')}, {"email", "per.saether@fjordland.example"}, {"password", "mobility-demo"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(count("SELECT count(*) FROM web_session"), 0);

  visit.log_in("per.saether@fjordland.example", "mobility-demo");
  visit.get("/coordinator");
  auto logout = visit.post("/logout", {{"csrf", "wrong"}});
  EXPECT_EQ(logout.status, 403);
  EXPECT_EQ(visit.get("/coordinator").status, 200) << "still signed in";
  EXPECT_EQ(visit.post("/language", {{"lang", "en"}, {"return_to", "/"}}).status, 403);
  EXPECT_EQ(count("SELECT count(*) FROM account WHERE language = 'nb' AND email = 'per.saether@fjordland.example'"), 1)
      << "the account that posted keeps its language";
}

TEST_F(PortalTest, LanguageSwitchIsRememberedForTheAccountAndOnlyReturnsToOurPages) {
  Visit visit(base_, "en");
  visit.log_in("aase.bjornstad@student.fjordland.example", "mobility-demo");  // her account says nb
  EXPECT_TRUE(contains(visit.get("/my-exchange").body, "Min utveksling"));
  auto switched = visit.post("/language", {{"csrf", visit.csrf()}, {"lang", "en"}, {"return_to", "/my-exchange"}});
  EXPECT_EQ(switched.status, 303);
  EXPECT_EQ(switched.header("Location"), "/my-exchange");
  EXPECT_TRUE(contains(visit.get("/my-exchange").body, "<h1>My exchange</h1>"));
  EXPECT_EQ(count("SELECT count(*) FROM account WHERE language = 'en' AND email LIKE 'aase%'"), 1);
  auto away = visit.post("/language", {{"csrf", visit.csrf()}, {"lang", "nb"}, {"return_to", "//evil.example/x"}});
  EXPECT_EQ(away.header("Location"), "/");
}

TEST_F(PortalTest, NynorskIsRememberedForTheAccountAndSpokenByEveryPage) {
  Visit visit(base_, "nb");
  visit.log_in("aase.bjornstad@student.fjordland.example", "mobility-demo");
  EXPECT_TRUE(contains(visit.get("/my-exchange").body, "<h1>Min utveksling</h1>"));
  auto switched = visit.post("/language", {{"csrf", visit.csrf()}, {"lang", "nn"}, {"return_to", "/my-exchange"}});
  EXPECT_EQ(switched.status, 303);
  EXPECT_NE(switched.header("Set-Cookie").find("lang=nn"), std::string::npos);
  auto page = visit.get("/my-exchange");
  EXPECT_TRUE(contains(page.body, "<html lang=\"nn\">"));
  EXPECT_TRUE(contains(page.body, "<h1>Utvekslinga mi</h1>")) << page.body;
  EXPECT_TRUE(contains(page.body, "<option value=\"nn\" lang=\"nn\" selected>Norsk (nynorsk)</option>"));
  EXPECT_EQ(count("SELECT count(*) FROM account WHERE language = 'nn' AND email LIKE 'aase%'"), 1);

  Visit anonymous(base_, "nn-NO,nn;q=0.9");
  EXPECT_TRUE(contains(anonymous.get("/login").body, "<html lang=\"nn\">")) << "Accept-Language: nn";
}

TEST_F(PortalTest, TheAccessibilityStatementIsPublicInEveryLanguageAndLinkedFromEveryPage) {
  struct Expected {
    const char* accept_language;
    const char* lang;
    const char* title;
  };
  for (Expected expected : {Expected{"nb", "nb", "Tilgjengelighetserklæring"}, Expected{"nn", "nn", "Tilgjengelegheitserklæring"},
                            Expected{"en", "en", "Accessibility statement"}}) {
    Visit visit(base_, expected.accept_language);
    auto statement = visit.get("/accessibility");
    EXPECT_EQ(statement.status, 200) << expected.lang;
    EXPECT_TRUE(contains(statement.body, std::string("<html lang=\"") + expected.lang + "\">"));
    EXPECT_TRUE(contains(statement.body, std::string("<h1>") + expected.title + "</h1>")) << expected.lang;
    EXPECT_TRUE(contains(statement.body, "WCAG 2.1"));
    EXPECT_TRUE(contains(statement.body, "<a href=\"mailto:ewp-admin@fjordland.example\">"));
    EXPECT_TRUE(contains(statement.body, "<a href=\"https://www.uutilsynet.no/\">"));
    EXPECT_TRUE(contains(statement.body, "<time datetime=\"2026-12-07\">"));
    EXPECT_TRUE(contains(statement.body, "PDF"));
    for (const char* path : {"/", "/login"}) {
      EXPECT_TRUE(contains(visit.get(path).body, std::string("<a href=\"/accessibility\">") + expected.title + "</a>"))
          << path << " in " << expected.lang;
    }
  }
  auto student = testing::signed_in(base_, "aase.bjornstad@student.fjordland.example");
  EXPECT_TRUE(contains(student->get("/my-exchange").body, "<a href=\"/accessibility\">"));
  EXPECT_EQ(student->get("/accessibility").status, 200) << "signed in too";
}

TEST_F(PortalTest, LogoutEndsTheSessionAndLogoutEverywhereEndsAll) {
  Visit first(base_), second(base_);
  first.log_in("ingrid.haugland@fjordland.example", "mobility-demo");
  second.log_in("ingrid.haugland@fjordland.example", "mobility-demo");
  first.get("/admin");
  second.get("/admin");
  auto out = first.post("/logout", {{"csrf", first.csrf()}});
  EXPECT_EQ(out.status, 303);
  EXPECT_FALSE(first.cookies.count("mobility_session"));
  EXPECT_EQ(first.get("/admin").status, 303);
  EXPECT_EQ(second.get("/admin").status, 200);
  auto everywhere = second.post("/logout", {{"csrf", second.csrf()}, {"everywhere", "1"}});
  EXPECT_EQ(everywhere.status, 303);
  EXPECT_EQ(count("SELECT count(*) FROM web_session"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action IN ('logout', 'logout_everywhere')"), 2);
}

TEST_F(PortalTest, ANameWithMarkupIsShownAsText) {
  {
    auto connection = portal_.pool().acquire();
    auto id = db::create_account(**connection, {"mallory@fjordland.example", "<script>alert('x')</script>", "en",
                                                hash_password("mallory-password", {10, 8, 1}).value()});
    ASSERT_TRUE(id);
    ASSERT_TRUE(db::add_account_role(**connection, *id, {"io_admin", "fjordland.example", std::nullopt, std::nullopt}));
  }
  Visit visit(base_);
  auto login = visit.log_in("mallory@fjordland.example", "mallory-password");
  EXPECT_EQ(login.status, 303);
  auto page = visit.get("/admin");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;")) << page.body;
  EXPECT_FALSE(contains(page.body, "<script>"));
}

TEST_F(PortalTest, HostileFormInputIsARefusalThatStoresNothing) {
  Visit visit(base_);
  visit.get("/login");
  for (const std::string& email :
       {std::string("caf\xe9@x.example"), std::string(100000, 'a'), std::string("' OR 1=1; DROP TABLE account; --")}) {
    auto page = visit.post("/login", {{"csrf", visit.csrf()}, {"email", email}, {"password", "x"}});
    EXPECT_TRUE(page.status == 400 || page.status == 401) << page.status;
    EXPECT_TRUE(contains(page.body, "role=\"alert\"")) << "a readable message";
  }
  EXPECT_EQ(count("SELECT count(*) FROM login_failure"), 2)
      << "only the well-formed attempt counts (once for its account, once for its address)";
  EXPECT_EQ(count("SELECT count(*) FROM account"), 4);
}

// Every kind of answer the site gives: pages, the style sheet, 404, 403 (a POST without its
// token), 405, for visitors and signed-in staff.
TEST_F(PortalTest, EveryAnswerOfTheSiteCarriesTheSecurityHeaders) {
  auto expect_headers = [](const testing::HttpReply& reply, const std::string& what) {
    EXPECT_EQ(reply.header("Content-Security-Policy"),
              "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
        << what;
    EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff") << what;
    EXPECT_EQ(reply.header("Referrer-Policy"), "same-origin") << what;
  };
  Visit visitor(base_, "en");
  for (const char* path : {"/", "/login", "/static/site.css", "/nowhere"}) expect_headers(visitor.get(path), path);
  auto forged = visitor.post("/login", {{"email", "a@b.example"}, {"password", "x"}});
  EXPECT_EQ(forged.status, 403);
  expect_headers(forged, "403");
  auto admin = testing::signed_in(base_, "ingrid.haugland@fjordland.example");
  for (const char* path : {"/admin", "/partners", "/agreements", "/agreements/nowhere"}) expect_headers(admin->get(path), path);
  testing::HttpClient client;
  auto wrong_method = client.request("PUT", base_ + "/agreements/any", "");
  ASSERT_TRUE(wrong_method);
  EXPECT_EQ(wrong_method->status, 405);
  expect_headers(*wrong_method, "405");
}

// A valid token does not make a POST from another site acceptable: the browser says where it
// comes from (Origin, Sec-Fetch-Site), and only this site's own pages may post.
TEST_F(PortalTest, ACrossSitePostIsRefusedEvenWithAValidToken) {
  auto admin = testing::signed_in(base_, "ingrid.haugland@fjordland.example");
  admin->get("/partners");
  std::string host = base_.substr(std::string("http://").size());
  auto post_from = [&](std::vector<std::string> browser_headers) {
    std::vector<std::string> headers = {"Content-Type: application/x-www-form-urlencoded",
                                        "Cookie: mobility_session=" + admin->cookies["mobility_session"]};
    headers.insert(headers.end(), browser_headers.begin(), browser_headers.end());
    testing::HttpClient client;
    auto reply = client.request("POST", base_ + "/language", "csrf=" + admin->csrf() + "&lang=nb&return_to=%2F", headers);
    EXPECT_TRUE(reply);
    return reply ? reply->status : 0;
  };
  EXPECT_EQ(post_from({"Origin: https://evil.example"}), 403);
  EXPECT_EQ(post_from({"Origin: null"}), 403);
  EXPECT_EQ(post_from({"Sec-Fetch-Site: cross-site"}), 403);
  EXPECT_EQ(post_from({"Sec-Fetch-Site: same-site"}), 403);
  EXPECT_EQ(count("SELECT count(*) FROM account WHERE email = 'ingrid.haugland@fjordland.example' AND language = 'nb'"), 0)
      << "nothing changed";
  EXPECT_EQ(post_from({"Origin: http://" + host, "Sec-Fetch-Site: same-origin"}), 303) << "the site's own page";
  EXPECT_EQ(post_from({}), 303) << "not a browser: the token alone decides";
}

TEST_F(PortalTest, TheHomePageOffersTheLoginFormAndSignedInTheStartPage) {
  Visit visit(base_, "en");
  auto home = visit.get("/");
  EXPECT_EQ(home.status, 200);
  EXPECT_TRUE(contains(home.body, "<form method=\"post\" action=\"/login\""));
  EXPECT_TRUE(contains(home.body, "University of Fjordland"));
  auto login = visit.post(
      "/login", {{"csrf", visit.csrf()}, {"email", "ingrid.haugland@fjordland.example"}, {"password", "mobility-demo"}});
  EXPECT_EQ(login.header("Location"), "/admin") << "the home page's form works";
  auto signed_in = visit.get("/");
  EXPECT_FALSE(contains(signed_in.body, "action=\"/login\""));
  EXPECT_TRUE(contains(signed_in.body, "<a href=\"/admin\">My start page</a>"));
}

TEST_F(PortalTest, AResetLinkSetsANewPasswordOnceAndEndsEverySession) {
  std::string token = random_token();
  {
    auto connection = portal_.pool().acquire();
    auto account = db::find_account_by_email(**connection, "per.saether@fjordland.example");
    ASSERT_TRUE(account && *account);
    ASSERT_TRUE(db::insert_password_reset(**connection, sha256(token), (*account)->account_id, std::chrono::hours(1)));
  }
  Visit elsewhere(base_);
  elsewhere.log_in("per.saether@fjordland.example", "mobility-demo");
  Visit visit(base_, "en");
  EXPECT_EQ(visit.get("/reset-password?token=" + token).status, 200);
  auto mismatch =
      visit.post("/reset-password",
                 {{"csrf", visit.csrf()}, {"token", token}, {"password", "a new password"}, {"repeat", "a new passwort"}});
  EXPECT_EQ(mismatch.status, 400);
  EXPECT_TRUE(contains(mismatch.body, "The two passwords are not the same."));
  auto done =
      visit.post("/reset-password",
                 {{"csrf", visit.csrf()}, {"token", token}, {"password", "a new password"}, {"repeat", "a new password"}});
  EXPECT_EQ(done.status, 200);
  EXPECT_TRUE(contains(done.body, "Your password is changed"));
  EXPECT_EQ(elsewhere.get("/coordinator").status, 303) << "earlier sessions are ended";
  EXPECT_EQ(Visit(base_).log_in("per.saether@fjordland.example", "mobility-demo").status, 401);
  EXPECT_EQ(Visit(base_).log_in("per.saether@fjordland.example", "a new password").status, 303);
  auto again = visit.get("/reset-password?token=" + token);
  EXPECT_EQ(again.status, 404);
  EXPECT_TRUE(contains(again.body, "This link is unknown, used or expired."));
  EXPECT_EQ(visit.get("/reset-password?token=made-up").status, 404);
  EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action = 'password_reset'"), 1);
}

TEST_F(PortalTest, UnknownPagesGetTheFriendly404AndTheStylesheetIsServed) {
  Visit visit(base_, "nb");
  auto missing = visit.get("/no/such/page");
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(contains(missing.body, "Fant ikke siden"));
  auto css = visit.get("/static/site.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_TRUE(contains(css.body, "@media print"));
}

}  // namespace
}  // namespace mobility::portal

namespace mobility::portal {
namespace {

class PartnerHealthTest : public PortalTest {
 protected:
  void exec(const std::string& sql) {
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection && (*connection)->exec_script(sql)) << sql;
  }
};

TEST_F(PartnerHealthTest, StaffAndTheOperatorSeeEachPartnersConnection) {
  exec(
      "INSERT INTO partner_contact (partner_hei_id, last_success_at, last_error_at, last_error) VALUES "
      "('lumiere-nord.example', '2026-11-30 10:00Z', '2026-12-01 09:15Z', 'lumiere-nord.example iia-cnr answered HTTP 503 <b>');"
      "INSERT INTO cnr_outbox (api, sender_hei_id, partner_hei_id, object_id, state) VALUES "
      "('iia-cnr', 'fjordland.example', 'lumiere-nord.example', 'a-1', 'pending'),"
      "('iia-cnr', 'fjordland.example', 'lumiere-nord.example', 'a-2', 'gave_up');");
  for (const std::string email :
       {"terje.lund@fjordland.example", "ingrid.haugland@fjordland.example", "per.saether@fjordland.example"}) {
    Visit visit(base_);
    visit.log_in(email, "mobility-demo");
    auto page = visit.get("/partners");
    ASSERT_EQ(page.status, 200) << email << page.body;
    // Each account's own language decides (the demo admin reads English, the others bokmål).
    EXPECT_TRUE(contains(page.body, "<h1>Partner connections</h1>") || contains(page.body, "<h1>Forbindelser til partnere</h1>"));
    EXPECT_TRUE(contains(page.body, "Lumière-Nord University"));
    EXPECT_TRUE(contains(page.body, "2026-12-01 09:15:00: lumiere-nord.example iia-cnr answered HTTP 503 &lt;b&gt;"))
        << page.body;
    EXPECT_TRUE(contains(page.body, "University of Pohjola"));
    EXPECT_FALSE(contains(page.body, "University of Fjordland")) << "hosted HEIs are not partners";
  }
  Visit anonymous(base_);
  EXPECT_EQ(anonymous.get("/partners").status, 303);
}

TEST_F(PartnerHealthTest, APartnerTheRegistryListsNoNodeForIsShownAsSuch) {
  exec(
      "INSERT INTO registry_catalogue (registry_url, body, fetched_at, expires_at) VALUES ('file:///old.xml', "
      "'<catalogue xmlns=\"https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1\"/>', "
      "now() - interval '1 day', now())");
  auto connection = portal_.pool().acquire();
  ASSERT_TRUE(connection);
  ASSERT_TRUE(db::save_cached_catalogue(
      **connection, {"file:///catalogue.xml",
                     "<catalogue xmlns=\"https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1\">"
                     "<institutions><hei id=\"pohjola.example\"/></institutions></catalogue>",
                     "", "", std::chrono::system_clock::now(), std::chrono::system_clock::now()}));
  Visit visit(base_, "en");
  visit.log_in("ingrid.haugland@fjordland.example", "mobility-demo");
  auto page = visit.get("/partners");
  ASSERT_EQ(page.status, 200) << page.body;
  auto row = [&](const std::string& hei_id) { return testing::partner_row(page.body, hei_id); };
  ASSERT_FALSE(row("lumiere-nord.example").empty()) << page.body;
  EXPECT_TRUE(contains(row("lumiere-nord.example"), "No EWP node")) << row("lumiere-nord.example");
  EXPECT_FALSE(contains(row("pohjola.example"), "No EWP node")) << "the newest catalogue lists it";
}

TEST_F(PartnerHealthTest, EachApisNotificationsUpdatesAndFetchesAreCountedPerPartner) {
  exec(
      "INSERT INTO cnr_outbox (api, sender_hei_id, partner_hei_id, object_id, state) VALUES "
      "('omobility-cnr', 'fjordland.example', 'pohjola.example', 'm-1', 'delivered'),"
      "('omobility-cnr', 'fjordland.example', 'pohjola.example', 'm-2', 'pending'),"
      "('omobility-las-update', 'fjordland.example', 'pohjola.example', 'm-3', 'conflict');"
      "INSERT INTO cnr_inbox (kind, partner_hei_id, object_id, state) VALUES "
      "('omobility-la', 'pohjola.example', 'm-3', 'done'), ('omobility-la', 'pohjola.example', 'm-4', 'gave_up');");
  Visit visit(base_, "en");
  visit.log_in("ingrid.haugland@fjordland.example", "mobility-demo");
  auto page = visit.get("/partners");
  ASSERT_EQ(page.status, 200) << page.body;
  for (const char* expected : {"sent <code>omobility-cnr</code>: 1 done, 1 waiting</div>",
                               "sent <code>omobility-las-update</code>: 0 done, 1 refused as outdated (409)</div>",
                               "fetched <code>omobility-la</code>: 1 done, 1 given up</div>"}) {
    EXPECT_TRUE(contains(page.body, expected)) << expected << "\n" << page.body;  // Ingrid reads English
  }
}

TEST_F(PartnerHealthTest, SendAgainMakesTheFailedNotificationsDueAndIsAudited) {
  exec(
      "INSERT INTO cnr_outbox (api, sender_hei_id, partner_hei_id, object_id, state, attempts, next_attempt_at) VALUES "
      "('iia-cnr', 'fjordland.example', 'lumiere-nord.example', 'a-2', 'gave_up', 9, now() + interval '1 day'),"
      "('iia-cnr', 'fjordland.example', 'pohjola.example', 'p-1', 'gave_up', 9, now() + interval '1 day');");
  Visit admin(base_);
  admin.log_in("ingrid.haugland@fjordland.example", "mobility-demo");
  admin.get("/partners");
  auto forged = admin.post("/partners/resend", {{"partner_hei_id", "lumiere-nord.example"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(count("SELECT count(*) FROM cnr_outbox WHERE state = 'pending'"), 0) << "a POST without the token changes nothing";
  auto resent = admin.post("/partners/resend", {{"csrf", admin.csrf()}, {"partner_hei_id", "lumiere-nord.example"}});
  EXPECT_EQ(resent.status, 303);
  EXPECT_EQ(resent.header("Location"), "/partners?resent=1");
  EXPECT_EQ(count("SELECT count(*) FROM cnr_outbox WHERE state = 'pending' AND attempts = 0 AND next_attempt_at <= now() "
                  "AND partner_hei_id = 'lumiere-nord.example'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM cnr_outbox WHERE state = 'gave_up' AND partner_hei_id = 'pohjola.example'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action = 'cnr_resent' AND record = 'partner:lumiere-nord.example'"), 1);
  EXPECT_TRUE(contains(admin.get("/partners?resent=1").body, "Notifications made due again: 1"));
  exec(
      "INSERT INTO reference_fetch (partner_hei_id, api, outcome, last_success_at) VALUES "
      "('pohjola.example', 'institutions', 'fetched', now()), ('pohjola.example', 'factsheet', 'fetched', now())");
  auto refreshed = admin.post("/partners/refresh", {{"csrf", admin.csrf()}, {"partner_hei_id", "pohjola.example"}});
  EXPECT_EQ(refreshed.status, 303);
  EXPECT_EQ(refreshed.header("Location"), "/partners?refreshing=1");
  EXPECT_EQ(count("SELECT count(*) FROM reference_fetch WHERE partner_hei_id = 'pohjola.example' AND requested"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action = 'reference_refresh_requested'"), 1);
}

TEST_F(PartnerHealthTest, APartnerTheRegistryListsCanBeAddedAndAnythingElseIsARefusalThatStoresNothing) {
  exec(
      "INSERT INTO registry_catalogue (registry_url, body, fetched_at, expires_at) VALUES ('file:///catalogue.xml', "
      "'<catalogue xmlns=\"https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1\"><institutions>"
      "<hei id=\"uni-b.example\"/><hei id=\"pohjola.example\"/><hei id=\"fjordland.example\"/></institutions></catalogue>', "
      "now(), now() + interval '1 hour')");
  Visit admin(base_);
  admin.log_in("ingrid.haugland@fjordland.example", "mobility-demo");
  auto page = admin.get("/partners");
  ASSERT_TRUE(contains(page.body, "action=\"/partners/add\"")) << page.body;
  int64_t heis = count("SELECT count(*) FROM hei");
  for (const auto& [typed, message] : std::vector<std::pair<std::string, std::string>>{
           {"Not a domain!", "An HEI id is a lower-case domain name, such as uni-b.example."},
           {"fjordland.example", "That is an institution this node serves, not a partner."},
           {"uni-c.example", "The EWP registry does not list that HEI, so we could not call it."}}) {
    auto refused = admin.post("/partners/add", {{"csrf", admin.csrf()}, {"partner_hei_id", typed}});
    EXPECT_EQ(refused.status, 400) << typed;
    EXPECT_TRUE(contains(refused.body, "id=\"partner_hei_id-error\" role=\"alert\">" + message)) << refused.body;
    EXPECT_TRUE(contains(refused.body, "value=\"" + typed + "\" required")) << "what was typed is kept";
  }
  EXPECT_EQ(admin.post("/partners/add", {{"partner_hei_id", "uni-b.example"}}).status, 403) << "without the token";
  EXPECT_EQ(count("SELECT count(*) FROM hei"), heis) << "nothing stored";

  auto added = admin.post("/partners/add", {{"csrf", admin.csrf()}, {"partner_hei_id", "  Uni-B.example "}});
  EXPECT_EQ(added.status, 303);
  EXPECT_EQ(added.header("Location"), "/partners?added=uni-b.example");
  EXPECT_TRUE(contains(admin.get(added.header("Location")).body, "Added as a partner: uni-b.example"));
  EXPECT_TRUE(contains(admin.get("/agreements/new").body, "<option value=\"uni-b.example\">"))
      << "it can be chosen for agreements";
  EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action = 'partner_added' AND record = 'partner:uni-b.example' "
                  "AND detail = 'added=uni-b.example'"),
            1);
  auto known = admin.post("/partners/add", {{"csrf", admin.csrf()}, {"partner_hei_id", "pohjola.example"}});
  EXPECT_EQ(known.header("Location"), "/partners?known=pohjola.example");
  EXPECT_EQ(count("SELECT count(*) FROM hei"), heis + 1);

  Visit student(base_);
  student.log_in("aase.bjornstad@student.fjordland.example", "mobility-demo");
  student.get("/");
  EXPECT_EQ(student.post("/partners/add", {{"csrf", student.csrf()}, {"partner_hei_id", "uni-b.example"}}).status, 403);
}

}  // namespace
}  // namespace mobility::portal
