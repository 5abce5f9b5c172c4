// The host's courses our coordinators keep per destination (portal/pages/host_course_pages.hpp,
// agreements/host_courses.hpp) over real loopback HTTP with real PostgreSQL: adding, changing and
// removing courses (audited), bad input refused beside its field with what was typed kept, two
// tabs that never overwrite each other, who may open what; the students' destination page listing
// and filtering them, and the pre-approval form picking a listed course instead of typing it; the
// partner's own catalogue as fetched over EWP shown beside the list, and picked with its ids.
#include <gtest/gtest.h>

#include "db/institutions.hpp"
#include "db/partner_courses.hpp"
#include "mobilities/demo_mobilities.hpp"
#include "tests/support/portal_server.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::portal {
namespace {

using testing::contains;
using testing::form_fields;
using testing::Visit;
using testing::with;

constexpr const char* kCoordinator = "per.saether@fjordland.example";  // coordinator of ou-mn
constexpr const char* kStudent = "aase.bjornstad@student.fjordland.example";
const std::string kList = "/coordinator/destinations/courses?partner_hei_id=pohjola.example";

class HostCoursePagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    portal_.start(/*demo_agreements=*/true);
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    ASSERT_TRUE((*connection)->exec("UPDATE account SET language = 'en'"));  // the texts below are English
  }

  void seed_demo_mobilities() {
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    auto seeded = mobilities::seed_demo_mobilities(**connection);
    ASSERT_TRUE(seeded) << seeded.status().to_string();
  }

  std::unique_ptr<Visit> signed_in(const std::string& email) { return testing::signed_in(portal_.base(), email); }

  int64_t courses(const std::string& where = "true") { return portal_.count("SELECT count(*) FROM host_course WHERE " + where); }

  // The add form of Pohjola's list with `changes` on top of a valid course.
  static http::HeaderList course_form(const std::string& csrf, const http::HeaderList& changes = {}) {
    http::HeaderList form = {{"csrf", csrf},           {"partner_hei_id", "pohjola.example"},
                             {"los_code", "TIE-101"},  {"title", "Ohjelmoinnin perusteet"},
                             {"ects_credits", "7,5"},  {"term", "autumn"},
                             {"language", "fi"},       {"eqf_level", "6"},
                             {"isced_f_code", "0613"}, {"url", "https://pohjola.example/tie-101"}};
    for (const auto& [name, value] : changes) form = with(std::move(form), name, value);
    return form;
  }

  // Adds TIE-101 to Pohjola's list as `visit`; returns its id.
  std::string add_course(Visit& visit) {
    visit.get(kList);
    auto added = visit.post("/coordinator/destinations/courses/add", course_form(visit.csrf()));
    EXPECT_EQ(added.status, 303) << added.body;
    return portal_.text("SELECT course_id::text FROM host_course WHERE los_code = 'TIE-101'");
  }

  static std::string edit_path(const std::string& course_id) {
    return "/coordinator/destinations/courses/edit?partner_hei_id=pohjola.example&course_id=" + course_id;
  }

  // As if the reference refresher had fetched `partner`'s catalogue: `course` with one instance
  // in 2099 and one that ended in 2001.
  void store_catalogue(const std::string& partner, db::PartnerCourse course) {
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    course.instances.push_back({"CRI/ended", "2001-08-15", "2001-12-20", "5", std::nullopt});
    ASSERT_TRUE(db::store_partner_courses(**connection, partner, {course}));
  }

  testing::PortalServer portal_;
};

