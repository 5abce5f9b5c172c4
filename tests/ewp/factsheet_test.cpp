// The Factsheet API v1 end to end over real loopback HTTP with real signatures: each Factsheet
// case of the official validator (ewp-apis.md §14), HTTP caching, and every answer checked
// against the official schemas and signed by the node.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/sha256.hpp"
#include "db/factsheets.hpp"
#include "ewp-node/apis/factsheet-v1/factsheet_api.hpp"
#include "tests/ewp/ewp_node_fixture.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::ewp::test {
namespace {

using ::testing::Not;

const std::string kKnown = "fjordland.example";

class FactsheetApiTest : public EwpNodeTest {
 protected:
  // A successful answer: 200, schema-valid, signed by the node; returns how many factsheets it has.
  int expect_factsheets(const Call& call) {
    EXPECT_EQ(call.reply.status, 200) << call.reply.body;
    EXPECT_TRUE(testing::factsheet_response_schema().validate(call.reply.body)) << call.reply.body;
    expect_signed_by_node(call);
    return static_cast<int>(testing::occurrences(call.reply.body, "<factsheet>"));
  }

  static std::string hei_ids(const std::vector<std::string>& ids) {
    std::string query;
    for (const auto& id : ids) query += (query.empty() ? "" : "&") + std::string("hei_id=") + id;
    return query;
  }

