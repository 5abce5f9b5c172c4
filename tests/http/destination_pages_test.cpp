// Destination information over real loopback HTTP with real PostgreSQL: a coordinator's editor
// (errors next to the fields, what was typed kept), submitting, the admin's review with its diff,
// approving (students see it) and returning with a comment, the students' destination pages that
// never show drafts, version diffs, and refusals (no CSRF token, hostile input, wrong role) that
// change nothing.
#include <gtest/gtest.h>

#include "db/factsheets.hpp"
#include "db/partner_factsheets.hpp"
#include "tests/support/portal_server.hpp"

namespace mobility::portal {
namespace {

using testing::contains;
using testing::Visit;

const std::string kPer = "per.saether@fjordland.example";
const std::string kIngrid = "ingrid.haugland@fjordland.example";
const std::string kAase = "aase.bjornstad@student.fjordland.example";
const std::string kPassword = "mobility-demo";
const std::string kPohjolaEditor = "/coordinator/destinations/edit?partner_hei_id=pohjola.example";

class DestinationPagesTest : public ::testing::Test {
 protected:
  void SetUp() override { portal_.start(); }

  std::unique_ptr<Visit> signed_in(const std::string& email) { return testing::signed_in(portal_.base(), email, kPassword); }

  int64_t versions_of(const std::string& partner_hei_id, const std::string& state = "") {
    return portal_.count("SELECT count(*) FROM agreement_information_version WHERE partner_hei_id = '" + partner_hei_id + "'" +
                         (state.empty() ? "" : " AND state = '" + state + "'"));
  }

  // The editor's form for Pohjola with `fields` on top of a valid description.
  static http::HeaderList pohjola_form(const std::string& csrf, const http::HeaderList& fields = {}) {
    http::HeaderList form = {{"csrf", csrf},
                             {"partner_hei_id", "pohjola.example"},
                             {"seen_version", "0"},
                             {"city", "Oulu"},
                             {"country_code", "FI"},
                             {"study_places[0].level", "master"},
                             {"study_places[0].subject_area", "Computer science"},
                             {"study_places[0].isced_f_code", "0613"},
                             {"study_places[0].places", "2"},
                             {"study_places[0].months", "5"},
                             {"study_places[1].level", ""},  // a blank row is left out
                             {"tuition_fees", "No tuition fees."},
                             {"reason", "First description of Oulu"}};
    for (const auto& [name, value] : fields) form = testing::with(std::move(form), name, value);
    return form;
  }

  testing::PortalServer portal_;
};

TEST_F(DestinationPagesTest, TheEditorKeepsWhatWasTypedAndShowsEachErrorNextToItsField) {
  auto per = signed_in(kPer);
  auto list = per->get("/coordinator/destinations");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "href=\"" + kPohjolaEditor + "\"")) << list.body;
  auto editor = per->get(kPohjolaEditor);
  EXPECT_EQ(editor.status, 200);
  EXPECT_TRUE(contains(editor.body, "<label for=\"city\">")) << "every input has a label";
  EXPECT_TRUE(contains(editor.body, "id=\"city\" name=\"city\" type=\"text\" value=\"Oulu\"")) << "the partner's city to start";
  auto refused =
      per->post("/coordinator/destinations/save",
                pohjola_form(per->csrf(), {{"country_code", "Finland"}, {"study_places[0].places", "two"}, {"reason", ""}}));
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(
      contains(refused.body, "value=\"Finland\" aria-invalid=\"true\" aria-describedby=\"country_code-hint country_code-error\""))
      << refused.body;
  EXPECT_TRUE(contains(refused.body, "id=\"country_code-error\" role=\"alert\""));
  EXPECT_TRUE(contains(refused.body, "value=\"two\" aria-invalid=\"true\""));
  EXPECT_TRUE(contains(refused.body, "id=\"study_places[0].places-error\""));
  EXPECT_TRUE(contains(refused.body, "id=\"reason-error\""));
  EXPECT_TRUE(contains(refused.body, "value=\"Computer science\"")) << "the rest of the form is kept";
  EXPECT_EQ(versions_of("pohjola.example"), 0);
}