TEST_F(HostCoursePagesTest, ACoordinatorAddsChangesAndRemovesCoursesEachStepAudited) {
  auto per = signed_in(kCoordinator);
  auto destinations = per->get("/coordinator/destinations");
  EXPECT_TRUE(contains(destinations.body, "href=\"" + kList + "\"")) << "linked beside the destination editor";
  auto list = per->get(kList);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(contains(list.body, "<label for=\"los_code\">")) << "every input has a label";
  EXPECT_TRUE(contains(list.body, "aria-describedby=\"ects_credits-hint\""));
  std::string course_id = add_course(*per);
  ASSERT_FALSE(course_id.empty());
  EXPECT_EQ(courses("ects_credits = 7.5 AND term = 'autumn' AND language = 'fi' AND eqf_level = 6 AND modified_by = '" +
                    std::string(kCoordinator) + "'"),
            1)
      << "7,5 is read as 7.5";
  auto shown = per->get(kList + "&done=added");
  EXPECT_TRUE(contains(shown.body, "The course is added.")) << shown.body;
  EXPECT_TRUE(contains(shown.body, "<a href=\"https://pohjola.example/tie-101\">Ohjelmoinnin perusteet</a>"));

  auto editor = per->get(edit_path(course_id));
  ASSERT_EQ(editor.status, 200) << editor.body;
  auto fields = form_fields(editor.body, "/coordinator/destinations/courses/save");
  auto saved = per->post("/coordinator/destinations/courses/save", with(fields, "title", "Ohjelmointi 1"));
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("Location"), kList + "&done=changed");
  EXPECT_EQ(courses("title = 'Ohjelmointi 1' AND version = 2 AND url = 'https://pohjola.example/tie-101'"), 1)
      << "the rest of the course kept";

  editor = per->get(edit_path(course_id));
  auto removed =
      per->post("/coordinator/destinations/courses/remove", form_fields(editor.body, "/coordinator/destinations/courses/remove"));
  EXPECT_EQ(removed.status, 303) << removed.body;
  EXPECT_EQ(courses(), 0);
  EXPECT_EQ(portal_.count("SELECT count(*) FROM audit_event WHERE hei_id = 'fjordland.example' AND record = "
                          "'host_course:pohjola.example:" +
                          course_id + "' AND action IN ('host_course_added', 'host_course_changed', 'host_course_removed')"),
            3);
}

TEST_F(HostCoursePagesTest, BadInputIsShownBesideItsFieldWithWhatWasTypedAndStoresNothing) {
  auto per = signed_in(kCoordinator);
  per->get(kList);
  auto refused = per->post("/coordinator/destinations/courses/add", course_form(per->csrf(), {{"los_code", ""},
                                                                                              {"ects_credits", "seventy"},
                                                                                              {"term", "winter"},
                                                                                              {"language", "Finnish"},
                                                                                              {"eqf_level", "9"},
                                                                                              {"isced_f_code", "06x"},
                                                                                              {"url", "ftp://pohjola"}}));
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body,
                       "value=\"seventy\" aria-invalid=\"true\" aria-describedby=\"ects_credits-hint "
                       "ects_credits-error\""))
      << refused.body;
  for (const char* field : {"los_code", "ects_credits", "term", "language", "eqf_level", "isced_f_code", "url"}) {
    EXPECT_TRUE(contains(refused.body, std::string("id=\"") + field + "-error\" role=\"alert\"")) << field;
  }
  EXPECT_FALSE(contains(refused.body, "id=\"title-error\"")) << "the title was fine";
  EXPECT_TRUE(contains(refused.body, "value=\"Ohjelmoinnin perusteet\"")) << "kept";
  EXPECT_TRUE(contains(refused.body, "Give the credits as a number from 0.5 to 60"));
  EXPECT_EQ(courses(), 0);

  add_course(*per);
  per->get(kList);
  auto twice = per->post("/coordinator/destinations/courses/add", course_form(per->csrf(), {{"los_code", "tie-101"}}));
  EXPECT_EQ(twice.status, 400);
  EXPECT_TRUE(contains(twice.body, "id=\"los_code-error\" role=\"alert\">Another course of this destination has this code"))
      << twice.body;
  EXPECT_EQ(courses(), 1);
  EXPECT_EQ(portal_.count("SELECT count(*) FROM audit_event WHERE action LIKE 'host_course_%'"), 1) << "only the one added";
}