  static std::string header(const Call& call, const std::string& name) {
    auto values = http::header_values(call.reply.headers, name);
    return values.empty() ? "" : values.front();
  }
};

TEST_F(FactsheetApiTest, KnownHeiGetsItsFactsheetWithEveryFact) {  // validator: known -> 200
  Call known = call("GET", "/ewp/factsheet?hei_id=" + kKnown);
  EXPECT_EQ(expect_factsheets(known), 1);
  const std::string& body = known.reply.body;
  EXPECT_THAT(body, HasSubstr("<hei-id>fjordland.example</hei-id>"));
  EXPECT_THAT(body, HasSubstr("<student-nominations>\n        <autumn-term>--04-15</autumn-term>\n"
                              "        <spring-term>--10-15</spring-term>"));
  EXPECT_THAT(body, HasSubstr("<p:e164>+4755580000</p:e164>\n        <p:ext>210</p:ext>"));
  EXPECT_THAT(body, HasSubstr("<website-url xml:lang=\"nb\">https://www.studentsamskipnaden-fjordland.example/bolig"));
  EXPECT_THAT(body, HasSubstr("<name>Language certificate</name>"));
  EXPECT_THAT(body, HasSubstr("<decision-weeks-limit>4</decision-weeks-limit>"));
  EXPECT_THAT(body, HasSubstr("<type>infrastructure</type>"));
  EXPECT_THAT(body, HasSubstr("<p:other-format>+47 55 58 05 00 (weekdays 09-15)</p:other-format>"));
}

TEST_F(FactsheetApiTest, PostReadsTheFormAndAnswersAsGet) {
  Call post = call("POST", "/ewp/factsheet?hei_id=unknown.example", "hei_id=" + kKnown, "application/x-www-form-urlencoded");
  EXPECT_EQ(expect_factsheets(post), 1);
  EXPECT_EQ(post.reply.body, call("GET", "/ewp/factsheet?hei_id=" + kKnown).reply.body);
}

TEST_F(FactsheetApiTest, UnknownHeisAreLeftOut) {  // validator: unknown -> empty; known+unknown -> one; malformed -> 400
  Call unknown = call("GET", "/ewp/factsheet?hei_id=unknown.example");
  EXPECT_EQ(expect_factsheets(unknown), 0);
  EXPECT_THAT(unknown.reply.body, HasSubstr("<factsheet-response"));
  EXPECT_EQ(expect_factsheets(call("GET", "/ewp/factsheet?hei_id=uni-a.example")), 0) << "a partner has no factsheet here";
  EXPECT_EQ(expect_factsheets(call("GET", "/ewp/factsheet?" + hei_ids({"unknown.example", kKnown}))), 1);
  Call hostile = call("GET", "/ewp/factsheet?hei_id=%3C%2Ffactsheet-response%3E%27%3B--");
  expect_error(hostile, 400, "parameter hei_id must be an HEI id");  // not a SCHAC code: refused before anything reads it
}

TEST_F(FactsheetApiTest, WithoutHeiIdsTheRequestIsRefused) {  // validator: none -> 400; hei_id_param -> 400
  expect_error(call("GET", "/ewp/factsheet"), 400, "parameter hei_id is required");
  expect_error(call("GET", "/ewp/factsheet?hei_id_param=" + kKnown), 400, "parameter hei_id is required");
  expect_error(call("POST", "/ewp/factsheet", "", "application/x-www-form-urlencoded"), 400, "parameter hei_id is required");
  expect_signed_by_node(call("GET", "/ewp/factsheet"));
}

TEST_F(FactsheetApiTest, AtMostMaxHeiIdsAreAccepted) {  // validator: max+1 -> 400; exactly max -> 200
  std::vector<std::string> ids = {kKnown};
  while (ids.size() < static_cast<size_t>(kMaxFactsheetHeiIds))
    ids.push_back("unknown" + std::to_string(ids.size()) + ".example");
  EXPECT_EQ(expect_factsheets(call("GET", "/ewp/factsheet?" + hei_ids(ids))), 1);
  ids.push_back("one-too-many.example");
  expect_error(call("GET", "/ewp/factsheet?" + hei_ids(ids)), 400, "at most 10 hei_id values are allowed, 11 were given");
  expect_error(call("POST", "/ewp/factsheet", hei_ids(ids), "application/x-www-form-urlencoded"), 400,
               "at most 10 hei_id values are allowed");
}

TEST_F(FactsheetApiTest, OtherMethodsAndEncodingsAreRefused) {  // validator: PUT, DELETE -> 405
  expect_error(call("PUT", "/ewp/factsheet", "hei_id=" + kKnown, "application/x-www-form-urlencoded"), 405,
               "PUT is not allowed on /ewp/factsheet; use GET, POST");
  expect_error(call("DELETE", "/ewp/factsheet?hei_id=" + kKnown), 405, "DELETE is not allowed");
  expect_error(call("POST", "/ewp/factsheet", "<hei_id/>", "text/xml"), 415, "x-www-form-urlencoded");
  expect_error(call("GET", "/ewp/factsheet?hei_id=" + kKnown, "", "", -1), 401, "HTTP Signature");
}

TEST_F(FactsheetApiTest, AnswersCarryAnEtagAndAMaxAgeAndUnchangedOnesGet304) {
  Call first = call("GET", "/ewp/factsheet?hei_id=" + kKnown);
  expect_factsheets(first);
  std::string etag = header(first, "ETag");
  EXPECT_EQ(etag, "\"" + sha256_hex(first.reply.body) + "\"");
  EXPECT_EQ(header(first, "Cache-Control"), "private, max-age=3600");

  Call unchanged = call_with_headers("GET", "/ewp/factsheet?hei_id=" + kKnown, {{"If-None-Match", "\"other\", " + etag}});
  EXPECT_EQ(unchanged.reply.status, 304);
  EXPECT_EQ(unchanged.reply.body, "");
  EXPECT_EQ(header(unchanged, "ETag"), etag);
  expect_signed_by_node(unchanged);

  Call other_question = call_with_headers("GET", "/ewp/factsheet?hei_id=unknown.example", {{"If-None-Match", etag}});
  EXPECT_EQ(expect_factsheets(other_question), 0) << "another body has another ETag";
}

TEST_F(FactsheetApiTest, ANewVersionIsServedAtOnceWithANewEtag) {
  Call before = call("GET", "/ewp/factsheet?hei_id=" + kKnown);
  auto connection = pool_->acquire();
  ASSERT_TRUE(connection);
  auto current = db::current_factsheets(**connection, {kKnown});
  ASSERT_TRUE(current && current->size() == 1);
  db::Factsheet facts = current->front().factsheet;
  facts.tor_weeks_limit = 3;
  ASSERT_TRUE(db::save_factsheet(**connection, facts, {std::nullopt, "ingrid.haugland@fjordland.example", "io_admin"},
                                 "Faster transcripts", 1));

  Call after = call_with_headers("GET", "/ewp/factsheet?hei_id=" + kKnown, {{"If-None-Match", header(before, "ETag")}});
  EXPECT_EQ(expect_factsheets(after), 1);
  EXPECT_THAT(after.reply.body, HasSubstr("<tor-weeks-limit>3</tor-weeks-limit>"));
  EXPECT_THAT(after.reply.body, Not(HasSubstr("<tor-weeks-limit>5</tor-weeks-limit>")));
  EXPECT_NE(header(after, "ETag"), header(before, "ETag"));
}

TEST_F(FactsheetApiTest, ManifestAnnouncesTheFactsheetApiWithItsLimit) {
  auto reply = transport_.send("GET", base() + "/ewp/manifest.xml", {{"Host", kPublicHost}}, "");
  ASSERT_TRUE(reply);
  EXPECT_TRUE(testing::manifest_schema().validate(reply->body)) << reply->body;
  // The entry's prefix (api0, api1, ...) depends on the API's place in the descriptor list.
  EXPECT_THAT(reply->body, ::testing::ContainsRegex("<api[0-9]+:factsheet version=\"1\\.2\\.0\">"));
  EXPECT_THAT(reply->body,
              ::testing::ContainsRegex("<api[0-9]+:url>https://ewp\\.fjordland\\.example/ewp/factsheet</api[0-9]+:url>\n"
                                       " *<api[0-9]+:max-hei-ids>10</api[0-9]+:max-hei-ids>"));
}

}  // namespace
}  // namespace mobility::ewp::test
