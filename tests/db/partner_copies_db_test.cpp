// A partner's copy received after its CNR (agreements/partner_copies.hpp), on real PostgreSQL:
// a copy is stored only when it is the serving partner's own and is with an HEI this node hosts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <utility>

#include "agreements/partner_copies.hpp"
#include "db/iia_approvals.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "tests/support/iia_samples.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::agreements {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* kPartner = "tu-rheinfeld.example";

class PartnerCopiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = testing::open_demo_database();
    ASSERT_TRUE(opened) << opened.status().to_string();
    connection_ = std::move(*opened);
  }

  // The partner's copy TUR-9 as it serves it: the partner first, then `with`.
  static FetchedCopy copy_with(const std::string& with) {
    Iia content = testing::sample_iia(kPartner);
    std::swap(content.partners[0], content.partners[1]);
    content.partners[0].iia_id = "TUR-9";
    content.partners[1].hei_id = with;
    return FetchedCopy{content, ewp::served_iia_hash(content), true, true};
  }

  std::vector<std::string> holders() {
    auto found = db::holders_of_partner_copy(*connection_, kPartner, "TUR-9");
    EXPECT_TRUE(found) << found.status().to_string();
    return found ? *found : std::vector<std::string>{};
  }

  std::unique_ptr<db::Connection> connection_;
  IiaBook book_{ewp::served_iia_hash};
  PartnerCopies copies_{book_};
};

TEST_F(PartnerCopiesTest, ACopyWithAHostedHeiIsStored) {
  Status received = copies_.receive_copy(*connection_, kPartner, "TUR-9", copy_with("fjordland.example"));
  ASSERT_TRUE(received) << received.to_string();
  EXPECT_THAT(holders(), ElementsAre("fjordland.example"));
}

TEST_F(PartnerCopiesTest, ACopyWithAnHeiWeDoNotHostIsRefusedAndNotStored) {
  Status received = copies_.receive_copy(*connection_, kPartner, "TUR-9", copy_with("elsewhere.example"));
  ASSERT_FALSE(received);
  EXPECT_EQ(received.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(received.message(), "the copy TUR-9 is with elsewhere.example, which this node does not host");
  EXPECT_THAT(holders(), IsEmpty());
}

TEST_F(PartnerCopiesTest, ACopyWithAPartnerThatIsKnownButNotHostedIsRefused) {
  Status received = copies_.receive_copy(*connection_, kPartner, "TUR-9", copy_with("valle-alto.example"));
  ASSERT_FALSE(received);
  EXPECT_EQ(received.message(), "the copy TUR-9 is with valle-alto.example, which this node does not host");
  EXPECT_THAT(holders(), IsEmpty());
}

TEST_F(PartnerCopiesTest, ACopyOwnedByAnotherHeiThanTheServerIsRefused) {
  FetchedCopy copy = copy_with("fjordland.example");
  copy.content.partners[0].hei_id = "pohjola.example";
  Status received = copies_.receive_copy(*connection_, kPartner, "TUR-9", copy);
  ASSERT_FALSE(received);
  EXPECT_EQ(received.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(received.message(), "the copy TUR-9 names pohjola.example as its owner, not tu-rheinfeld.example who serves it");
  EXPECT_THAT(holders(), IsEmpty());
}

TEST_F(PartnerCopiesTest, ACopyWithoutTwoPartnersIsRefused) {
  FetchedCopy copy = copy_with("fjordland.example");
  copy.content.partners.pop_back();
  Status received = copies_.receive_copy(*connection_, kPartner, "TUR-9", copy);
  ASSERT_FALSE(received);
  EXPECT_EQ(received.message(), "the partner's copy does not have two partners");
  EXPECT_THAT(holders(), IsEmpty());
}

}  // namespace
}  // namespace mobility::agreements