TEST_F(HostCoursePagesTest, TwoTabsNeverOverwriteEachOthersChanges) {
  auto per = signed_in(kCoordinator);
  std::string course_id = add_course(*per);
  auto first_tab = form_fields(per->get(edit_path(course_id)).body, "/coordinator/destinations/courses/save");
  auto second_tab = form_fields(per->get(edit_path(course_id)).body, "/coordinator/destinations/courses/save");
  auto remove_tab = form_fields(per->get(edit_path(course_id)).body, "/coordinator/destinations/courses/remove");
  EXPECT_EQ(per->post("/coordinator/destinations/courses/save", with(first_tab, "ects_credits", "10")).status, 303);
  auto stale = per->post("/coordinator/destinations/courses/save", with(second_tab, "title", "Stale title"));
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(contains(stale.body, "Someone changed or removed this course meanwhile")) << stale.body;
  EXPECT_TRUE(contains(stale.body, "value=\"Stale title\"")) << "what was typed is kept";
  auto not_removed = per->post("/coordinator/destinations/courses/remove", remove_tab);
  EXPECT_EQ(not_removed.status, 409) << "removing what one has not seen";
  EXPECT_TRUE(contains(not_removed.body, "id=\"ects_credits\" name=\"ects_credits\" type=\"text\" value=\"10\""))
      << "the course as it stands now: " << not_removed.body;
  EXPECT_EQ(courses("ects_credits = 10 AND title = 'Ohjelmoinnin perusteet' AND version = 2"), 1);
}

TEST_F(HostCoursePagesTest, OnlyEditorsOfTheHeiOpenThePagesAndOnlyForTheirPartners) {
  auto per = signed_in(kCoordinator);
  std::string course_id = add_course(*per);
  EXPECT_EQ(per->get("/coordinator/destinations/courses?partner_hei_id=fjordland.example").status, 404) << "not a partner";
  EXPECT_EQ(per->get("/coordinator/destinations/courses?partner_hei_id=nowhere.example").status, 404);
  EXPECT_EQ(per->get("/coordinator/destinations/courses/edit?partner_hei_id=lumiere-nord.example&course_id=" + course_id).status,
            404)
      << "the course is Pohjola's, not Lumière-Nord's";
  per->get(kList);
  auto elsewhere =
      per->post("/coordinator/destinations/courses/save",
                with(course_form(per->csrf(), {{"partner_hei_id", "lumiere-nord.example"}}), "course_id", course_id));
  EXPECT_EQ(elsewhere.status, 404);
  auto student = signed_in(kStudent);
  EXPECT_EQ(student->get(kList).status, 403);
  student->get("/");
  EXPECT_EQ(student->post("/coordinator/destinations/courses/add", course_form(student->csrf(), {{"los_code", "S-1"}})).status,
            403);
  auto no_csrf = per->post("/coordinator/destinations/courses/add", course_form("wrong", {{"los_code", "X-1"}}));
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(courses(), 1);
}

