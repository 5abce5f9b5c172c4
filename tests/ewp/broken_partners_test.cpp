// The node's client against partners with one defect each (tests/support/broken_partners.hpp),
// over the in-memory network: for each, the exact error the reference fetch records and that
// nothing of the partner's answer was stored. The correct partner shows the set-up works.
#include <gtest/gtest.h>

#include "db/institutions.hpp"
#include "db/pool.hpp"
#include "ewp-node/apis/discovery-v6/manifest.hpp"
#include "ewp-node/apis/institutions-v2/institutions_api.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "ewp-node/reference/reference_fetch.hpp"
#include "ewp-node/registry/catalogue_builder.hpp"
#include "tests/support/broken_partners.hpp"
#include "tests/support/ewp_schemas.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::ewp {
namespace {

using testing::Defect;

constexpr const char* kPartner = "partner.example";
constexpr const char* kPartnerUrl = "https://ewp.partner.example";
constexpr const char* kRegistryUrl = "https://registry.example/catalogue-v1.xml";
const std::string kInstitutionsUrl = std::string(kPartnerUrl) + "/ewp/institutions";

// What the reference fetch records for each defect: the exact message.
std::string expected_error(Defect defect) {
  std::string refused = std::string(kPartner) + " institutions at " + kInstitutionsUrl + " answered HTTP 200: response refused: ";
  switch (defect) {
    case Defect::kNone: return "";
    case Defect::kUnsigned: return refused + "no Signature header";
    case Defect::kWrongKey:
      return refused + "keyId " + testing::test_key(2).private_key.key_id() + " is not a server key of the host we called";
    case Defect::kDigestMismatch: return refused + "the SHA-256 Digest does not match the body (expected SHA-256=";
    case Defect::kDateOff:
      return refused + "Date is 1200 s away from the receiver's clock; at most 300 s is accepted (synchronise your clock)";
    case Defect::kSchemaInvalid: return std::string(kPartner) + " institutions answered invalid XML: ";
    case Defect::kNotWellFormed: return std::string(kPartner) + " institutions answered invalid XML: not well-formed XML";
    case Defect::kProxy502:
      return std::string(kPartner) + " institutions at " + kInstitutionsUrl +
             " answered HTTP 502: response refused: X-Request-Id does not echo ours";
    case Defect::kTimeout:
      return std::string(kPartner) + " institutions: GET " + kInstitutionsUrl + "?hei_id=" + kPartner +
             " failed: Timeout was reached";
    case Defect::kHuge:
      return std::string(kPartner) + " institutions at " + kInstitutionsUrl + " answered more than 16777216 bytes";
    case Defect::kRefusal: return std::string(kPartner) + " institutions answered HTTP 403: " + testing::kRefusalMessage;
  }
  return "?";
}

// Messages that end in details of their own (libxml2's words, the Digest expected) are compared
// up to those.
bool has_own_details(Defect defect) { return defect == Defect::kSchemaInvalid || defect == Defect::kDigestMismatch; }

class BrokenPartnersTest : public ::testing::TestWithParam<testing::BrokenPartner> {
 protected:
  void SetUp() override {
    pool_ = std::make_unique<db::Pool>(db::PoolOptions{testing::create_migrated_database(), 2, std::chrono::seconds(5)});
    auto connection = pool_->acquire();
    ASSERT_TRUE(connection);
    ASSERT_TRUE(db::add_partner_hei(**connection, kPartner));
    auto catalogue = build_catalogue({manifest_xml({kPartnerUrl,
                                                    {"ewp@partner.example"},
                                                    {kPartner, {{"en", "Partner University"}}},
                                                    {testing::test_key(1).public_base64_der},
                                                    {testing::test_key(1).public_base64_der},
                                                    {institutions_v2_descriptor(*pool_)}})});
    ASSERT_TRUE(catalogue) << catalogue.status().to_string();
    internet_.serve_text(kRegistryUrl, "application/xml", catalogue->xml);
    db::InstitutionDetails answer;
    answer.hei_id = kPartner;
    answer.names = {{"en", "Partner University"}};
    internet_.serve(kPartnerUrl, testing::partner_site(GetParam().defect, institutions_response_xml({answer}),
                                                       testing::test_key(1), testing::test_key(2)));
    registry_ = std::make_unique<RegistryClient>(RegistrySettings{kRegistryUrl}, internet_, *pool_);
    ASSERT_TRUE(registry_->refresh());
  }

  int64_t stored_names() {
    auto connection = pool_->acquire();
    auto rows = (*connection)->exec("SELECT count(*) FROM hei_name WHERE hei_id = $1", {kPartner});
    EXPECT_TRUE(rows);
    return rows ? rows->front().get<int64_t>(0) : -1;
  }

  std::unique_ptr<db::Pool> pool_;
  testing::FakeInternet internet_;
  std::unique_ptr<RegistryClient> registry_;
};

TEST_P(BrokenPartnersTest, TheFetchReportsTheDefectAndStoresNothing) {
  EwpClient client(
      *registry_, internet_, [] { return std::optional<RsaPrivateKey>(testing::test_key(0).private_key); },
      &testing::institutions_response_schema());
  auto connection = pool_->acquire();
  ASSERT_TRUE(connection);
  auto outcomes = fetch_reference_data(client, **connection, kPartner);
  ASSERT_FALSE(outcomes.empty());
  const ReferenceOutcome& institutions = outcomes.front();
  ASSERT_EQ(institutions.api, db::ReferenceApi::kInstitutions);
  if (GetParam().defect == Defect::kNone) {
    EXPECT_EQ(institutions.outcome, db::FetchOutcome::kFetched) << institutions.detail.value_or("");
    EXPECT_EQ(stored_names(), 1);
    return;
  }
  EXPECT_EQ(institutions.outcome, db::FetchOutcome::kFailed);
  std::string expected = expected_error(GetParam().defect);
  std::string detail = institutions.detail.value_or("");
  if (has_own_details(GetParam().defect)) {
    EXPECT_TRUE(detail.starts_with(expected)) << detail;
  } else {
    EXPECT_EQ(detail, expected);
  }
  EXPECT_EQ(stored_names(), 0) << "nothing of the answer stored";
  EXPECT_EQ(internet_.requests().size(), 2u) << "the catalogue, then one call";
}

INSTANTIATE_TEST_SUITE_P(Partners, BrokenPartnersTest, ::testing::ValuesIn(testing::broken_partners()),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace mobility::ewp
