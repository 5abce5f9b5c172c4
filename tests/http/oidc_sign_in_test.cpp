// Sign-in with OpenID Connect against a real provider: npm's oidc-provider (OpenID-certified),
// started on loopback by each test (tests/oidc/provider.mjs, installed by ops/test), with the
// portal's pages on a loopback port of their own. The test logs in at the provider the way a
// person does, through its login and consent forms, over HTTP with a cookie jar.
//
// Checks of the ID token itself (wrong nonce, expired, another key, wrong audience) are in
// tests/unit/oidc_test.cpp, with tokens the test signs.
#include <gtest/gtest.h>
#include <re2/re2.h>
#include <sys/stat.h>

#include <curl/curl.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "base/secure_random.hpp"
#include "db/oidc_providers.hpp"
#include "http/server.hpp"
#include "portal/accounts/oidc/curl_internet.hpp"
#include "portal/home_page.hpp"
#include "portal/pages/account_pages.hpp"
#include "portal/pages/oidc_pages.hpp"
#include "portal/pages/start_pages.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/free_port.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::contains;
using testing::Visit;

const fs::path kProviderDir = fs::path(MOBILITY_SOURCE_DIR) / "tests/oidc";
const std::string kIncomingEsi = "urn:schac:personalUniqueCode:int:esi:tu-rheinfeld.example:4711";

// A browser at the provider: its own cookie jar, redirects followed by hand, and the provider's
// login and consent forms filled in as `user`, until the provider sends the browser back to
// `back_to`. Returns that URL ("" and a test failure when it never comes).
class ProviderBrowser {
 public:
  ProviderBrowser() : curl_(curl_easy_init(), curl_easy_cleanup) { curl_easy_setopt(curl_.get(), CURLOPT_COOKIEFILE, ""); }

