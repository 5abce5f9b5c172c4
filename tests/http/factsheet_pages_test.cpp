// The factsheet editor over real loopback HTTP with real PostgreSQL: a save is a new version and
// a field-by-field diff, errors stay next to their fields with what was typed, a stale edit is a
// clear conflict that keeps the typed values and stores nothing, and refusals change nothing.
#include <gtest/gtest.h>

#include "db/factsheets.hpp"
#include "portal/pages/factsheet_form.hpp"
#include "tests/support/portal_server.hpp"

namespace mobility::portal {
namespace {

using testing::contains;
using testing::Visit;

class FactsheetPagesTest : public ::testing::Test {
 protected:
  void SetUp() override { portal_.start(); }

  std::unique_ptr<Visit> signed_in(const std::string& email) { return testing::signed_in(portal_.base(), email); }

  // The seeded factsheet as its form posts it, with `changes`.
  http::HeaderList form(const std::string& csrf, const FormValues& changes) {
    auto connection = portal_.pool().acquire();
    auto current = db::current_factsheets(**connection, {"fjordland.example"});
    EXPECT_TRUE(current && current->size() == 1u);
    FormValues values = factsheet_values(current->front().factsheet);
    for (const auto& [name, value] : changes) values[name] = value;
    http::HeaderList fields = {{"csrf", csrf}, {"based_on_version", "1"}};
    for (const auto& [name, value] : values) fields.emplace_back(name, value);
    return fields;
  }

  int64_t versions() { return portal_.count("SELECT count(*) FROM factsheet_version"); }

  testing::PortalServer portal_;
};

TEST_F(FactsheetPagesTest, ASaveIsANewVersionComparedFieldByField) {
  auto ingrid = signed_in("ingrid.haugland@fjordland.example");
  auto editor = ingrid->get("/admin/factsheet");
  EXPECT_EQ(editor.status, 200);
  EXPECT_TRUE(
      contains(editor.body,
               "id=\"student_nominations.autumn_term\" name=\"student_nominations.autumn_term\" type=\"text\" value=\"04-15\""))
      << editor.body;
  auto saved =
      ingrid->post("/admin/factsheet",
                   form(ingrid->csrf(), {{"student_nominations.autumn_term", "04-01"}, {"reason", "Earlier nominations"}}));
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(versions(), 2);
  EXPECT_EQ(portal_.count("SELECT count(*) FROM audit_event WHERE action = 'factsheet_saved' AND detail = 'Earlier nominations'"),
            1);
  auto compared = ingrid->get("/admin/factsheet/compare?from=1&to=2");
  EXPECT_EQ(compared.status, 200);
  EXPECT_TRUE(
      contains(compared.body, "<code>student_nominations.autumn_term</code></th><td><del>04-15</del></td><td><ins>04-01</ins>"))
      << compared.body;
  EXPECT_FALSE(contains(compared.body, "<code>housing_info.email</code>")) << "only what changed";
  EXPECT_EQ(ingrid->get("/admin/factsheet/compare?from=1&to=7").status, 404);
}

TEST_F(FactsheetPagesTest, AStaleEditIsAClearConflictThatKeepsWhatWasTyped) {
  auto first = signed_in("ingrid.haugland@fjordland.example");
  auto second = signed_in("ingrid.haugland@fjordland.example");
  first->get("/admin/factsheet");
  second->get("/admin/factsheet");
  EXPECT_EQ(first->post("/admin/factsheet", form(first->csrf(), {{"tor_weeks_limit", "6"}, {"reason", "Slower ToR"}})).status,
            303);
  auto stale =
      second->post("/admin/factsheet", form(second->csrf(), {{"decision_weeks_limit", "3"}, {"reason", "Faster decisions"}}));
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(contains(stale.body, "Someone else saved a newer version")) << stale.body;
  EXPECT_TRUE(contains(stale.body, "href=\"/admin/factsheet/compare?from=1&amp;to=2\""));
  EXPECT_TRUE(contains(stale.body, "name=\"decision_weeks_limit\" type=\"text\" value=\"3\"")) << "the typed value is kept";
  EXPECT_TRUE(contains(stale.body, "value=\"Faster decisions\""));
  EXPECT_EQ(versions(), 2);
}

TEST_F(FactsheetPagesTest, ErrorsStayNextToTheirFieldsAndNothingIsStored) {
  auto ingrid = signed_in("ingrid.haugland@fjordland.example");
  ingrid->get("/admin/factsheet");
  auto refused = ingrid->post("/admin/factsheet", form(ingrid->csrf(), {{"student_applications.spring_term", "02-30"},
                                                                        {"housing_info.email", "not an address"},
                                                                        {"visa_info.website_urls", ""},
                                                                        {"reason", "<b>bold</b>"}}));
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "value=\"02-30\" aria-invalid=\"true\"")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "id=\"student_applications.spring_term-error\" role=\"alert\""));
  EXPECT_TRUE(contains(refused.body, "id=\"housing_info.email-error\""));
  EXPECT_TRUE(contains(refused.body, "id=\"visa_info.website_urls-error\""));
  EXPECT_TRUE(contains(refused.body, "value=\"&lt;b&gt;bold&lt;/b&gt;\""));
  EXPECT_EQ(versions(), 1);
}

TEST_F(FactsheetPagesTest, OnlyAdminsEditAndAPostWithoutCsrfChangesNothing) {
  auto per = signed_in("per.saether@fjordland.example");
  EXPECT_EQ(per->get("/admin/factsheet").status, 403);
  per->get("/coordinator");
  EXPECT_EQ(per->post("/admin/factsheet", form(per->csrf(), {{"reason", "x"}})).status, 403);
  auto ingrid = signed_in("ingrid.haugland@fjordland.example");
  http::HeaderList without_csrf = form("", {{"reason", "No token"}});
  without_csrf.erase(without_csrf.begin());
  EXPECT_EQ(ingrid->post("/admin/factsheet", without_csrf).status, 403);
  EXPECT_EQ(versions(), 1);
}

}  // namespace
}  // namespace mobility::portal
