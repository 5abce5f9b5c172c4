// Node A fetching its partner B's reference data over EWP (tests/ewp/two_nodes_fixture.hpp: two
// real nodes, real signatures, real PostgreSQL): B's institution, its organizational units (in
// batches of the max-ounit-ids B announces) and its factsheet end up in A's tables, where
// the pages' NameCache finds them. A second refresh follows B's changes, and removes a
// unit B no longer has. Garbage from B, and an answer A's tables refuse, store nothing and are
// recorded; a partner without an API is recorded as such and not asked again before it is due;
// nothing is fetched again before the refresh age. B's course catalogue (Simple Course Replication
// and Courses, served signed on loopback) is stored in batches of its max-los-ids, and a failed
// second fetch keeps the first copy.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <mutex>

#include "portal/web/name_cache.hpp"

#include "db/factsheets.hpp"
#include "db/institutions.hpp"
#include "db/partner_courses.hpp"
#include "db/partner_factsheets.hpp"
#include "db/reference_fetches.hpp"
#include "ewp-node/reference/reference_refresher.hpp"
#include "tests/ewp/two_nodes_fixture.hpp"
#include "tests/support/signed_answer.hpp"

namespace mobility::ewp::test {
namespace {

const std::string kB = "uni-b.example";
constexpr int kDemoPartners = 5;  // A's demo partners: in no catalogue, so without any API

class ReferenceFetchTest : public TwoNodesTest {
 protected:
  void SetUp() override {
    TwoNodesTest::SetUp();
    if (HasFatalFailure()) return;
    auto b = b_.connection();
    ASSERT_TRUE(b->exec_script(R"(
      INSERT INTO organizational_unit (hei_id, ounit_id, ounit_code, parent_ounit_id) VALUES
        ('uni-b.example', 'b-root', 'ROOT', NULL), ('uni-b.example', 'b-eng', 'ENG', 'b-root'),
        ('uni-b.example', 'b-sci', 'SCI', 'b-root');
      INSERT INTO ounit_name (hei_id, ounit_id, lang, name) VALUES
        ('uni-b.example', 'b-root', 'en', 'University B'), ('uni-b.example', 'b-eng', 'en', 'Faculty of Engineering'),
        ('uni-b.example', 'b-eng', 'de', 'Fakultät für Ingenieurwesen'), ('uni-b.example', 'b-sci', 'en', 'Faculty of Science');)"));
    auto seeded = db::current_factsheets(*a_.connection(), {"fjordland.example"});
    ASSERT_TRUE(seeded && seeded->size() == 1);
    b_factsheet_ = seeded->front().factsheet;
    ASSERT_TRUE(a_.connection()->exec("UPDATE hei SET city = 'Berlin' WHERE hei_id = 'uni-b.example'"));
    b_factsheet_.hei_id = kB;
    ASSERT_TRUE(db::save_factsheet(*b, b_factsheet_, {std::nullopt, "ewp@uni-b.example", std::nullopt}, "first", std::nullopt));
  }

  // B announces at most two unit ids per call, so that A asks for B's three units in two batches.
  std::vector<ApiDescriptor> announced_apis(TestNode& node) override {
    std::vector<ApiDescriptor> apis = served_apis(*node.pool);
    for (ApiDescriptor& api : apis) {
      if (api.entry_namespace != ns::kOunitsEntry) continue;
      api.write_entry = [](XmlElement& entry, const std::string& public_url) {
        write_httpsig_security(entry, ns::kOunitsEntry);
        entry.add_text(ns::kOunitsEntry, "url", public_url + "/ewp/ounits");
        entry.add_text(ns::kOunitsEntry, "max-ounit-ids", "2");
        entry.add_text(ns::kOunitsEntry, "max-ounit-codes", "2");
      };
    }
    return apis;
  }

  ReferenceRefresher& refresher() {
    auto found = a_.node->reference_refresher();
    EXPECT_TRUE(found) << found.status().to_string();
    return **found;
  }
  int refresh() {
    auto refreshed = refresher().run_once();
    EXPECT_TRUE(refreshed) << refreshed.status().to_string();
    return refreshed ? *refreshed : -1;
  }
  int refresh_b_now() {
    EXPECT_TRUE(refresher().refresh_now(kB));
    return refresh();
  }

  // As pages see them, read afresh each time.
  std::optional<std::string> a_hei_name(const std::string& language, const std::string& hei_id = kB) {
    return portal::NameCache(std::chrono::milliseconds(0)).hei_name(*a_.connection(), hei_id, language).value();
  }
  std::optional<std::string> a_ounit_name(const std::string& ounit_id, const std::string& language) {
    return portal::NameCache(std::chrono::milliseconds(0)).ounit_name(*a_.connection(), kB, ounit_id, language).value();
  }
  std::vector<std::string> a_units() {
    auto rows = a_.connection()->exec(
        "SELECT ounit_id || ':' || ounit_code || ':' || COALESCE(parent_ounit_id, '-') FROM organizational_unit "
        "WHERE hei_id = 'uni-b.example' ORDER BY ounit_id");
    std::vector<std::string> units;
    for (db::Row row : *rows) units.push_back(row.get<std::string>(0));
    return units;
  }
  std::map<std::string, std::string> a_outcomes(const std::string& partner = kB) {
    std::map<std::string, std::string> outcomes;
    auto fetches = db::reference_fetches(*a_.connection(), partner);
    EXPECT_TRUE(fetches) << fetches.status().to_string();
    for (const auto& fetch : fetches ? *fetches : std::vector<db::ReferenceFetch>{}) {
      outcomes[fetch.api] = fetch.outcome + (fetch.last_error ? ": " + *fetch.last_error : "");
    }
    return outcomes;
  }
  std::optional<std::string> a_contact_error() {
    auto rows = a_.connection()->exec("SELECT last_error FROM partner_contact WHERE partner_hei_id = 'uni-b.example'");
    EXPECT_TRUE(rows && rows->size() == 1);
    return rows && rows->size() == 1 ? rows->front().get<std::optional<std::string>>(0) : std::nullopt;
  }
  // As if A's last fetch from B had been `hours` ago.
  void age_b_fetches(int hours) {
    ASSERT_TRUE(a_.connection()->exec(
        "UPDATE reference_fetch SET last_attempt_at = now() - make_interval(hours => $1) WHERE partner_hei_id = 'uni-b.example'",
        {hours}));
  }

  db::Factsheet b_factsheet_;
};

using ::testing::ElementsAre;
using ::testing::Pair;
using ::testing::StartsWith;

TEST_F(ReferenceFetchTest, AFetchesBsInstitutionUnitsAndFactsheet) {
  EXPECT_EQ(a_hei_name("en"), std::nullopt);
  EXPECT_EQ(refresh(), 1 + kDemoPartners) << "every partner is new";
  EXPECT_EQ(a_hei_name("en"), "University B");
  EXPECT_EQ(a_ounit_name("b-eng", "de"), "Fakultät für Ingenieurwesen");
  EXPECT_EQ(a_ounit_name("b-eng", "fr"), "Faculty of Engineering") << "English when there is no French name";
  EXPECT_EQ(a_ounit_name("b-sci", "en"), "Faculty of Science") << "the second batch of unit ids";
  EXPECT_THAT(a_units(), ElementsAre("b-eng:ENG:b-root", "b-root:ROOT:-", "b-sci:SCI:b-root"));
  auto factsheet = db::find_partner_factsheet(*a_.connection(), kB);
  ASSERT_TRUE(factsheet && *factsheet);
  EXPECT_EQ((*factsheet)->factsheet, b_factsheet_);
  EXPECT_THAT(a_outcomes(),
              ElementsAre(Pair("courses", StartsWith("no_api: the registry lists no simple-course-replication url")),
                          Pair("factsheet", "fetched"), Pair("institutions", "fetched"), Pair("organizational-units", "fetched")))
      << "B publishes no courses: the pages show our coordinators' list";
  auto courses = db::list_partner_courses(*a_.connection(), kB);
  ASSERT_TRUE(courses);
  EXPECT_TRUE(courses->rows.empty());
  EXPECT_EQ(a_contact_error(), std::nullopt);
  auto city = a_.connection()->exec("SELECT city FROM hei WHERE hei_id = 'uni-b.example'");
  EXPECT_EQ(city->front().get<std::string>(0), "Berlin") << "kept: B publishes no city";
}

TEST_F(ReferenceFetchTest, ASecondRefreshFollowsBsChangesAndRemovesAUnitBNoLongerHas) {
  ASSERT_EQ(refresh(), 1 + kDemoPartners);
  ASSERT_TRUE(b_.connection()->exec_script(R"(
    UPDATE hei_name SET name = 'Berlin University B' WHERE hei_id = 'uni-b.example' AND lang = 'en';
    INSERT INTO hei_name (hei_id, lang, name) VALUES ('uni-b.example', 'de', 'Universität B');
    DELETE FROM ounit_name WHERE ounit_id = 'b-sci';
    DELETE FROM organizational_unit WHERE ounit_id = 'b-sci';
    UPDATE organizational_unit SET ounit_code = 'ENGINEERING' WHERE ounit_id = 'b-eng';
    UPDATE ounit_name SET name = 'School of Engineering' WHERE ounit_id = 'b-eng' AND lang = 'en';)"));
  b_factsheet_.tor_weeks_limit = 9;
  ASSERT_TRUE(db::save_factsheet(*b_.connection(), b_factsheet_, {std::nullopt, "ewp@uni-b.example", std::nullopt}, "faster", 1));

  EXPECT_EQ(refresh(), 0) << "nothing is due yet";
  EXPECT_EQ(a_hei_name("en"), "University B");
  EXPECT_EQ(refresh_b_now(), 1) << "refresh now";
  EXPECT_EQ(a_hei_name("en"), "Berlin University B");
  EXPECT_EQ(a_hei_name("de"), "Universität B");
  EXPECT_EQ(a_ounit_name("b-eng", "en"), "School of Engineering");
  EXPECT_EQ(a_ounit_name("b-sci", "en"), std::nullopt) << "the unit B no longer has is gone";
  EXPECT_THAT(a_units(), ElementsAre("b-eng:ENGINEERING:b-root", "b-root:ROOT:-"));
  EXPECT_EQ((db::find_partner_factsheet(*a_.connection(), kB).value())->factsheet.tor_weeks_limit, 9);
}

TEST_F(ReferenceFetchTest, GarbageFromBStoresNothingAndIsRecorded) {
  ASSERT_EQ(refresh(), 1 + kDemoPartners);
  ASSERT_TRUE(b_.connection()->exec("UPDATE hei_name SET name = 'Renamed B' WHERE hei_id = 'uni-b.example'"));
  b_.answer_signed_garbage("GET", "/ewp/institutions", "<institutions-response>not what the schema says");
  b_.answer_signed_garbage("GET", "/ewp/factsheet", "<factsheet-response><factsheet>");
  EXPECT_EQ(refresh_b_now(), 1);
  EXPECT_EQ(a_hei_name("en"), "University B") << "what A had stays";
  EXPECT_THAT(a_units(), ElementsAre("b-eng:ENG:b-root", "b-root:ROOT:-", "b-sci:SCI:b-root"));
  EXPECT_EQ((db::find_partner_factsheet(*a_.connection(), kB).value())->factsheet, b_factsheet_);
  auto outcomes = a_outcomes();
  EXPECT_THAT(outcomes["institutions"], StartsWith("failed: uni-b.example institutions answered invalid XML"));
  EXPECT_THAT(outcomes["organizational-units"], StartsWith("failed: not tried"));
  EXPECT_THAT(outcomes["factsheet"], StartsWith("failed: uni-b.example factsheet answered invalid XML"));
  EXPECT_THAT(a_contact_error().value_or(""), StartsWith("uni-b.example factsheet"));
  EXPECT_EQ(refresh(), 0) << "a failure is retried later, not at once";
}

TEST_F(ReferenceFetchTest, AnAnswerATablesRefuseStoresNothing) {
  ASSERT_EQ(refresh(), 1 + kDemoPartners);
  // Schema-valid, but two units with one code: A's tables refuse the second, so neither is stored.
  b_.answer_signed_garbage(
      "GET", "/ewp/ounits",
      R"(<ounits-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-ounits/tree/stable-v2">
  <ounit><ounit-id>b-eng</ounit-id><ounit-code>SAME</ounit-code><name>Renamed</name></ounit>
  <ounit><ounit-id>b-new</ounit-id><ounit-code>SAME</ounit-code><name>New</name></ounit>
</ounits-response>)");
  EXPECT_EQ(refresh_b_now(), 1);
  EXPECT_THAT(a_units(), ElementsAre("b-eng:ENG:b-root", "b-root:ROOT:-", "b-sci:SCI:b-root"));
  EXPECT_EQ(a_ounit_name("b-eng", "en"), "Faculty of Engineering");
  EXPECT_THAT(a_outcomes()["organizational-units"], StartsWith("failed: uni-b.example organizational-units could not be stored"));
  EXPECT_THAT(a_outcomes()["institutions"], StartsWith("fetched"));
}

TEST_F(ReferenceFetchTest, NothingIsFetchedAgainBeforeTheRefreshAge) {
  ASSERT_EQ(refresh(), 1 + kDemoPartners);
  ASSERT_TRUE(b_.connection()->exec("UPDATE hei_name SET name = 'Renamed B' WHERE hei_id = 'uni-b.example'"));
  age_b_fetches(23);
  EXPECT_EQ(refresh(), 0) << "23 hours old: not due (reference_refresh_hours = 24)";
  EXPECT_EQ(a_hei_name("en"), "University B");
  age_b_fetches(25);
  EXPECT_EQ(refresh(), 1) << "25 hours old: due";
  EXPECT_EQ(a_hei_name("en"), "Renamed B");
}

TEST_F(ReferenceFetchTest, DemoPartnersWithoutAnyApiAreRecordedAsSuch) {
  ASSERT_EQ(refresh(), 1 + kDemoPartners);
  auto outcomes = a_outcomes("pohjola.example");
  EXPECT_THAT(outcomes["institutions"], StartsWith("no_api: the registry lists no institutions url"));
  EXPECT_THAT(outcomes["organizational-units"], StartsWith("no_api: no Institutions API lists the units"));
  EXPECT_THAT(outcomes["factsheet"], StartsWith("no_api:"));
  EXPECT_THAT(outcomes["courses"], StartsWith("no_api:"));
  EXPECT_EQ(a_hei_name("en", "pohjola.example"), "University of Pohjola") << "what staff typed stays";
}

// B announces no Factsheet API.
class ReferenceFetchWithoutFactsheetTest : public ReferenceFetchTest {
 protected:
  std::vector<ApiDescriptor> announced_apis(TestNode& node) override {
    std::vector<ApiDescriptor> apis = ReferenceFetchTest::announced_apis(node);
    std::erase_if(apis, [](const ApiDescriptor& api) { return api.entry_namespace == ns::kFactsheetEntry; });
    return apis;
  }
};

TEST_F(ReferenceFetchWithoutFactsheetTest, APartnerWithoutTheApiIsRecordedAndNotAskedAgainBeforeItIsDue) {
  ASSERT_EQ(refresh(), 1 + kDemoPartners);
  EXPECT_EQ(a_hei_name("en"), "University B") << "the other APIs are fetched";
  EXPECT_THAT(a_outcomes()["factsheet"], StartsWith("no_api: the registry lists no factsheet url"));
  EXPECT_EQ(a_contact_error(), std::nullopt) << "a missing API is no failed contact";
  auto factsheet = db::find_partner_factsheet(*a_.connection(), kB);
  ASSERT_TRUE(factsheet);
  EXPECT_FALSE(*factsheet);
  age_b_fetches(2);
  EXPECT_EQ(refresh(), 0) << "not asked again every minute, nor after a retry delay";
  age_b_fetches(25);
  EXPECT_EQ(refresh(), 1);
}

// B also publishes its courses: Simple Course Replication lists three courses and a programme,
// Courses describes what it is asked, at most two per call.
class ReferenceFetchWithCoursesTest : public ReferenceFetchTest {
 protected:
  void SetUp() override {
    ReferenceFetchTest::SetUp();
    if (HasFatalFailure()) return;
    std::string keys = (b_.directory / "keys").string();
    b_.router->add("GET", "/ewp/course-replication", testing::signed_answer(keys, R"(<course-replication-response
    xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-course-replication/tree/stable-v1">
  <los-id>CR/in3020</los-id><los-id>DEP/informatics</los-id><los-id>CR/thesis</los-id><los-id>CR/seminar</los-id>
</course-replication-response>)"));
    b_.router->add(
        "GET", "/ewp/courses", testing::signed_answers(keys, [this](const http::Request& request) {
          std::vector<std::string> asked = request.query_values("los_id");
          std::string batch;
          std::string body =
              R"(<courses-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-courses/tree/stable-v1">)";
          for (const std::string& los_id : asked) {
            batch += (batch.empty() ? "" : " ") + los_id;
            body += b_course(los_id);
          }
          std::lock_guard lock(mutex_);
          batches_.push_back(batch);
          return body + "</courses-response>";
        }));
  }

  std::vector<ApiDescriptor> announced_apis(TestNode& node) override {
    std::vector<ApiDescriptor> apis = ReferenceFetchTest::announced_apis(node);
    if (node.hei_id != kB) return apis;
    ApiDescriptor replication{"simple-course-replication", "1.0.0-rc9", ns::kCourseReplicationEntry, {}, {}, nullptr};
    replication.write_entry = [](XmlElement& entry, const std::string& public_url) {
      write_httpsig_security(entry, ns::kCourseReplicationEntry);
      entry.add_text(ns::kCourseReplicationEntry, "url", public_url + "/ewp/course-replication");
      entry.add_text(ns::kCourseReplicationEntry, "allows-anonymous-access", "false");
      entry.add_text(ns::kCourseReplicationEntry, "supports-modified-since", "false");
    };
    ApiDescriptor courses{"courses", "0.7.1", ns::kCoursesEntry, {}, {}, nullptr};
    courses.write_entry = [](XmlElement& entry, const std::string& public_url) {
      write_httpsig_security(entry, ns::kCoursesEntry);
      entry.add_text(ns::kCoursesEntry, "url", public_url + "/ewp/courses");
      entry.add_text(ns::kCoursesEntry, "max-los-ids", "2");
      entry.add_text(ns::kCoursesEntry, "max-los-codes", "2");
    };
    apis.push_back(replication);
    apis.push_back(courses);
    return apis;
  }

  // One course as B describes it; an instance in 2099, so that it has not ended.
  static std::string b_course(const std::string& los_id) {
    std::string code = los_id.substr(los_id.find('/') + 1);
    return "<learningOpportunitySpecification><los-id>" + los_id + "</los-id><los-code>" + code + "</los-code>" +
           "<title xml:lang=\"de\">Kurs " + code + "</title><title xml:lang=\"en\">Course " + code + "</title>" +
           "<iscedCode>0613</iscedCode><specifies><learningOpportunityInstance><loi-id>CRI/" + code +
           "-2099</loi-id><start>2099-08-15</start><end>2099-12-20</end>" +
           "<credit><scheme>ects</scheme><value>7.5</value></credit><languageOfInstruction>de</languageOfInstruction>" +
           "</learningOpportunityInstance></specifies></learningOpportunitySpecification>";
  }

  // "los_id loi_id code title credits term language" of each course A shows.
  std::vector<std::string> a_courses() {
    auto copy = db::list_partner_courses(*a_.connection(), kB);
    EXPECT_TRUE(copy) << copy.status().to_string();
    std::vector<std::string> rows;
    for (const auto& row : copy ? copy->rows : std::vector<db::PartnerCourseRow>{}) {
      rows.push_back(row.los_id + " " + row.loi_id.value_or("-") + " " + row.los_code.value_or("-") + " " + row.title + " " +
                     row.ects_credits.value_or("-") + " " + row.term.value_or("-") + " " + row.language.value_or("-"));
    }
    return rows;
  }
  std::vector<std::string> batches() {
    std::lock_guard lock(mutex_);
    return batches_;
  }

  std::mutex mutex_;
  std::vector<std::string> batches_;  // the los_ids of each Courses call B answered
};

TEST_F(ReferenceFetchWithCoursesTest, BsCoursesAreFetchedInBatchesAndStored) {
  ASSERT_EQ(refresh(), 1 + kDemoPartners);
  EXPECT_EQ(a_outcomes()["courses"], "fetched");
  EXPECT_THAT(batches(), ElementsAre("CR/in3020 CR/thesis", "CR/seminar")) << "courses only, two per call";
  EXPECT_THAT(a_courses(), ElementsAre("CR/in3020 CRI/in3020-2099 in3020 Course in3020 7.5 autumn de",
                                       "CR/seminar CRI/seminar-2099 seminar Course seminar 7.5 autumn de",
                                       "CR/thesis CRI/thesis-2099 thesis Course thesis 7.5 autumn de"));
  auto copy = db::list_partner_courses(*a_.connection(), kB);
  ASSERT_TRUE(copy);
  EXPECT_TRUE(copy->fetched_at.has_value());
}

TEST_F(ReferenceFetchWithCoursesTest, AFailedSecondFetchKeepsTheFirstCopyAndIsRecorded) {
  ASSERT_EQ(refresh(), 1 + kDemoPartners);
  ASSERT_EQ(a_courses().size(), 3u);
  b_.answer_signed_garbage("GET", "/ewp/courses", "<courses-response>not what the schema says");
  EXPECT_EQ(refresh_b_now(), 1);
  EXPECT_EQ(a_courses().size(), 3u) << "what A had stays";
  EXPECT_THAT(a_outcomes()["courses"], StartsWith("failed: uni-b.example courses answered invalid XML"));
  auto fetches = db::reference_fetches(*a_.connection(), kB);
  ASSERT_TRUE(fetches);
  auto courses = std::find_if(fetches->begin(), fetches->end(), [](const auto& fetch) { return fetch.api == "courses"; });
  ASSERT_NE(courses, fetches->end());
  EXPECT_TRUE(courses->last_success_at.has_value()) << "when the copy A keeps was fetched";

  b_.refuse("GET", "/ewp/course-replication", 500, "catalogue down");
  EXPECT_EQ(refresh_b_now(), 1);
  EXPECT_EQ(a_courses().size(), 3u);
  EXPECT_EQ(a_outcomes()["courses"], "failed: uni-b.example simple-course-replication answered HTTP 500: catalogue down");
}

}  // namespace
}  // namespace mobility::ewp::test