TEST_F(DestinationPagesTest, SubmittedInformationReachesStudentsOnlyWhenTheAdminApprovesIt) {
  auto per = signed_in(kPer);
  per->get(kPohjolaEditor);
  auto saved = per->post("/coordinator/destinations/save", pohjola_form(per->csrf()));
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("Location"), kPohjolaEditor + "&saved=1");
  EXPECT_EQ(versions_of("pohjola.example", "draft"), 1);
  per->get(kPohjolaEditor);
  auto submitted = per->post("/coordinator/destinations/submit",
                             {{"csrf", per->csrf()}, {"partner_hei_id", "pohjola.example"}, {"seen_version", "1"}});
  EXPECT_EQ(submitted.status, 303) << submitted.body;
  EXPECT_EQ(versions_of("pohjola.example", "in_review"), 1);
  EXPECT_FALSE(contains(per->get(kPohjolaEditor).body, "action=\"/coordinator/destinations/save\"")) << "no edits in review";

  auto aase = signed_in(kAase);
  EXPECT_FALSE(contains(aase->get("/destinations").body, "pohjola.example"));
  EXPECT_EQ(aase->get("/destinations/pohjola.example").status, 404);

  auto ingrid = signed_in(kIngrid);
  auto queue = ingrid->get("/admin/information-review");
  EXPECT_TRUE(contains(queue.body, "/admin/information-review/item?partner_hei_id=pohjola.example"));
  auto item = ingrid->get("/admin/information-review/item?partner_hei_id=pohjola.example");
  EXPECT_EQ(item.status, 200);
  EXPECT_TRUE(contains(item.body, "<code>study_places[0].subject_area</code>")) << item.body;
  EXPECT_TRUE(contains(item.body, "<ins>Computer science</ins>"));
  auto approved = ingrid->post("/admin/information-review/approve",
                               {{"csrf", ingrid->csrf()}, {"partner_hei_id", "pohjola.example"}, {"seen_version", "1"}});
  EXPECT_EQ(approved.status, 303) << approved.body;
  EXPECT_EQ(versions_of("pohjola.example", "published"), 1);
  EXPECT_EQ(portal_.count("SELECT count(*) FROM audit_event WHERE action IN "
                          "('information_saved', 'information_submitted', 'information_approved')"),
            3);

  auto destinations = aase->get("/destinations");
  EXPECT_TRUE(contains(destinations.body, "href=\"/destinations/pohjola.example\"")) << destinations.body;
  auto detail = aase->get("/destinations/pohjola.example");
  EXPECT_EQ(detail.status, 200);
  EXPECT_TRUE(contains(detail.body, "No tuition fees."));
  EXPECT_TRUE(contains(detail.body, "Partnerens faktaark er ikke hentet ennå.")) << "Åse reads bokmål";
}

TEST_F(DestinationPagesTest, AReturnNeedsACommentThatTheCoordinatorThenSees) {
  auto ingrid = signed_in(kIngrid);
  ingrid->get("/admin/information-review/item?partner_hei_id=valle-alto.example");
  auto empty =
      ingrid->post("/admin/information-review/return",
                   {{"csrf", ingrid->csrf()}, {"partner_hei_id", "valle-alto.example"}, {"seen_version", "1"}, {"comment", ""}});
  EXPECT_EQ(empty.status, 409);
  EXPECT_TRUE(contains(empty.body, "id=\"comment-error\" role=\"alert\"")) << empty.body;
  EXPECT_EQ(versions_of("valle-alto.example", "in_review"), 1);
  auto returned = ingrid->post("/admin/information-review/return", {{"csrf", ingrid->csrf()},
                                                                    {"partner_hei_id", "valle-alto.example"},
                                                                    {"seen_version", "1"},
                                                                    {"comment", "Add the visa rules for non-EU students."}});
  EXPECT_EQ(returned.status, 303);
  EXPECT_EQ(versions_of("valle-alto.example", "draft"), 1);
  auto per = signed_in(kPer);
  auto editor = per->get("/coordinator/destinations/edit?partner_hei_id=valle-alto.example");
  EXPECT_TRUE(contains(editor.body, "Add the visa rules for non-EU students.")) << editor.body;
}