  std::string log_in(const std::string& authorization_url, const std::string& user, const std::string& back_to) {
    std::string url = authorization_url, body;
    bool post = false;
    for (int step = 0; step < 12; ++step) {
      Reply reply = request(url, post, body);
      if (reply.status >= 300 && reply.status < 400) {
        std::string next = absolute(url, reply.location);
        if (next.starts_with(back_to)) return next;
        url = next, post = false;
        continue;
      }
      std::string action;
      if (reply.status != 200 || !RE2::PartialMatch(reply.body, R"re(<form[^>]*action="([^"]+)")re", &action)) {
        ADD_FAILURE() << "the provider answered " << reply.status << " at " << url << ": " << reply.body.substr(0, 400);
        return "";
      }
      body = form_of(reply.body, user);
      url = absolute(url, action), post = true;
    }
    ADD_FAILURE() << "the provider never sent the browser back";
    return "";
  }

 private:
  struct Reply {
    long status = 0;
    std::string body;
    std::string location;
  };

  static size_t append(char* data, size_t size, size_t count, void* into) {
    static_cast<std::string*>(into)->append(data, size * count);
    return size * count;
  }

  Reply request(const std::string& url, bool post, const std::string& body) {
    Reply reply;
    curl_easy_setopt(curl_.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_.get(), CURLOPT_HTTPGET, 1L);
    if (post) curl_easy_setopt(curl_.get(), CURLOPT_COPYPOSTFIELDS, body.c_str());
    curl_easy_setopt(curl_.get(), CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(curl_.get(), CURLOPT_WRITEDATA, &reply.body);
    EXPECT_EQ(curl_easy_perform(curl_.get()), CURLE_OK) << url;
    curl_easy_getinfo(curl_.get(), CURLINFO_RESPONSE_CODE, &reply.status);
    char* location = nullptr;
    curl_easy_getinfo(curl_.get(), CURLINFO_REDIRECT_URL, &location);
    if (location) reply.location = location;
    return reply;
  }

  // The hidden fields of the page's form, and the login fields when it asks for them.
  std::string form_of(const std::string& html, const std::string& user) {
    std::string body, name, value;
    re2::StringPiece input(html);
    while (RE2::FindAndConsume(&input, R"re(<input type="hidden" name="([^"]+)" value="([^"]*)")re", &name, &value)) {
      body += (body.empty() ? "" : "&") + name + "=" + value;
    }
    if (contains(html, "name=\"login\"")) body += "&login=" + user + "&password=any";
    return body;
  }

  static std::string absolute(const std::string& base, const std::string& url) {
    if (url.starts_with("http://") || url.starts_with("https://")) return url;
    size_t host_end = base.find('/', base.find("//") + 2);
    return base.substr(0, host_end) + url;
  }

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl_;
};

class OidcSignInTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kProviderDir / "node_modules/oidc-provider")) {
      GTEST_FAIL() << "oidc-provider is not installed: run ops/test (it runs npm ci in tests/oidc)";
    }
    start_portal();
    ASSERT_FALSE(HasFatalFailure());
    start_provider();
    ASSERT_FALSE(HasFatalFailure());
    secret_file_ = fs::path(::testing::TempDir()) / ("oidc-secret-" + random_token(8));
    std::ofstream(secret_file_) << secret_ << "\n";
    ::chmod(secret_file_.c_str(), 0600);
    // Feide-like: people by eduPersonPrincipalName from userinfo, students by affiliation,
    // incoming students by ESI; and an ES256 client that identifies people by sub.
    add_provider("feide", "mobility-rs", "eduPersonPrincipalName", true);
    add_provider("idp-es", "mobility-es", "sub", false);
  }

  void TearDown() override {
    if (!secret_file_.empty()) fs::remove(secret_file_);
  }

  void start_portal() {
    pool_ = std::make_unique<db::Pool>(db::PoolOptions{testing::create_demo_database(), 4, milliseconds(5000)});
    site_ = std::make_unique<portal::Site>(*pool_, portal::SiteSettings{});
    base_ = "http://127.0.0.1:" + std::to_string(testing::free_port());
    internet_ =
        std::make_unique<portal::oidc::CurlInternet>(portal::oidc::CurlSettings{milliseconds(2000), milliseconds(5000), ""});
    oidc_ = std::make_unique<portal::oidc::OidcSignIn>(*internet_, site_->sessions(), portal::oidc::OidcSettings{base_});
    auto router = std::make_shared<http::Router>();
    site_->add_common_routes(*router);
    portal::add_home_route(*router, *site_);
    portal::add_account_pages(*router, *site_, oidc_.get());
    portal::add_start_pages(*router, *site_);
    portal::add_oidc_pages(*router, *site_, *oidc_);
    uint16_t port = static_cast<uint16_t>(std::stoi(base_.substr(base_.rfind(':') + 1)));
    server_ = std::make_unique<http::Server>(http::ServerOptions{"127.0.0.1", port, 2, 1 << 20, milliseconds(2000)}, router);
    ASSERT_TRUE(server_->start());
  }

  void start_provider() {
    issuer_ = "http://127.0.0.1:" + std::to_string(testing::free_port());
    provider_ = std::make_unique<testing::ChildProcess>(
        std::vector<std::string>{"/usr/bin/node", (kProviderDir / "provider.mjs").string()},
        testing::Environment{{"OIDC_PORT", issuer_.substr(issuer_.rfind(':') + 1)},
                             {"OIDC_REDIRECT_URI", base_ + "/login/oidc/callback"},
                             {"OIDC_POST_LOGOUT_URI", base_ + "/"},
                             {"OIDC_CLIENT_SECRET", secret_},
                             {"OIDC_INCOMING_ESI", kIncomingEsi}});
    ASSERT_TRUE(provider_->wait_for_output("listening", seconds(30))) << provider_->err();
  }

  void add_provider(const std::string& id, const std::string& client_id, const std::string& subject_claim, bool feide_like,
                    const std::string& issuer = "") {
    db::OidcProviderRecord provider;
    provider.provider_id = id;
    provider.hei_id = "fjordland.example";
    provider.display_name = "Test login " + id;
    provider.issuer = issuer.empty() ? issuer_ : issuer;
    provider.client_id = client_id;
    provider.client_secret_file = secret_file_.string();
    provider.subject_claim = subject_claim;
    if (feide_like) {
      provider.scopes = "openid email profile feide schac";
      provider.esi_claim = "schac_personal_unique_code";
      provider.role_claim = "eduPersonAffiliation";
      provider.student_values = {"student"};
      provider.use_userinfo = true;
    }
    ASSERT_TRUE(db::save_oidc_provider(*connection(), provider));
  }

  db::PooledConnection connection() {
    auto lease = pool_->acquire();
    EXPECT_TRUE(lease) << lease.status().to_string();
    return std::move(*lease);
  }
  int64_t count(const std::string& sql) { return connection()->exec(sql)->front().get<int64_t>(0); }
  void link(const std::string& provider_id, const std::string& claim_value, const std::string& email) {
    ASSERT_TRUE(connection()
                    ->exec("INSERT INTO account_identity (provider_id, claim_value, account_id, linked_by) "
                           "SELECT $1, $2, account_id, 'operator' FROM account WHERE email = $3 RETURNING 1",
                           {provider_id, claim_value, email})
                    ->size() == 1);
  }

  // Starts a sign-in at `provider_id` in `visit`: the provider's authorization URL.
  std::string begin(Visit& visit, const std::string& provider_id) {
    auto reply = visit.get("/login/oidc/" + provider_id);
    EXPECT_EQ(reply.status, 303) << reply.body;
    return reply.header("Location");
  }
  // The path and query of the callback URL the provider sent the browser back to.
  std::string callback_path(const std::string& callback_url) { return callback_url.substr(base_.size()); }
  // A whole sign-in of `user` at `provider_id`: the portal's answer to the callback.
  testing::HttpReply sign_in(Visit& visit, const std::string& provider_id, const std::string& user) {
    std::string callback = ProviderBrowser().log_in(begin(visit, provider_id), user, base_ + "/login/oidc/callback");
    return visit.get(callback_path(callback));
  }

  std::string secret_ = random_token(32);
  fs::path secret_file_;
  std::string base_, issuer_;
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<portal::Site> site_;
  std::unique_ptr<portal::oidc::CurlInternet> internet_;
  std::unique_ptr<portal::oidc::OidcSignIn> oidc_;
  std::unique_ptr<http::Server> server_;
  std::unique_ptr<testing::ChildProcess> provider_;
};

