// What people see when the node cannot serve them, over real loopback HTTP: the portal with its
// PostgreSQL stopped in the test (a private server, never the shared one) gives a readable 503
// page in the visitor's language, and requests arriving while the server shuts down get 503.
#include <gtest/gtest.h>

#include <future>

#include "http/server.hpp"
#include "tests/support/portal_server.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::portal {
namespace {

using std::chrono::milliseconds;
using testing::contains;
using testing::HttpReply;
using testing::Visit;

struct Unavailable {
  const char* accept_language;
  const char* lang;
  const char* heading;
  const char* text;
};

const Unavailable kBokmal{"nb-NO,nb;q=0.9", "nb", "Midlertidig utilgjengelig", "Tjenesten kan ikke svare akkurat nå."};
const Unavailable kNynorsk{"nn-NO,nn;q=0.9", "nn", "Mellombels utilgjengeleg", "Tenesta kan ikkje svare akkurat no."};
const Unavailable kEnglish{"en-GB,en;q=0.9", "en", "Temporarily unavailable", "The service cannot answer right now."};

class DatabaseDownTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cluster = testing::TestCluster::start();
    ASSERT_TRUE(cluster) << cluster.status().to_string();
    cluster_ = std::move(*cluster);
    portal_.start_on(testing::create_database_on(*cluster_, /*demo=*/true));
    ASSERT_FALSE(HasFatalFailure());
    base_ = portal_.base();
  }

  // The 503 page in `expected`'s language, not to be cached, with nothing of the database's words.
  static void expect_unavailable_page(const HttpReply& reply, const Unavailable& expected) {
    EXPECT_EQ(reply.status, 503) << expected.lang << ": " << reply.body;
    EXPECT_TRUE(contains(reply.body, std::string("<html lang=\"") + expected.lang + "\">")) << reply.body;
    EXPECT_TRUE(contains(reply.body, std::string("<h1>") + expected.heading + "</h1>")) << reply.body;
    EXPECT_TRUE(contains(reply.body, expected.text)) << reply.body;
    EXPECT_EQ(reply.header("Cache-Control"), "no-store") << expected.lang;
    for (const char* internal : {"PostgreSQL", "connection", "socket", "SELECT", "server closed", "mobility-pg"}) {
      EXPECT_FALSE(contains(reply.body, internal)) << internal;
    }
  }

  std::unique_ptr<testing::TestCluster> cluster_;  // outlives the portal's pool
  testing::PortalServer portal_;
  std::string base_;
};

TEST_F(DatabaseDownTest, PagesWhilePostgresIsDownAreA503PageInTheBrowsersLanguage) {
  ASSERT_EQ(Visit(base_).get("/").status, 200);  // the pool now holds a connection the stop cuts
  ASSERT_TRUE(cluster_->stop());
  for (const Unavailable& expected : {kBokmal, kNynorsk, kEnglish}) {
    Visit visit(base_, expected.accept_language);
    expect_unavailable_page(visit.get("/"), expected);
    expect_unavailable_page(visit.get("/destinations"), expected);
    expect_unavailable_page(visit.post("/login", {{"csrf", "x"}, {"email", "a@b.example"}, {"password", "p"}}), expected);
  }
  ASSERT_TRUE(cluster_->resume());
  EXPECT_EQ(Visit(base_).get("/").status, 200) << "the pages come back with the database";
}

TEST_F(DatabaseDownTest, WithoutAReadableSessionTheLanguageCookieOutranksTheBrowser) {
  Visit visit(base_, kEnglish.accept_language);
  visit.cookies["lang"] = "nn";  // as the language switch leaves it
  ASSERT_TRUE(cluster_->stop());
  expect_unavailable_page(visit.get("/"), kNynorsk);
}

TEST_F(DatabaseDownTest, ASignedInVisitorSeesItInTheLanguageSheChose) {
  auto visit = testing::signed_in(base_, "aase.bjornstad@student.fjordland.example");
  ASSERT_FALSE(HasFatalFailure());
  ASSERT_EQ(visit->get("/my-exchange").status, 200);  // a page with the language switch and its token
  ASSERT_EQ(visit->post("/language", {{"csrf", visit->csrf()}, {"lang", "nn"}, {"return_to", "/my-exchange"}}).status, 303);
  ASSERT_TRUE(cluster_->stop());
  // Whether her session is still in the cache (the account's language) or cannot be read (the
  // cookie the switch set), the page is in nynorsk although her browser asks for English.
  expect_unavailable_page(visit->get("/my-exchange"), kNynorsk);
}

TEST(ServerShutdown, RequestsArrivingWhileRequestsInFlightFinishGet503) {
  std::promise<void> entered, release;
  std::shared_future<void> released = release.get_future().share();
  auto router = std::make_shared<http::Router>();
  router->add("GET", "/held", [&](const http::Request&) {
    entered.set_value();
    released.wait();
    return http::Response::text(200, "finished\n");
  });
  router->add("GET", "/quick", [](const http::Request&) { return http::Response::text(200, "quick\n"); });
  http::Server server({"127.0.0.1", 0, 2, 1 << 20, std::chrono::seconds(20)}, router);
  ASSERT_TRUE(server.start());
  std::string base = "http://127.0.0.1:" + std::to_string(server.port());
  auto held = std::async(std::launch::async, [&] { return testing::HttpClient().get(base + "/held"); });
  entered.get_future().wait();
  auto stopped = std::async(std::launch::async, [&] { server.stop(); });

  // Until stop() has begun, /quick answers 200; from then until it closes, 503. A connection that
  // lands on the worker busy with /held gets nothing within 200 ms and is tried again.
  const std::string quick = "GET /quick HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  std::string late;
  while (!late.starts_with("HTTP/1.1 503") && std::chrono::steady_clock::now() < deadline) {
    late = testing::raw_exchange(server.port(), quick, milliseconds(200));
  }
  EXPECT_TRUE(late.starts_with("HTTP/1.1 503 Service Unavailable\r\n")) << late;
  EXPECT_TRUE(late.ends_with("\r\n\r\nThe server is shutting down; try again in a moment.\n")) << late;

  release.set_value();
  auto finished = held.get();
  ASSERT_TRUE(finished) << finished.status().to_string();
  EXPECT_EQ(finished->status, 200) << "the request in flight still finishes";
  stopped.get();
}

}  // namespace
}  // namespace mobility::portal