TEST_F(DestinationPagesTest, StudentsSeeOnlyPublishedInformationAndSearchIt) {
  auto aase = signed_in(kAase);
  auto all = aase->get("/destinations");
  EXPECT_EQ(all.status, 200);
  EXPECT_TRUE(contains(all.body, "/destinations/lumiere-nord.example"));
  EXPECT_FALSE(contains(all.body, "tu-rheinfeld.example")) << "a draft";
  EXPECT_FALSE(contains(all.body, "valle-alto.example")) << "in review";
  EXPECT_EQ(aase->get("/destinations/tu-rheinfeld.example").status, 404);
  EXPECT_EQ(aase->get("/destinations/valle-alto.example").status, 404);
  EXPECT_TRUE(contains(aase->get("/destinations?country=fr").body, "/destinations/lumiere-nord.example"));
  EXPECT_FALSE(contains(aase->get("/destinations?country=DE").body, "/destinations/lumiere-nord.example"));
  EXPECT_TRUE(contains(aase->get("/destinations?subject=Mathematics&city=lil").body, "/destinations/lumiere-nord.example"));
  // Lumière-Nord teaches in French and English, at bachelor and master level, in both semesters.
  for (const char* found : {"?language=FR", "?language=en&level=master", "?level=bachelor&semester=spring"}) {
    EXPECT_TRUE(contains(aase->get(std::string("/destinations") + found).body, "/destinations/lumiere-nord.example")) << found;
  }
  for (const char* not_found : {"?language=es", "?level=doctoral"}) {
    EXPECT_FALSE(contains(aase->get(std::string("/destinations") + not_found).body, "/destinations/lumiere-nord.example"))
        << not_found;
  }
  auto odd = aase->get("/destinations?level=%00&semester=winter&language=" + std::string(200, 'x'));
  EXPECT_EQ(odd.status, 200) << "odd values are no filter";
  EXPECT_TRUE(contains(odd.body, "/destinations/lumiere-nord.example"));
  auto detail = aase->get("/destinations/lumiere-nord.example");
  EXPECT_TRUE(contains(detail.body, "Small classes and helpful teachers.")) << "the approved student report";
  EXPECT_TRUE(contains(aase->get("/my-exchange").body, "href=\"/destinations\"")) << "linked from her start page";
}

TEST_F(DestinationPagesTest, ThePartnersFactsheetShowsOnceFetched) {
  auto aase = signed_in(kAase);
  auto before = aase->get("/destinations/lumiere-nord.example");
  EXPECT_FALSE(contains(before.body, "04-15")) << "nothing fetched yet";
  {
    // As the reference refresher stores what the partner published (here: Fjordland's facts).
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    auto ours = db::current_factsheets(**connection, {"fjordland.example"});
    ASSERT_TRUE(ours && ours->size() == 1);
    db::Factsheet theirs = ours->front().factsheet;
    theirs.hei_id = "lumiere-nord.example";
    ASSERT_TRUE(db::store_partner_factsheet(**connection, "lumiere-nord.example", theirs));
  }
  auto after = aase->get("/destinations/lumiere-nord.example");
  EXPECT_TRUE(contains(after.body, "04-15")) << after.body;
  EXPECT_TRUE(contains(after.body, "fetched (UTC)") || contains(after.body, "hentet (UTC)"));
}

TEST_F(DestinationPagesTest, TwoVersionsAreComparedFieldByField) {
  auto per = signed_in(kPer);
  auto editor = per->get("/coordinator/destinations/edit?partner_hei_id=lumiere-nord.example");
  EXPECT_TRUE(contains(editor.body, "value=\"Lille\"")) << "a new draft starts from the published version";
  auto saved = per->post("/coordinator/destinations/save", {{"csrf", per->csrf()},
                                                            {"partner_hei_id", "lumiere-nord.example"},
                                                            {"seen_version", "1"},
                                                            {"city", "Villeneuve-d'Ascq"},
                                                            {"country_code", "FR"},
                                                            {"reason", "The campus moved"}});
  EXPECT_EQ(saved.status, 303) << saved.body;
  auto compared = per->get("/coordinator/destinations/compare?partner_hei_id=lumiere-nord.example&from=1&to=2");
  EXPECT_EQ(compared.status, 200);
  EXPECT_TRUE(contains(compared.body, "<code>city</code></th><td><del>Lille</del></td><td><ins>Villeneuve-d&apos;Ascq</ins>"))
      << compared.body;
  EXPECT_EQ(per->get("/coordinator/destinations/compare?partner_hei_id=lumiere-nord.example&from=1&to=9").status, 404);
  EXPECT_EQ(versions_of("lumiere-nord.example", "published"), 1) << "students still see version 1";
}

