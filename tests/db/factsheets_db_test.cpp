// Factsheets against a real PostgreSQL: the seeded factsheet, versions (every save a new one, the
// newest current, old ones as they were, each save audited), stale edits, and the constraints
// that refuse bad facts while storing nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

#include "db/audit_events.hpp"
#include "db/demo_seed.hpp"
#include "db/factsheets.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::db {
namespace {

using ::testing::HasSubstr;

const std::string kHei = "fjordland.example";
const FactsheetAuthor kIngrid{std::nullopt, "ingrid.haugland@fjordland.example", "io_admin"};

class FactsheetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = testing::open_demo_database();
    ASSERT_TRUE(opened) << opened.status().to_string();
    connection_ = std::move(opened.value());
  }

  StoredFactsheet current(const std::string& hei_id = kHei) {
    auto factsheets = current_factsheets(*connection_, {hei_id});
    EXPECT_TRUE(factsheets) << factsheets.status().to_string();
    EXPECT_EQ(factsheets->size(), 1u);
    return factsheets->empty() ? StoredFactsheet{} : factsheets->front();
  }

  int64_t count(const std::string& sql) { return connection_->exec(sql)->front().get<int64_t>(0); }
  int64_t stored_rows() {
    return count(
        "SELECT (SELECT count(*) FROM factsheet_version) + (SELECT count(*) FROM factsheet_information) + "
        "(SELECT count(*) FROM factsheet_information_url) + (SELECT count(*) FROM factsheet_requirement) + "
        "(SELECT count(*) FROM factsheet_requirement_url) + (SELECT count(*) FROM audit_event)");
  }

  std::unique_ptr<Connection> connection_;
};

TEST_F(FactsheetsTest, TheSeededFactsheetHasEveryKindOfFactAndSeedingAgainAddsNoVersion) {
  ASSERT_TRUE(seed_demo(*connection_));
  StoredFactsheet seeded = current();
  EXPECT_EQ(seeded.version.version_number, 1);
  EXPECT_EQ(seeded.version.saved_by, "ingrid.haugland@fjordland.example");
  EXPECT_TRUE(seeded.version.saved_by_account_id.has_value());
  const Factsheet& facts = seeded.factsheet;
  EXPECT_EQ(facts.student_nominations, (CalendarEntry{"04-15", "10-15"}));
  EXPECT_EQ(facts.student_applications, (CalendarEntry{"05-01", "11-01"}));
  EXPECT_EQ(facts.decision_weeks_limit, 4);
  EXPECT_EQ(facts.tor_weeks_limit, 5);
  EXPECT_EQ(facts.application_info.email, "incoming@fjordland.example");
  EXPECT_EQ(facts.housing_info.website_urls,
            (std::vector<WebsiteUrl>{{"https://www.studentsamskipnaden-fjordland.example/en/housing", "en"},
                                     {"https://www.studentsamskipnaden-fjordland.example/bolig", "nb"}}));
  EXPECT_EQ(facts.visa_info.phone, (PhoneNumber{"+4755580000", "210", std::nullopt}));
  ASSERT_EQ(facts.accessibility.size(), 2u);
  EXPECT_EQ(facts.accessibility[0].type, "service");
  EXPECT_EQ(facts.accessibility[1].description, std::nullopt);
  ASSERT_EQ(facts.additional_info.size(), 1u);
  EXPECT_EQ(facts.additional_info[0].info.phone.other_format, "+47 55 58 05 00 (weekdays 09-15)");
  ASSERT_EQ(facts.additional_requirements.size(), 3u);
  EXPECT_EQ(facts.additional_requirements[0].name, "Transcript of Records");
  EXPECT_TRUE(facts.additional_requirements[0].information_websites.empty());
  EXPECT_EQ(facts.additional_requirements[2].information_websites.size(), 1u);
  EXPECT_EQ(list_factsheet_versions(*connection_, kHei)->size(), 1u);
}