TEST_F(HostCoursePagesTest, ACsvImportShowsEveryLinesProblemsAndStoresAllLinesOnlyWhenNoneHasOne) {
  auto per = signed_in(kCoordinator);
  add_course(*per);  // TIE-101 is listed
  const std::string import = "/coordinator/destinations/courses/import";
  const std::string bad =
      "los_code;title;ects_credits;term;language\r\n"
      "TIE-200;Tietorakenteet;5;spring;fi\r\n"
      "tie-101;Listed already;5;autumn;fi\r\n"
      "TIE-300;\"K\u00e4ytt\u00f6j\u00e4rjestelm\u00e4t; osa 1\";7,5;year;\r\n"
      "TIE-200;Twice in the text;5;autumn;fi\r\n"
      "TIE-400;Bad;seventy;winter;fi\r\n";
  per->get(kList);
  http::HeaderList form{{"csrf", per->csrf()}, {"partner_hei_id", "pohjola.example"}, {"csv", bad}, {"action", "preview"}};
  auto preview = per->post(import, form);
  EXPECT_EQ(preview.status, 400);
  EXPECT_TRUE(contains(preview.body, "<td>3</td><td>tie-101</td>")) << preview.body;
  EXPECT_TRUE(contains(preview.body, "Course code: Another course of this destination has this code already."));
  EXPECT_TRUE(contains(preview.body, "Course code: This code is on an earlier line of the text as well."));
  EXPECT_TRUE(contains(preview.body, "ECTS credits: Give the credits"));
  EXPECT_TRUE(contains(preview.body, "Term: Choose autumn, spring or the whole year."));
  EXPECT_TRUE(
      contains(preview.body, "<td>4</td><td>TIE-300</td><td>K\u00e4ytt\u00f6j\u00e4rjestelm\u00e4t; osa 1</td><td>7.5</td>"))
      << "a quoted field keeps its separator; 7,5 is read as 7.5";
  EXPECT_TRUE(contains(preview.body, "Nothing was stored"));
  EXPECT_TRUE(contains(preview.body, "TIE-400;Bad;seventy;winter;fi")) << "the text is kept";
  auto columns = per->post(import, with(form, "csv", "code,title\nA,B\n"));
  EXPECT_EQ(columns.status, 400);
  EXPECT_TRUE(contains(columns.body, "aria-describedby=\"csv-hint csv-error\"")) << columns.body;
  EXPECT_TRUE(contains(columns.body, "<li>The column los_code is missing.</li>")) << "beside the text";
  EXPECT_TRUE(contains(columns.body, "<li>This column is not known: code</li>"));
  auto refused = per->post(import, with(form, "action", "import"));
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(courses(), 1) << "not even the good lines";

  const std::string good =
      "los_code,title,ects_credits,term,language\n"
      "TIE-200,Tietorakenteet,5,spring,fi\n"
      "TIE-300,\"K\u00e4ytt\u00f6j\u00e4rjestelm\u00e4t, osa 1\",\"7,5\",year,\n";
  auto ready = per->post(import, with(form, "csv", good));
  EXPECT_EQ(ready.status, 200);
  EXPECT_TRUE(contains(ready.body, "Every line can be imported.")) << ready.body;
  EXPECT_EQ(courses(), 1) << "a preview stores nothing";
  auto imported = per->post(import, with(with(form, "csv", good), "action", "import"));
  EXPECT_EQ(imported.status, 303) << imported.body;
  EXPECT_EQ(imported.header("Location"), kList + "&done=imported");
  EXPECT_EQ(courses(), 3);
  EXPECT_EQ(courses("los_code = 'TIE-300' AND ects_credits = 7.5 AND term = 'year' AND language IS NULL"), 1);
  EXPECT_EQ(portal_.count("SELECT count(*) FROM audit_event WHERE action = 'host_course_added'"), 3);
  EXPECT_EQ(per->post(import, with(with(form, "csv", good), "action", "import")).status, 400) << "importing twice";
  EXPECT_EQ(courses(), 3);
}