TEST_F(OidcSignInTest, TheLoginPageOffersEachProviderBesideThePassword) {
  Visit visit(base_);
  auto page = visit.get("/login");
  EXPECT_TRUE(contains(page.body, "href=\"/login/oidc/feide\"")) << page.body;
  EXPECT_TRUE(contains(page.body, "Log in with Test login idp-es"));
  EXPECT_TRUE(contains(page.body, "name=\"password\""));
  std::string authorization = begin(visit, "feide");
  EXPECT_TRUE(authorization.starts_with(issuer_ + "/auth?response_type=code&client_id=mobility-rs")) << authorization;
  for (const char* part : {"&code_challenge_method=S256", "&code_challenge=", "&state=", "&nonce=",
                           "&scope=openid%20email%20profile%20feide%20schac", "&redirect_uri=http%3A%2F%2F127.0.0.1%3A"}) {
    EXPECT_TRUE(contains(authorization, part)) << part;
  }
  EXPECT_TRUE(visit.cookies.count("oidc_browser"));
  EXPECT_EQ(visit.get("/login/oidc/nobody").status, 404);
  Visit mistyped(base_);
  auto refused = mistyped.log_in("per.saether@fjordland.example", "not the password");
  EXPECT_EQ(refused.status, 401);
  EXPECT_TRUE(contains(refused.body, "href=\"/login/oidc/feide\"")) << "a refused password still offers the providers";
}

TEST_F(OidcSignInTest, ALinkedStaffMemberLandsSignedInAndLogsOutAtTheProvider) {
  link("feide", "per@fjordland.example", "per.saether@fjordland.example");
  Visit visit(base_);
  auto answer = sign_in(visit, "feide", "per");
  ASSERT_EQ(answer.status, 303) << answer.body;
  EXPECT_EQ(answer.header("Location"), "/coordinator");
  EXPECT_EQ(visit.get("/coordinator").status, 200);
  EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action = 'login_oidc' AND actor = 'per.saether@fjordland.example'"), 1);

  visit.get("/coordinator");
  auto out = visit.post("/logout", {{"csrf", visit.csrf()}});
  ASSERT_EQ(out.status, 303);
  std::string location = out.header("Location");
  EXPECT_TRUE(location.starts_with(issuer_ + "/session/end?id_token_hint=ey")) << location;
  EXPECT_TRUE(contains(location, "&post_logout_redirect_uri=" + std::string("http%3A%2F%2F127.0.0.1%3A"))) << location;
  EXPECT_EQ(visit.get("/coordinator").status, 303);  // signed out here
  // The provider knows the hint: it asks to confirm the logout instead of refusing it.
  testing::HttpClient client;
  auto at_provider = client.get(location);
  ASSERT_TRUE(at_provider);
  EXPECT_EQ(at_provider->status, 200) << at_provider->body;
  EXPECT_TRUE(contains(at_provider->body, "logout")) << at_provider->body;
}

