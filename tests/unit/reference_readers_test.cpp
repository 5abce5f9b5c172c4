// The readers of partners' reference data (Institutions v2, Organizational Units v2, Factsheet
// v1): the official response-example.xml of each API reads to the facts it shows, what our own
// APIs serve reads back to the facts it was written from, and what is not such an answer is
// refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ewp-node/apis/factsheet-v1/factsheet_client.hpp"
#include "ewp-node/apis/factsheet-v1/factsheet_response.hpp"
#include "ewp-node/apis/institutions-v2/institutions_api.hpp"
#include "ewp-node/apis/institutions-v2/institutions_client.hpp"
#include "ewp-node/apis/ounits-v2/ounits_api.hpp"
#include "ewp-node/apis/ounits-v2/ounits_client.hpp"
#include "tests/support/ewp_schemas.hpp"

namespace mobility::ewp {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using ::testing::StartsWith;

std::string official_example(const std::string& api) {
  std::ifstream in(std::string(MOBILITY_SHARED_DIR) + "/ewp-specs/" + api + "/response-example.xml");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_FALSE(text.str().empty()) << api;
  return text.str();
}

db::InstitutionDetails sample_institution() {
  db::InstitutionDetails hei;
  hei.hei_id = "uni-b.example";
  hei.names = {{"", "Uni B"}, {"de", "Universität B"}, {"en", "University B"}};
  hei.abbreviation = "UB";
  hei.street_address = {"Hauptstraße 1", "10115", "Berlin", "DE"};
  hei.website_url = "https://uni-b.example/";
  hei.logo_url = "https://uni-b.example/logo.svg";
  hei.mobility_factsheet_url = "https://uni-b.example/factsheet";
  hei.contacts = {{"uni-b.example", std::nullopt, "International Office", "io@uni-b.example", "+4930123456", "Incoming students"},
                  {"uni-b.example", std::nullopt, "Erasmus desk", std::nullopt, std::nullopt, std::nullopt}};
  hei.ounit_ids = {"ou-1", "ou-2"};
  hei.root_ounit_id = "ou-1";
  return hei;
}

db::OunitDetails sample_unit(const std::string& ounit_id, std::optional<std::string> parent) {
  return {ounit_id,
          "CODE-" + ounit_id,
          {{"en", "Faculty " + ounit_id}, {"nb", "Fakultet " + ounit_id}},
          "F" + ounit_id,
          std::move(parent),
          "https://uni-b.example/" + ounit_id,
          {{"uni-b.example", ounit_id, "Coordinator " + ounit_id, "c@uni-b.example", "+4930111", std::nullopt}}};
}

db::InformationEntry information(const std::string& topic) {
  return {topic + "@uni-b.example",
          {"+4930000", "12", std::nullopt},
          {{"https://uni-b.example/" + topic, "en"}, {"https://uni-b.example/" + topic + "-de", ""}}};
}

db::Factsheet sample_factsheet() {
  db::Factsheet facts;
  facts.hei_id = "uni-b.example";
  facts.student_nominations = {"05-15", "11-15"};
  facts.student_applications = {"06-01", "12-01"};
  facts.application_info = information("apply");
  facts.additional_requirements = {{"Motivation letter", "In English", {{"https://uni-b.example/letter", "en"}}},
                                   {"CV", "Europass", {}}};
  facts.decision_weeks_limit = 5;
  facts.tor_weeks_limit = 4;
  facts.accessibility = {{"infrastructure", "Step-free campus", "Lifts in every building", information("access")},
                         {"service", "Counselling", std::nullopt, information("counsel")}};
  facts.housing_info = information("housing");
  facts.visa_info = {"visa@uni-b.example", {std::nullopt, std::nullopt, "030 / 123 45"}, {{"https://uni-b.example/visa", ""}}};
  facts.insurance_info = information("insurance");
  facts.additional_info = {{"Recognition process", information("recognition")}};
  return facts;
}

// What our API writes of `served` is valid and `read` gives `served` back.
template <typename T, typename Read>
void expect_read_back(const std::vector<T>& served, const std::string& xml, const SchemaValidator& schema, Read read) {
  ASSERT_TRUE(schema.validate(xml)) << xml;
  auto read_back = read(xml);
  ASSERT_TRUE(read_back) << read_back.status().to_string();
  EXPECT_EQ(*read_back, served);
}

TEST(InstitutionsReader, ReadsTheOfficialExample) {
  auto heis = read_institutions_response(official_example("api-institutions/stable-v2"));
  ASSERT_TRUE(heis) << heis.status().to_string();
  ASSERT_EQ(heis->size(), 1u);
  const db::InstitutionDetails& uio = heis->front();
  EXPECT_EQ(uio.hei_id, "uio.no");
  EXPECT_FALSE(uio.hosted);
  EXPECT_THAT(uio.names, ElementsAre(Pair("en", "University of Oslo"), Pair("no", "Universitetet i Oslo")));
  EXPECT_EQ(uio.street_address, (db::StreetAddress{"University of Oslo", std::nullopt, "Oslo", "NO"}));
  EXPECT_EQ(uio.website_url, "http://www.uio.no/");
  EXPECT_EQ(uio.logo_url, "https://titan.uio.no/sites/all/themes/titan/img/uiologo.svg");
  EXPECT_EQ(uio.mobility_factsheet_url, "http://www.uio.no/english/studies/new-student/");
  ASSERT_EQ(uio.contacts.size(), 2u);
  EXPECT_EQ(uio.contacts[0], (db::ContactRecord{"uio.no", std::nullopt, "IRO Office", "iro@uio.no", std::nullopt, std::nullopt}));
  EXPECT_EQ(uio.contacts[1].contact_name, "Ivan Sidorov (visas and insurance)");
  EXPECT_EQ(uio.contacts[1].phone_e164, "+4723456789");
  EXPECT_EQ(uio.contacts[1].email, "ivan@uio.no");
  EXPECT_THAT(uio.contacts[1].role_description.value_or(""), StartsWith("Ivan Sidorov is advising incoming students"));
  EXPECT_THAT(uio.ounit_ids, ElementsAre("fsat.no", "matnat.uio.no", "hf.uio.no"));
  EXPECT_EQ(uio.root_ounit_id, std::nullopt);
}

TEST(InstitutionsReader, ReadsBackWhatWeServe) {
  std::vector<db::InstitutionDetails> served = {sample_institution()};
  served.push_back({});
  served.back().hei_id = "bare.example";
  served.back().names = {{"", "Bare"}};
  expect_read_back(served, institutions_response_xml(served), testing::institutions_response_schema(),
                   read_institutions_response);
}

TEST(OunitsReader, ReadsTheOfficialExample) {
  auto units = read_ounits_response(official_example("api-ounits/stable-v2"), "uw.edu.pl");
  ASSERT_TRUE(units) << units.status().to_string();
  ASSERT_EQ(units->size(), 1u);
  const db::OunitDetails& unit = units->front();
  EXPECT_EQ(unit.ounit_id, "73");
  EXPECT_EQ(unit.ounit_code, "10000000");
  EXPECT_THAT(unit.names, ElementsAre(Pair("en", "Faculty of Mathematics, Informatics, and Mechanics"),
                                      Pair("pl", "Wydział Matematyki, Informatyki i Mechaniki")));
  EXPECT_EQ(unit.abbreviation, std::nullopt);
  EXPECT_EQ(unit.parent_ounit_id, "5");
  EXPECT_EQ(unit.website_url, "http://www.mimuw.edu.pl/");
  ASSERT_EQ(unit.contacts.size(), 1u);
  EXPECT_EQ(unit.contacts[0].hei_id, "uw.edu.pl");
  EXPECT_EQ(unit.contacts[0].ounit_id, "73");
  EXPECT_EQ(unit.contacts[0].contact_name, "John Doe (Faculty's Mobility Coordinator)");
  EXPECT_EQ(unit.contacts[0].email, "john@mimuw.edu.pl");
}

TEST(OunitsReader, ReadsBackWhatWeServe) {
  std::vector<db::OunitDetails> served = {sample_unit("ou-1", std::nullopt), sample_unit("ou-2", "ou-1")};
  expect_read_back(served, ounits_response_xml(served), testing::ounits_response_schema(),
                   [](std::string_view xml) { return read_ounits_response(xml, "uni-b.example"); });
}

TEST(FactsheetReader, ReadsTheOfficialExample) {
  auto factsheets = read_factsheet_response(official_example("api-factsheet/stable-v1"));
  ASSERT_TRUE(factsheets) << factsheets.status().to_string();
  ASSERT_EQ(factsheets->size(), 1u);
  const db::Factsheet& facts = factsheets->front();
  EXPECT_EQ(facts.hei_id, "example-hei.edu");
  EXPECT_EQ(facts.student_nominations, (db::CalendarEntry{"04-10", "12-10"}));
  EXPECT_EQ(facts.student_applications, (db::CalendarEntry{"04-19", "10-19"}));
  EXPECT_EQ(facts.application_info, (db::InformationEntry{"email@example.com",
                                                          {"+4723456789", std::nullopt, std::nullopt},
                                                          {{"https://example-hei.edu/application", ""}}}));
  ASSERT_EQ(facts.additional_requirements.size(), 8u);
  EXPECT_EQ(facts.additional_requirements[0],
            (db::AdditionalRequirement{"Motivation letter",
                                       "In English or Spanish",
                                       {{"https://example-hei.edu/application/documents/motivation-letter", ""}}}));
  EXPECT_EQ(facts.decision_weeks_limit, 4);
  EXPECT_EQ(facts.tor_weeks_limit, 3);
  ASSERT_EQ(facts.accessibility.size(), 1u);
  EXPECT_EQ(facts.accessibility[0].type, "service");
  EXPECT_EQ(facts.accessibility[0].information.website_urls, (std::vector<db::WebsiteUrl>{{"https://bon.uw.edu.pl/en/", "en"}}));
  EXPECT_EQ(facts.housing_info.email, "email-housing@example.com");
  EXPECT_EQ(facts.visa_info.phone.e164, "+22556677");
  EXPECT_EQ(facts.insurance_info.website_urls[0].url, "http://iro.example-hei.edu/insurance");
  ASSERT_EQ(facts.additional_info.size(), 1u);
  EXPECT_EQ(facts.additional_info[0].type, "Recognition process");
}

TEST(FactsheetReader, ReadsBackWhatWeServe) {
  std::vector<db::Factsheet> served = {sample_factsheet()};
  expect_read_back(served, factsheet_response_xml(served), testing::factsheet_response_schema(), read_factsheet_response);
}

TEST(ReferenceReaders, RefuseWhatIsNotTheirAnswer) {
  EXPECT_THAT(read_institutions_response("<institutions-response>").status().message(), HasSubstr("not XML"));
  std::string ounits = ounits_response_xml({sample_unit("ou-1", std::nullopt)});
  EXPECT_THAT(read_institutions_response(ounits).status().message(), HasSubstr("not a <institutions-response>"));
  EXPECT_FALSE(read_ounits_response(institutions_response_xml({sample_institution()}), "uni-b.example"));
  EXPECT_FALSE(read_factsheet_response(ounits));
  std::string weeks = factsheet_response_xml({sample_factsheet()});
  weeks.replace(weeks.find("<tor-weeks-limit>4<"), 19, "<tor-weeks-limit>four<");
  EXPECT_THAT(read_factsheet_response(weeks).status().message(), HasSubstr("tor-weeks-limit is not a number: four"));
}

TEST(ReferenceReaders, AnEmptyAnswerHasNothing) {
  auto heis = read_institutions_response(institutions_response_xml({}));
  ASSERT_TRUE(heis);
  EXPECT_TRUE(heis->empty());
  auto units = read_ounits_response(ounits_response_xml({}), "uni-b.example");
  ASSERT_TRUE(units);
  EXPECT_TRUE(units->empty());
  auto factsheets = read_factsheet_response(factsheet_response_xml({}));
  ASSERT_TRUE(factsheets);
  EXPECT_TRUE(factsheets->empty());
}

}  // namespace
}  // namespace mobility::ewp