TEST_F(HostCoursePagesTest, StudentsFindTheListedCoursesOnTheDestinationPage) {
  seed_demo_mobilities();  // the demo host courses too
  auto student = signed_in(kStudent);
  auto page = student->get("/destinations/lumiere-nord.example");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body,
                       "<td>INF-301</td><td><a href=\"https://lumiere-nord.example/cours/inf-301\">Systèmes "
                       "distribués</a></td><td>6</td><td>autumn</td><td>fr</td>"))
      << page.body;
  EXPECT_TRUE(contains(page.body, "<label for=\"course_search\">"));
  auto searched = student->get("/destinations/lumiere-nord.example?course_search=apprentissage");
  EXPECT_TRUE(contains(searched.body, "<td>INF-320</td>"));
  EXPECT_FALSE(contains(searched.body, "<td>INF-301</td>"));
  auto autumn = student->get("/destinations/lumiere-nord.example?course_term=autumn");
  EXPECT_TRUE(contains(autumn.body, "<td>INF-301</td>"));
  EXPECT_TRUE(contains(autumn.body, "<td>FLE-110</td>")) << "a whole-year course is taught in autumn too";
  EXPECT_FALSE(contains(autumn.body, "<td>INF-320</td>")) << "spring";
  auto none = student->get("/destinations/lumiere-nord.example?course_search=quantum");
  EXPECT_TRUE(contains(none.body, "No listed course matches the search."));
  auto bogus = student->get("/destinations/lumiere-nord.example?course_term=winter");
  EXPECT_TRUE(contains(bogus.body, "<td>INF-320</td>")) << "not a term: no filter";
}

TEST_F(HostCoursePagesTest, TheStudentPicksAListedCourseOrTypesOne) {
  seed_demo_mobilities();
  const std::string own = "/my-exchange/mobilities/fjordland-demo-nominated/courses";  // Åse, to TU Rheinfeld
  std::string german = portal_.text("SELECT course_id::text FROM host_course WHERE los_code = 'DE-100'");
  std::string french = portal_.text("SELECT course_id::text FROM host_course WHERE los_code = 'FLE-110'");
  auto student = signed_in(kStudent);
  auto page = student->get(own);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "<label for=\"host_course_id\">"));
  EXPECT_TRUE(contains(page.body, "<option value=\"" + german + "\">DE-100 Deutsch als Fremdsprache A2 (5 ECTS, whole year)"))
      << page.body;
  EXPECT_FALSE(contains(page.body, "FLE-110")) << "another destination's course";

  http::HeaderList picked{{"csrf", student->csrf()}, {"host_course_id", german}, {"host_course_code", ""},
                          {"host_course_title", ""}, {"host_credits", ""},       {"term", "1/1"},
                          {"home_course_code", ""},  {"home_course_title", ""},  {"home_credits", "5"}};
  auto foreign = student->post(own, with(picked, "host_course_id", french));
  EXPECT_EQ(foreign.status, 400);
  EXPECT_TRUE(contains(foreign.body, "aria-describedby=\"host_course_id-hint host_course_id-error\" aria-invalid=\"true\""))
      << foreign.body;
  EXPECT_TRUE(contains(foreign.body, "id=\"host_course_id-error\" role=\"alert\""));
  EXPECT_EQ(portal_.count("SELECT count(*) FROM preapproval_line WHERE omobility_id = 'fjordland-demo-nominated' AND "
                          "host_course_code IN ('FLE-110', 'DE-100')"),
            0);

  auto proposed = student->post(own, picked);
  EXPECT_EQ(proposed.status, 303) << proposed.body;
  EXPECT_EQ(portal_.count("SELECT count(*) FROM preapproval_line WHERE omobility_id = 'fjordland-demo-nominated' AND "
                          "host_course_code = 'DE-100' AND host_course_title = 'Deutsch als Fremdsprache A2' AND "
                          "host_credits = 5 AND term_number = 1 AND total_terms = 1 AND home_credits = 5 AND "
                          "state = 'proposed'"),
            1);
  student->get(own);
  auto typed = student->post(own, {{"csrf", student->csrf()},
                                   {"host_course_id", ""},
                                   {"host_course_title", "Robotik"},
                                   {"host_credits", "6"},
                                   {"term", "2/2"},
                                   {"home_credits", "5"}});
  EXPECT_EQ(typed.status, 303) << "typing stays possible";
  EXPECT_EQ(portal_.count("SELECT count(*) FROM preapproval_line WHERE host_course_title = 'Robotik'"), 1);
  auto chosen = student->get(own + "?pick=" + german);
  EXPECT_TRUE(contains(chosen.body, "<option value=\"" + german + "\" selected>")) << "?pick= preselects a course";
}