TEST_F(OidcSignInTest, ANewStudentIsCreatedAtTheFirstSignInAndFoundAtTheNext) {
  int64_t accounts = count("SELECT count(*) FROM account");
  Visit visit(base_);
  auto answer = sign_in(visit, "feide", "kari");
  ASSERT_EQ(answer.status, 303) << answer.body;
  EXPECT_EQ(answer.header("Location"), "/my-exchange");
  EXPECT_EQ(visit.get("/my-exchange").status, 200);
  EXPECT_EQ(count("SELECT count(*) FROM account"), accounts + 1);
  EXPECT_EQ(count("SELECT count(*) FROM student s JOIN account_role r ON r.student_id = s.student_id AND r.role = 'student' "
                  "JOIN account a ON a.account_id = r.account_id "
                  "WHERE s.hei_id = 'fjordland.example' AND s.family_name = 'Nordmann' "
                  "AND a.email = 'kari.nordmann@student.fjordland.example'"),
            1);
  Visit again(base_);
  ASSERT_EQ(sign_in(again, "feide", "kari").status, 303);
  EXPECT_EQ(count("SELECT count(*) FROM account"), accounts + 1);
}

TEST_F(OidcSignInTest, ANewStudentWhoseEmailHasAnAccountIsRefusedAndNoStudentIsLeft) {
  ASSERT_TRUE(
      connection()->exec("INSERT INTO account (email, display_name) VALUES ('kari.nordmann@student.fjordland.example', 'Kari')"));
  int64_t students = count("SELECT count(*) FROM student");
  Visit visit(base_);
  auto answer = sign_in(visit, "feide", "kari");
  EXPECT_EQ(answer.status, 403);
  EXPECT_TRUE(contains(answer.body, "An account with your email address exists already")) << answer.body;
  // The student record written before the account was refused went with the transaction.
  EXPECT_EQ(count("SELECT count(*) FROM student"), students);
  EXPECT_EQ(count("SELECT count(*) FROM account_identity"), 0);
}

TEST_F(OidcSignInTest, AnIncomingStudentIsLinkedByEsiToTheirNomination) {
  ASSERT_TRUE(connection()->exec(
      "INSERT INTO partner_omobility (sending_hei_id, omobility_id, receiving_hei_id, receiving_academic_year_id,"
      " status, proposal_id, content) VALUES ('tu-rheinfeld.example', 'tur-nom-1', 'fjordland.example',"
      " '2027/2028', 'pending', 'p1', jsonb_build_object('student', jsonb_build_object('global_id', $1::text)))",
      {kIncomingEsi}));
  Visit visit(base_);
  auto answer = sign_in(visit, "feide", "lukas");
  ASSERT_EQ(answer.status, 303) << answer.body;
  EXPECT_EQ(count("SELECT count(*) FROM account_nomination n JOIN account a ON a.account_id = n.account_id "
                  "WHERE a.email = 'lukas.incoming@student.rheinfeld.example' AND n.omobility_id = 'tur-nom-1'"),
            1);
  EXPECT_EQ(
      count("SELECT count(*) FROM account_identity WHERE claim_value = 'lukas@rheinfeld.example' AND linked_by = 'nomination'"),
      1);
}

TEST_F(OidcSignInTest, StaffNobodyLinkedAreRefusedAndNothingIsCreated) {
  int64_t accounts = count("SELECT count(*) FROM account"), students = count("SELECT count(*) FROM student");
  Visit visit(base_);
  auto answer = sign_in(visit, "feide", "stranger");
  EXPECT_EQ(answer.status, 403);
  EXPECT_TRUE(contains(answer.body, "Your login is not linked to an account here")) << answer.body;
  EXPECT_EQ(count("SELECT count(*) FROM account"), accounts);
  EXPECT_EQ(count("SELECT count(*) FROM student"), students);
  EXPECT_EQ(count("SELECT count(*) FROM account_identity"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM web_session"), 0);
}

TEST_F(OidcSignInTest, AWrongStateOrAnotherBrowserIsRefused) {
  link("feide", "per@fjordland.example", "per.saether@fjordland.example");
  Visit visit(base_);
  std::string callback = ProviderBrowser().log_in(begin(visit, "feide"), "per", base_ + "/login/oidc/callback");
  std::string path = callback_path(callback);
  std::string state;
  ASSERT_TRUE(RE2::PartialMatch(path, "[?&]state=([^&]+)", &state)) << path;
  std::string wrong = path;
  wrong.replace(wrong.find(state), state.size(), random_token(32));
  auto refused = visit.get(wrong);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "This login has expired, was used already, or was started in another browser"));
  // The right state from a browser without the attempt's cookie.
  Visit other(base_);
  EXPECT_EQ(other.get(path).status, 400);
  EXPECT_EQ(count("SELECT count(*) FROM web_session"), 0);
}