TEST_F(FactsheetsTest, EverySaveIsANewAuditedVersionAndTheNewestIsCurrent) {
  Factsheet first = current().factsheet;
  Factsheet second = first;
  second.student_nominations.autumn_term = "04-01";
  second.decision_weeks_limit = 3;
  second.additional_requirements.push_back({"CV", "Europass CV", {{"https://europass.europa.eu/en", "en"}}});
  second.accessibility.erase(second.accessibility.begin());
  second.additional_info.push_back({"Recognition process", second.application_info});

  auto saved = save_factsheet(*connection_, second, kIngrid, "Earlier nomination deadline from 2027", 1);
  ASSERT_TRUE(saved) << saved.status().to_string();
  EXPECT_EQ(*saved, 2);

  StoredFactsheet now = current();
  EXPECT_EQ(now.version.version_number, 2);
  EXPECT_EQ(now.factsheet, second) << "saved facts come back exactly, in order";
  auto old = find_factsheet_version(*connection_, kHei, 1);
  ASSERT_TRUE(old && *old);
  EXPECT_EQ((*old)->factsheet, first) << "the earlier version is kept as it was";
  auto missing = find_factsheet_version(*connection_, kHei, 3);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);

  auto versions = list_factsheet_versions(*connection_, kHei);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version_number, 2);
  EXPECT_EQ((*versions)[0].reason, "Earlier nomination deadline from 2027");
  EXPECT_EQ((*versions)[0].saved_by, "ingrid.haugland@fjordland.example");
  EXPECT_EQ((*versions)[0].saved_at.size(), 20u);  // 2026-11-22T10:00:00Z
  EXPECT_EQ((*versions)[1].version_number, 1);

  auto events = list_audit_events(*connection_, kHei, 10);
  ASSERT_TRUE(events);
  ASSERT_FALSE(events->empty());
  EXPECT_EQ(events->front().action, "factsheet_saved");
  EXPECT_EQ(events->front().record, "factsheet:fjordland.example:2");
  EXPECT_EQ(events->front().detail, "Earlier nomination deadline from 2027");
}

TEST_F(FactsheetsTest, AnEditOfAnOlderVersionIsAConflictAndStoresNothing) {
  Factsheet facts = current().factsheet;
  ASSERT_TRUE(save_factsheet(*connection_, facts, kIngrid, "first edit", 1));
  int64_t before = stored_rows();
  auto stale = save_factsheet(*connection_, facts, kIngrid, "second edit of version 1", 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.status().code(), Status::Code::kConflict);
  EXPECT_THAT(stale.status().message(), HasSubstr("started from version 1 but the newest is 2"));
  auto first_ever = save_factsheet(*connection_, facts, kIngrid, "as if there were none", std::nullopt);
  EXPECT_EQ(first_ever.status().code(), Status::Code::kConflict);
  EXPECT_EQ(stored_rows(), before);
}

TEST_F(FactsheetsTest, SeveralHeisAreReadTogetherAndUnknownOnesLeftOut) {
  ASSERT_TRUE(
      connection_->exec_script("INSERT INTO hei (hei_id) VALUES ('fjell.example'); "
                               "INSERT INTO hosted_hei (hei_id, admin_email) VALUES ('fjell.example', 'ewp@fjell.example')"));
  Factsheet fjell = current().factsheet;
  fjell.hei_id = "fjell.example";
  ASSERT_TRUE(save_factsheet(*connection_, fjell, {std::nullopt, "operator (command line)", "operator"}, "first", {}));

  auto both = current_factsheets(*connection_, {"unknown.example", "fjordland.example", "fjell.example", "fjell.example"});
  ASSERT_TRUE(both) << both.status().to_string();
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ((*both)[0].factsheet, fjell);
  EXPECT_EQ((*both)[1].factsheet.hei_id, "fjordland.example");
  EXPECT_EQ((*both)[1].factsheet.accessibility.size(), 2u) << "one HEI's items do not leak into another's";
  EXPECT_TRUE(current_factsheets(*connection_, {"uni-a.example"})->empty());
  EXPECT_TRUE(current_factsheets(*connection_, {})->empty());
}