TEST_F(DestinationPagesTest, AStudentCannotOpenTheEditorOrTheReview) {
  auto aase = signed_in(kAase);
  for (const std::string& path :
       std::vector<std::string>{"/coordinator/destinations", kPohjolaEditor, "/admin/information-review",
                                "/admin/information-review/item?partner_hei_id=valle-alto.example", "/admin/factsheet"}) {
    EXPECT_EQ(aase->get(path).status, 403) << path;
  }
  aase->get("/destinations");
  EXPECT_EQ(aase->post("/coordinator/destinations/save", pohjola_form(aase->csrf())).status, 403);
  EXPECT_EQ(aase->post("/admin/information-review/approve",
                       {{"csrf", aase->csrf()}, {"partner_hei_id", "valle-alto.example"}, {"seen_version", "1"}})
                .status,
            403);
  EXPECT_EQ(versions_of("pohjola.example"), 0);
  EXPECT_EQ(versions_of("valle-alto.example", "in_review"), 1);
  auto per = signed_in(kPer);
  EXPECT_EQ(per->get("/admin/information-review").status, 403) << "coordinators do not review";
  EXPECT_EQ(Visit(portal_.base()).get("/destinations").header("Location"), "/login");
}

TEST_F(DestinationPagesTest, PostsWithoutTheCsrfTokenChangeNothing) {
  auto per = signed_in(kPer);
  http::HeaderList form = pohjola_form("");
  form.erase(form.begin());
  EXPECT_EQ(per->post("/coordinator/destinations/save", form).status, 403);
  auto ingrid = signed_in(kIngrid);
  EXPECT_EQ(
      ingrid->post("/admin/information-review/approve", {{"partner_hei_id", "valle-alto.example"}, {"seen_version", "1"}}).status,
      403);
  EXPECT_EQ(versions_of("pohjola.example"), 0);
  EXPECT_EQ(versions_of("valle-alto.example", "in_review"), 1);
  EXPECT_EQ(portal_.count("SELECT count(*) FROM audit_event WHERE action LIKE 'information_%'"), 0);
}

TEST_F(DestinationPagesTest, HostileInputIsShownAsTextAndStoresNothing) {
  auto per = signed_in(kPer);
  per->get(kPohjolaEditor);
  auto markup =
      per->post("/coordinator/destinations/save",
                pohjola_form(per->csrf(), {{"city", "<script>alert(1)</script>"}, {"country_code", "FI'); DROP TABLE hei; --"}}));
  EXPECT_EQ(markup.status, 400);
  EXPECT_TRUE(contains(markup.body, "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
  EXPECT_FALSE(contains(markup.body, "<script>"));
  auto bad_bytes = per->post("/coordinator/destinations/save", pohjola_form(per->csrf(), {{"tuition_fees", "caf\xe9"}}));
  EXPECT_EQ(bad_bytes.status, 400);
  EXPECT_TRUE(contains(bad_bytes.body, "id=\"tuition_fees-error\""));
  EXPECT_TRUE(contains(bad_bytes.body, ">caf\xef\xbf\xbd</textarea>")) << "shown back with U+FFFD for the refused byte";
  for (const std::string& city : {std::string("Oulu\nInjected: header"), std::string("Oulu\r"), std::string("Ou\0lu", 5),
                                  std::string("\xe2\x80\xae") + "uluO"}) {
    auto refused = per->post("/coordinator/destinations/save", pohjola_form(per->csrf(), {{"city", city}}));
    EXPECT_EQ(refused.status, 400) << ::testing::PrintToString(city);
    std::string message =
        city.find('\0') == std::string::npos ? "Skriv dette på én linje" : "Dette inneholder tegn";  // Per reads bokmål
    EXPECT_TRUE(contains(refused.body, "id=\"city-error\" role=\"alert\">" + message)) << refused.body.substr(0, 200);
  }
  auto huge =
      per->post("/coordinator/destinations/save", pohjola_form(per->csrf(), {{"visa_and_residence", std::string(20000, 'x')}}));
  EXPECT_EQ(huge.status, 400);
  EXPECT_EQ(per->post("/coordinator/destinations/save", pohjola_form(per->csrf(), {{"partner_hei_id", "' OR 1=1 --"}})).status,
            404);
  EXPECT_EQ(versions_of("pohjola.example"), 0);
  EXPECT_EQ(portal_.count("SELECT count(*) FROM hei"), 6);
}

}  // namespace
}  // namespace mobility::portal
