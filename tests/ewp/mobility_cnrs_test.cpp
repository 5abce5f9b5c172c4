// The mobility CNR APIs we serve (OMobility CNR v2, OMobility LA CNR v1.1, IMobility CNR v2), over
// loopback HTTP with real signatures: the validator's cases (ewp-apis.md §14), several ids in one
// notification, and an LA CNR naming a sending HEI the caller's key does not cover.
// uni-a.example (test key 0) is the partner.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/ewp/ewp_node_fixture.hpp"

namespace mobility::ewp::test {
namespace {

constexpr const char* kForm = "application/x-www-form-urlencoded";

class MobilityCnrsTest : public EwpNodeTest {
 protected:
  std::vector<std::string> inbox() {
    auto connection = pool_->acquire();
    EXPECT_TRUE(connection);
    auto rows = (*connection)->exec("SELECT kind || ' ' || partner_hei_id || ' ' || object_id FROM cnr_inbox ORDER BY job_id");
    EXPECT_TRUE(rows);
    std::vector<std::string> items;
    if (rows) {
      for (db::Row row : *rows) items.push_back(row.get<std::string>(0));
    }
    return items;
  }

  void expect_acknowledged(const Call& reply, const std::string& root) {
    ASSERT_EQ(reply.reply.status, 200) << reply.reply.body;
    EXPECT_THAT(reply.reply.body, HasSubstr(root));
    EXPECT_TRUE(testing::mobility_cnr_response_schema().validate(reply.reply.body)) << reply.reply.body;
    expect_signed_by_node(reply);
  }
};

TEST_F(MobilityCnrsTest, EachMobilityCnrIsAcknowledgedAndQueuedForTheNotifyingHei) {  // validator: OMobility/IMobility CNR
  expect_acknowledged(call("POST", "/ewp/omobility-cnr", "omobility_id=m-1&omobility_id=m-2", kForm), "omobility-cnr-response");
  expect_acknowledged(call("POST", "/ewp/imobility-cnr", "omobility_id=m-3", kForm), "imobility-cnr-response");
  expect_acknowledged(call("POST", "/ewp/omobility-la-cnr", "sending_hei_id=uni-a.example&omobility_id=m-4", kForm),
                      "omobility-la-cnr-response");
  EXPECT_THAT(inbox(), ::testing::ElementsAre("omobility uni-a.example m-1", "omobility uni-a.example m-2",
                                              "imobility uni-a.example m-3", "omobility-la uni-a.example m-4"));
}

TEST_F(MobilityCnrsTest, ANotificationWithoutIdsOrWithTooManyIsRefused) {  // validator: "without omobility_id"
  for (const char* path : {"/ewp/omobility-cnr", "/ewp/imobility-cnr"}) {
    expect_error(call("POST", path, "", kForm), 400, "parameter omobility_id is required");
    std::string many;
    for (int i = 0; i <= 100; ++i) many += "omobility_id=m" + std::to_string(i) + "&";
    expect_error(call("POST", path, many, kForm), 400, "omobility_id");
    expect_error(call("GET", std::string(path) + "?omobility_id=x"), 405, "GET is not allowed");
  }
  expect_error(call("POST", "/ewp/omobility-la-cnr", "sending_hei_id=uni-a.example", kForm), 400,
               "parameter omobility_id is required");
  EXPECT_TRUE(inbox().empty());
}

TEST_F(MobilityCnrsTest, AnLaCnrMustNameTheSendingHeiTheCallersKeyCovers) {
  expect_error(call("POST", "/ewp/omobility-la-cnr", "omobility_id=m-1", kForm), 400, "parameter sending_hei_id is required");
  expect_error(call("POST", "/ewp/omobility-la-cnr", "sending_hei_id=fjordland.example&omobility_id=m-1", kForm), 400,
               "sending_hei_id fjordland.example is not an HEI your key covers");
  EXPECT_TRUE(inbox().empty());
}

}  // namespace
}  // namespace mobility::ewp::test
