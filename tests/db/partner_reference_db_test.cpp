// Partners' reference data against a real PostgreSQL: a partner never overwrites a hosted HEI,
// names are replaced (the first in each language counts), units are replaced whole (codes may
// swap, a parent the partner did not list is left out), factsheets are cached and dropped, and
// which partners are due for a refresh.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/factsheets.hpp"
#include "db/institutions.hpp"
#include "db/partner_factsheets.hpp"
#include "db/partner_reference_data.hpp"
#include "db/reference_fetches.hpp"
#include "portal/web/name_cache.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::db {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Names as the pages read them (afresh on every call).
Result<std::optional<std::string>> hei_name(Connection& connection, const std::string& hei_id, const std::string& language) {
  return portal::NameCache(std::chrono::milliseconds(0)).hei_name(connection, hei_id, language);
}
Result<std::optional<std::string>> ounit_name(Connection& connection, const std::string& hei_id, const std::string& ounit_id,
                                              const std::string& language) {
  return portal::NameCache(std::chrono::milliseconds(0)).ounit_name(connection, hei_id, ounit_id, language);
}

const std::string kPartner = "pohjola.example";
const RefreshAges kAges{std::chrono::hours(24), std::chrono::hours(1)};

class PartnerReferenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = testing::open_demo_database();
    ASSERT_TRUE(opened) << opened.status().to_string();
    connection_ = std::move(opened.value());
  }

  std::vector<std::string> units() {
    auto rows = connection_->exec(
        "SELECT ounit_id || ':' || ounit_code || ':' || COALESCE(parent_ounit_id, '-') FROM organizational_unit "
        "WHERE hei_id = $1 ORDER BY ounit_id",
        {kPartner});
    std::vector<std::string> found;
    for (Row row : *rows) found.push_back(row.get<std::string>(0));
    return found;
  }
  std::vector<std::string> due() {
    auto partners = partners_due_for_reference(*connection_, kAges, 100);
    EXPECT_TRUE(partners) << partners.status().to_string();
    return partners ? *partners : std::vector<std::string>{};
  }
  void record_all(const std::string& hei_id) {
    for (ReferenceApi api : kReferenceApis)
      ASSERT_TRUE(record_reference_fetch(*connection_, hei_id, api, FetchOutcome::kFetched, std::nullopt));
  }

  std::unique_ptr<Connection> connection_;
};

OunitDetails unit(const std::string& id, const std::string& code, std::optional<std::string> parent = std::nullopt) {
  return {id, code, {{"en", "Unit " + id}}, std::nullopt, std::move(parent), std::nullopt, {}};
}