TEST_F(OidcSignInTest, AReplayedCodeIsRefused) {
  link("feide", "per@fjordland.example", "per.saether@fjordland.example");
  Visit visit(base_);
  std::string callback = ProviderBrowser().log_in(begin(visit, "feide"), "per", base_ + "/login/oidc/callback");
  ASSERT_EQ(visit.get(callback_path(callback)).status, 303);
  // The same callback again: its state was used.
  EXPECT_EQ(visit.get(callback_path(callback)).status, 400);
  // The used code with a fresh state of this browser: the provider refuses the code.
  std::string code;
  ASSERT_TRUE(RE2::PartialMatch(callback, "[?&]code=([^&]+)", &code));
  std::string authorization = begin(visit, "feide");
  std::string state;
  ASSERT_TRUE(RE2::PartialMatch(authorization, "[?&]state=([^&]+)", &state));
  auto replayed = visit.get("/login/oidc/callback?code=" + code + "&state=" + state);
  EXPECT_EQ(replayed.status, 403);
  // In Norwegian, the signed-in account's language.
  EXPECT_TRUE(contains(replayed.body, "Svaret fra innloggingstjenesten kunne ikke godtas")) << replayed.body;
  EXPECT_EQ(count("SELECT count(*) FROM web_session"), 1);  // only the first sign-in's
}

TEST_F(OidcSignInTest, AProviderThatIsDownGetsAClearPageAndPasswordsStillWork) {
  add_provider("down", "mobility-rs", "sub", false, "http://127.0.0.1:" + std::to_string(testing::free_port()));
  Visit visit(base_);
  auto page = visit.get("/login/oidc/down");
  EXPECT_EQ(page.status, 503);
  EXPECT_TRUE(contains(page.body, "The login service could not be reached")) << page.body;
  EXPECT_TRUE(contains(page.body, "name=\"password\""));
  auto local = visit.log_in("per.saether@fjordland.example", "mobility-demo");
  EXPECT_EQ(local.status, 303);
  EXPECT_EQ(local.header("Location"), "/coordinator");

  // A provider that stops between the start and the return: the same page, nothing created.
  link("feide", "per@fjordland.example", "per.saether@fjordland.example");
  Visit second(base_);
  std::string callback = ProviderBrowser().log_in(begin(second, "feide"), "per", base_ + "/login/oidc/callback");
  provider_->send_signal(SIGTERM);
  provider_->wait(seconds(10));
  auto late = second.get(callback_path(callback));
  EXPECT_EQ(late.status, 503) << late.body;
  EXPECT_TRUE(contains(late.body, "The login service could not be reached"));
}

TEST_F(OidcSignInTest, KeysTheProviderRotatedAreFetchedOnceForTheNewKid) {
  link("idp-es", "per", "per.saether@fjordland.example");
  Visit first(base_);
  ASSERT_EQ(sign_in(first, "idp-es", "per").status, 303);  // ES256
  EXPECT_EQ(oidc_->jwks_fetches(), 1);
  Visit cached(base_);
  ASSERT_EQ(sign_in(cached, "idp-es", "per").status, 303);
  EXPECT_EQ(oidc_->jwks_fetches(), 1);

  testing::HttpClient client;
  auto rotated = client.request("POST", issuer_ + "/test/rotate", "", {});
  ASSERT_TRUE(rotated && rotated->status == 200);
  Visit after(base_);
  auto answer = sign_in(after, "idp-es", "per");
  EXPECT_EQ(answer.status, 303) << answer.body;
  EXPECT_EQ(answer.header("Location"), "/coordinator");
  EXPECT_EQ(oidc_->jwks_fetches(), 2);
}

}  // namespace
}  // namespace mobility