struct BadFact {
  const char* name;
  std::function<void(Factsheet&)> spoil;
  const char* message_part;
};

class FactsheetConstraintTest : public FactsheetsTest, public ::testing::WithParamInterface<BadFact> {};

TEST_P(FactsheetConstraintTest, IsRefusedAsInvalidAndStoresNothing) {
  Factsheet facts = current().factsheet;
  GetParam().spoil(facts);
  int64_t before = stored_rows();
  std::optional<int> based_on = facts.hei_id == kHei ? std::optional<int>(1) : std::nullopt;
  auto saved = save_factsheet(*connection_, facts, kIngrid, "spoiled", based_on);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.status().code(), Status::Code::kInvalidArgument) << saved.status().to_string();
  EXPECT_THAT(saved.status().message(), HasSubstr("the factsheet of " + facts.hei_id + " was not saved"));
  EXPECT_THAT(saved.status().message(), HasSubstr(GetParam().message_part));
  EXPECT_EQ(stored_rows(), before);
  EXPECT_EQ(current().version.version_number, 1);
}

INSTANTIATE_TEST_SUITE_P(
    BadFacts, FactsheetConstraintTest,
    ::testing::Values(
        BadFact{"DayPastTheMonth", [](Factsheet& f) { f.student_nominations.spring_term = "02-30"; }, "month_day"},
        BadFact{"ThirtyFirstOfApril", [](Factsheet& f) { f.student_applications.autumn_term = "04-31"; }, "month_day"},
        BadFact{"NoSuchMonth", [](Factsheet& f) { f.student_applications.spring_term = "13-01"; }, "month_day"},
        BadFact{"XsdFormNotStored", [](Factsheet& f) { f.student_nominations.autumn_term = "--04-15"; }, "month_day"},
        BadFact{"ZeroDecisionWeeks", [](Factsheet& f) { f.decision_weeks_limit = 0; }, "decision_weeks_limit"},
        BadFact{"NegativeTorWeeks", [](Factsheet& f) { f.tor_weeks_limit = -2; }, "tor_weeks_limit"},
        BadFact{"EmailWithoutAt", [](Factsheet& f) { f.housing_info.email = "housing.fjordland.example"; }, "email"},
        BadFact{"EmailDomainStartingWithADot", [](Factsheet& f) { f.visa_info.email = "visa@.fjordland.no"; }, "email"},
        BadFact{"FtpWebsite", [](Factsheet& f) { f.insurance_info.website_urls[0].url = "ftp://files.fjordland.example/x"; },
                "web_url"},
        BadFact{"ScriptRequirementWebsite",
                [](Factsheet& f) { f.additional_requirements[2].information_websites[0].url = "javascript:alert(1)"; },
                "web_url"},
        BadFact{"UnknownAccessibilityType", [](Factsheet& f) { f.accessibility[0].type = "ramp"; }, "factsheet_information"},
        BadFact{"PhoneNotE164", [](Factsheet& f) { f.application_info.phone.e164 = "55 58 00 00"; }, "phone_e164"},
        BadFact{"NoPhoneAtAll", [](Factsheet& f) { f.application_info.phone = {}; }, "factsheet_information"},
        BadFact{"EmptyRequirementName", [](Factsheet& f) { f.additional_requirements[0].name = ""; }, "name"},
        BadFact{"HousingWithoutWebsite", [](Factsheet& f) { f.housing_info.website_urls.clear(); },
                "housing information 1 needs at least one website URL"},
        BadFact{"AccessibilityWithoutWebsite", [](Factsheet& f) { f.accessibility[1].information.website_urls.clear(); },
                "accessibility information 2 needs at least one website URL"},
        BadFact{"PartnerHei", [](Factsheet& f) { f.hei_id = "lumiere-nord.example"; }, "is not hosted here"}),
    [](const ::testing::TestParamInfo<BadFact>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace mobility::db