TEST_F(PartnerReferenceTest, APartnerNeverOverwritesAHostedHei) {
  InstitutionDetails claim;
  claim.hei_id = "fjordland.example";
  claim.names = {{"en", "Taken over"}};
  EXPECT_EQ(store_partner_institution(*connection_, claim).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_partner_ounits(*connection_, "fjordland.example", {}).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_partner_factsheet(*connection_, "fjordland.example", std::nullopt).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(hei_name(*connection_, "fjordland.example", "en").value(), "University of Fjordland");
  EXPECT_EQ(ounit_name(*connection_, "fjordland.example", "ou-uif", "en").value(), "University of Fjordland");
}

TEST_F(PartnerReferenceTest, NamesAreReplacedAndTheFirstInEachLanguageCounts) {
  InstitutionDetails partner;
  partner.hei_id = kPartner;
  partner.names = {{"fi", "Pohjolan uusi yliopisto"}, {"", "Pohjola"}, {"fi", "a second Finnish name"}};
  ASSERT_TRUE(store_partner_institution(*connection_, partner));
  EXPECT_EQ(hei_name(*connection_, kPartner, "fi").value(), "Pohjolan uusi yliopisto");
  EXPECT_EQ(hei_name(*connection_, kPartner, "en").value(), "Pohjola") << "the English name it no longer gives is gone";
  auto kept = connection_->exec("SELECT city, country_code FROM hei WHERE hei_id = $1", {kPartner});
  EXPECT_EQ(kept->front().get<std::string>(0), "Oulu") << "what the partner does not give stays";
}

TEST_F(PartnerReferenceTest, UnitsAreReplacedWhole) {
  ASSERT_TRUE(store_partner_ounits(*connection_, kPartner, {unit("a", "A"), unit("b", "B", "a"), unit("c", "C", "a")}));
  EXPECT_THAT(units(), ElementsAre("a:A:-", "b:B:a", "c:C:a"));
  // b and c swap codes, c moves under b, a is gone, and d names a parent the partner did not list.
  ASSERT_TRUE(store_partner_ounits(*connection_, kPartner, {unit("b", "C"), unit("c", "B", "b"), unit("d", "D", "a")}));
  EXPECT_THAT(units(), ElementsAre("b:C:-", "c:B:b", "d:D:-"));
  EXPECT_EQ(ounit_name(*connection_, kPartner, "a", "en").value(), std::nullopt);
  EXPECT_EQ(ounit_name(*connection_, kPartner, "d", "en").value(), "Unit d");
  // Two units with one code: refused, and what was stored stays.
  EXPECT_FALSE(store_partner_ounits(*connection_, kPartner, {unit("b", "SAME"), unit("e", "SAME")}));
  EXPECT_THAT(units(), ElementsAre("b:C:-", "c:B:b", "d:D:-"));
  ASSERT_TRUE(store_partner_ounits(*connection_, kPartner, {}));
  EXPECT_THAT(units(), IsEmpty());
}

TEST_F(PartnerReferenceTest, FactsheetsAreCachedAndDropped) {
  auto seeded = current_factsheets(*connection_, {"fjordland.example"});
  ASSERT_TRUE(seeded && seeded->size() == 1);
  Factsheet facts = seeded->front().factsheet;
  facts.hei_id = kPartner;
  facts.accessibility.front().description = std::nullopt;
  ASSERT_TRUE(store_partner_factsheet(*connection_, kPartner, facts));
  auto cached = find_partner_factsheet(*connection_, kPartner);
  ASSERT_TRUE(cached && *cached) << cached.status().to_string();
  EXPECT_EQ((*cached)->factsheet, facts);
  EXPECT_THAT((*cached)->fetched_at, ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T.*Z"));
  ASSERT_TRUE(store_partner_factsheet(*connection_, kPartner, std::nullopt));
  EXPECT_FALSE(find_partner_factsheet(*connection_, kPartner).value());
}

TEST_F(PartnerReferenceTest, PartnersAreDueWhenNewOldRequestedOrFailedLongAgo) {
  EXPECT_THAT(due(), ElementsAre("collina.example", "lumiere-nord.example", "pohjola.example", "tu-rheinfeld.example",
                                 "valle-alto.example"))
      << "every partner is new; the hosted HEI is never due";
  for (const auto& partner : due()) record_all(partner);
  EXPECT_THAT(due(), IsEmpty());
  ASSERT_TRUE(request_reference_refresh(*connection_, kPartner));
  EXPECT_THAT(due(), ElementsAre(kPartner));
  record_all(kPartner);
  ASSERT_TRUE(record_reference_fetch(*connection_, "collina.example", ReferenceApi::kFactsheet, FetchOutcome::kFailed, "down"));
  ASSERT_TRUE(
      connection_->exec("UPDATE reference_fetch SET last_attempt_at = now() - interval '61 minutes' "
                        "WHERE partner_hei_id = 'collina.example' AND api = 'factsheet'"));
  EXPECT_THAT(due(), ElementsAre("collina.example")) << "a failure is retried after an hour";
  auto fetches = reference_fetches(*connection_, "collina.example");
  ASSERT_TRUE(fetches && fetches->size() == std::size(kReferenceApis));
  const ReferenceFetch& factsheet = fetches->at(1);  // by API name: courses, factsheet, ...
  EXPECT_EQ(factsheet.api, "factsheet");
  EXPECT_EQ(factsheet.outcome, "failed");
  EXPECT_EQ(factsheet.last_error, "down");
  EXPECT_TRUE(factsheet.last_success_at.has_value()) << "the last success is remembered";
}

}  // namespace
}  // namespace mobility::db