TEST_F(HostCoursePagesTest, AnotherHeiHostedHereKeepsItsOwnListForTheSamePartners) {
  seed_demo_mobilities();
  {
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    ASSERT_TRUE(db::host_hei(**connection, {"uni-y.example", "ewp@uni-y.example", "University Y", "en", "DE"}));
    for (const char* partner : {"lumiere-nord.example", "tu-rheinfeld.example"}) {
      ASSERT_TRUE(db::link_partner(**connection, "uni-y.example", partner));
      ASSERT_TRUE((*connection)
                      ->exec("INSERT INTO host_course (hei_id, partner_hei_id, los_code, title, ects_credits, term, modified_by)"
                             " VALUES ('uni-y.example', $1, 'INF-301', 'Kurs von Y', 5, 'autumn', 'admin@uni-y.example')",
                             {partner}));
    }
  }
  std::string theirs = portal_.text(
      "SELECT course_id::text FROM host_course WHERE hei_id = 'uni-y.example' AND "
      "partner_hei_id = 'tu-rheinfeld.example'");
  auto per = signed_in(kCoordinator);
  auto list = per->get("/coordinator/destinations/courses?partner_hei_id=lumiere-nord.example");
  EXPECT_TRUE(contains(list.body, "Systèmes distribués"));
  EXPECT_FALSE(contains(list.body, "Kurs von Y")) << list.body;
  EXPECT_EQ(per->get("/coordinator/destinations/courses/edit?partner_hei_id=tu-rheinfeld.example&course_id=" + theirs).status,
            404);
  auto student = signed_in(kStudent);
  EXPECT_FALSE(contains(student->get("/destinations/lumiere-nord.example").body, "Kurs von Y"));
  const std::string own = "/my-exchange/mobilities/fjordland-demo-nominated/courses";
  auto form = student->get(own);
  EXPECT_FALSE(contains(form.body, "Kurs von Y"));
  auto picked =
      student->post(own, {{"csrf", student->csrf()}, {"host_course_id", theirs}, {"term", "1/2"}, {"home_credits", "5"}});
  EXPECT_EQ(picked.status, 400) << "Y's course is not on our list";
  EXPECT_EQ(portal_.count("SELECT count(*) FROM preapproval_line WHERE host_course_title = 'Kurs von Y'"), 0);
}

TEST_F(HostCoursePagesTest, StudentsSeeThePartnersCatalogueBesideTheListOrOnlyTheList) {
  seed_demo_mobilities();
  auto student = signed_in(kStudent);
  auto before = student->get("/destinations/lumiere-nord.example");
  EXPECT_FALSE(contains(before.body, "id=\"partner-courses\"")) << "no catalogue fetched: the coordinators' list only";
  EXPECT_FALSE(contains(before.body, "Listed by our international office"));
  store_catalogue("lumiere-nord.example", {"CR/ml",
                                           "ML-400",
                                           "Apprentissage profond",
                                           "fr",
                                           "0613",
                                           7,
                                           "https://lumiere-nord.example/ml-400",
                                           {{"CRI/ml-2099", "2099-01-10", "2099-06-10", "5", "fr"}}});
  auto page = student->get("/destinations/lumiere-nord.example");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "<h3 id=\"partner-courses\">From the partner&apos;s course catalogue</h3>")) << page.body;
  EXPECT_TRUE(contains(page.body, "Fetched from the partner over EWP: 20"));
  EXPECT_TRUE(contains(page.body,
                       "<td>ML-400</td><td><a href=\"https://lumiere-nord.example/ml-400\">Apprentissage profond</a></td>"
                       "<td>5</td><td>spring</td><td>2099-01-10 – 2099-06-10</td><td>fr</td><td>7</td><td>0613</td>"))
      << page.body;
  EXPECT_FALSE(contains(page.body, "2001-08-15")) << "an instance that has ended";
  EXPECT_TRUE(contains(page.body, "<h3 id=\"coordinator-courses\">Listed by our international office</h3>"));
  EXPECT_TRUE(contains(page.body, "<td>INF-301</td>")) << "the coordinators' list stays, labelled";
  auto searched = student->get("/destinations/lumiere-nord.example?course_search=apprentissage");
  EXPECT_TRUE(contains(searched.body, "<td>ML-400</td>"));
  EXPECT_TRUE(contains(searched.body, "<td>INF-320</td>"));
  EXPECT_FALSE(contains(searched.body, "<td>INF-301</td>"));
  auto autumn = student->get("/destinations/lumiere-nord.example?course_term=autumn");
  EXPECT_FALSE(contains(autumn.body, "<td>ML-400</td>")) << "a spring course";
  EXPECT_TRUE(contains(autumn.body, "id=\"partner-courses\"")) << "still labelled, with its no-match text";
  auto other = student->get("/destinations/tu-rheinfeld.example");
  EXPECT_FALSE(contains(other.body, "ML-400")) << "another partner's catalogue";
}

TEST_F(HostCoursePagesTest, TheStudentPicksACourseOfThePartnersCatalogueAndTheLineKeepsItsIds) {
  seed_demo_mobilities();
  store_catalogue("tu-rheinfeld.example", {"CR/rob",
                                           "ROB-200",
                                           "Robotik",
                                           "de",
                                           std::nullopt,
                                           std::nullopt,
                                           std::nullopt,
                                           {{"CRI/rob-2099", "2099-08-15", "2099-12-20", "6", "de"}}});
  const std::string own = "/my-exchange/mobilities/fjordland-demo-nominated/courses";  // Åse, to TU Rheinfeld
  auto student = signed_in(kStudent);
  auto page = student->get(own);
  ASSERT_EQ(page.status, 200) << page.body;
  const std::string value = "catalogue:CR/rob CRI/rob-2099";
  EXPECT_TRUE(contains(page.body, "<option value=\"" + value +
                                      "\">ROB-200 Robotik (6 ECTS, autumn, 2099-08-15 – 2099-12-20; from the partner&apos;s "
                                      "course catalogue)</option>"))
      << page.body;
  EXPECT_FALSE(contains(page.body, "CRI/ended")) << "an instance that has ended is not offered";

  http::HeaderList picked{{"csrf", student->csrf()}, {"host_course_id", value}, {"host_course_code", ""},
                          {"host_course_title", ""}, {"host_credits", ""},      {"home_course_code", ""},
                          {"home_course_title", ""}, {"home_credits", "5"},     {"term", "1/2"}};
  for (const char* foreign : {"catalogue:CR/rob CRI/ended", "catalogue:CR/other", "catalogue:", "catalogue:CR/rob "}) {
    auto refused = student->post(own, with(picked, "host_course_id", foreign));
    EXPECT_EQ(refused.status, 400) << foreign;
    EXPECT_TRUE(contains(refused.body, "id=\"host_course_id-error\" role=\"alert\"")) << foreign;
  }
  EXPECT_EQ(portal_.count("SELECT count(*) FROM preapproval_line WHERE host_los_id IS NOT NULL"), 0);

  auto proposed = student->post(own, picked);
  EXPECT_EQ(proposed.status, 303) << proposed.body;
  EXPECT_EQ(portal_.count("SELECT count(*) FROM preapproval_line WHERE omobility_id = 'fjordland-demo-nominated' AND "
                          "host_course_code = 'ROB-200' AND host_course_title = 'Robotik' AND host_credits = 6 AND "
                          "host_los_id = 'CR/rob' AND host_loi_id = 'CRI/rob-2099' AND state = 'proposed'"),
            1);
}

}  // namespace
}  // namespace mobility::portal
