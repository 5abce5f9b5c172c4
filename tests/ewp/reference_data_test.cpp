// The reference-data APIs (Institutions v2, Organizational Units v2) end to end over loopback
// HTTP with real signatures: the official validator's cases for both (ewp-apis.md §14), every
// answer checked against the official XSD, hostile values answered cleanly with data intact.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <memory>

#include "ewp-node/apis/institutions-v2/institutions_api.hpp"
#include "ewp-node/apis/ounits-v2/ounits_api.hpp"
#include "ewp-node/xml/dom.hpp"
#include "tests/ewp/ewp_node_fixture.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::ewp::test {
namespace {

using mobility::testing::occurrences;
using ::testing::Not;
using Pairs = std::vector<std::pair<std::string, std::string>>;

std::string form_encode(const Pairs& pairs) {
  static const char* kHex = "0123456789ABCDEF";
  std::string encoded;
  for (const auto& [name, value] : pairs) {
    if (!encoded.empty()) encoded += '&';
    encoded += name + '=';
    for (unsigned char c : value) {
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
        encoded += static_cast<char>(c);
      } else {
        encoded += {'%', kHex[c >> 4], kHex[c & 15]};
      }
    }
  }
  return encoded;
}

// `count` values of `name`: `first`, then unknown ones.
Pairs values(const std::string& name, const std::string& first, int count) {
  Pairs pairs = {{name, first}};
  for (int i = 1; i < count; ++i) pairs.emplace_back(name, "unknown-" + std::to_string(i) + ".example");
  return pairs;
}

Pairs operator+(Pairs left, const Pairs& right) {
  left.insert(left.end(), right.begin(), right.end());
  return left;
}

void expect_contains(const std::string& body, const std::vector<std::string>& parts) {
  for (const auto& part : parts) EXPECT_THAT(body, HasSubstr(part));
}

class ReferenceDataTest : public EwpNodeTest {
 protected:
  Call institutions(const Pairs& parameters, const std::string& method = "GET") {
    return api("/ewp/institutions", parameters, method);
  }
  Call ounits(const Pairs& parameters, const std::string& method = "GET") { return api("/ewp/ounits", parameters, method); }

  // GET with the parameters in the query, POST with them in a form body.
  Call api(const std::string& path, const Pairs& parameters, const std::string& method) {
    if (method == "POST") return call("POST", path, form_encode(parameters), "application/x-www-form-urlencoded");
    return call(method, path + "?" + form_encode(parameters));
  }

  // A 200 that validates against `schema` and is signed by the node.
  void expect_valid(const Call& answer, const SchemaValidator& schema) {
    EXPECT_EQ(answer.reply.status, 200) << answer.reply.body;
    EXPECT_TRUE(schema.validate(answer.reply.body)) << answer.reply.body;
    expect_signed_by_node(answer);
  }

  int64_t hei_count() {
    auto connection = pool_->acquire();
    EXPECT_TRUE(connection);
    auto rows = (*connection)->exec("SELECT count(*) FROM hei");
    EXPECT_TRUE(rows);
    return rows ? rows->front().get<int64_t>(0) : -1;
  }
};

const Pairs kFjordland = {{"hei_id", "fjordland.example"}};

// (root-ounit-id, ounit-ids) of every <hei> in an institutions response.
std::vector<std::pair<std::string, std::vector<std::string>>> units_of_heis(const std::string& xml) {
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "response.xml", nullptr, XML_PARSE_NONET), xmlFreeDoc);
  std::vector<std::pair<std::string, std::vector<std::string>>> heis;
  if (!doc) return heis;
  for (xmlNodePtr hei : child_elements(xmlDocGetRootElement(doc.get()), ns::kInstitutionsResponse, "hei")) {
    auto& [root, ounit_ids] = heis.emplace_back();
    root = element_text(first_child_element(hei, ns::kInstitutionsResponse, "root-ounit-id"));
    for (xmlNodePtr id : child_elements(hei, ns::kInstitutionsResponse, "ounit-id")) ounit_ids.push_back(element_text(id));
  }
  return heis;
}

TEST_F(ReferenceDataTest, ManifestAnnouncesBothApisWithTheirLimits) {
  auto reply = transport_.send("GET", base() + "/ewp/manifest.xml", {{"Host", kPublicHost}}, "");
  ASSERT_TRUE(reply);
  EXPECT_TRUE(testing::manifest_schema().validate(reply->body)) << reply->body;
  EXPECT_THAT(reply->body, HasSubstr("version=\"2.2.0\""));
  EXPECT_THAT(reply->body, HasSubstr("https://ewp.fjordland.example/ewp/institutions</"));
  EXPECT_THAT(reply->body, HasSubstr("max-hei-ids>" + std::to_string(kMaxHeiIds) + "</"));
  EXPECT_THAT(reply->body, HasSubstr("version=\"2.1.1\""));
  EXPECT_THAT(reply->body, HasSubstr("https://ewp.fjordland.example/ewp/ounits</"));
  EXPECT_THAT(reply->body, HasSubstr("max-ounit-ids>" + std::to_string(kMaxOunitIds) + "</"));
  EXPECT_THAT(reply->body, HasSubstr("max-ounit-codes>" + std::to_string(kMaxOunitCodes) + "</"));
}

TEST_F(ReferenceDataTest, InstitutionsAnswersAHostedHeiWithItsFullDataByGetAndPost) {
  for (const std::string method : {"GET", "POST"}) {
    SCOPED_TRACE(method);
    Call answer = institutions(kFjordland, method);
    expect_valid(answer, testing::institutions_response_schema());
    const std::string& body = answer.reply.body;
    expect_contains(body, {"<hei-id>fjordland.example</hei-id>", "<name xml:lang=\"en\">University of Fjordland</name>",
                           "<name xml:lang=\"nb\">Universitetet i Fjordland</name>", "<abbreviation>UiF</abbreviation>",
                           "<a:addressLine>Fjordgaten 1</a:addressLine>", "<a:locality>Bergen</a:locality>",
                           "<a:country>NO</a:country>", "<website-url>https://www.fjordland.example</website-url>",
                           "<logo-url>https://www.fjordland.example/logo.svg</logo-url>",
                           "<c:contact-name>International Office</c:contact-name>", "<p:e164>+4755580000</p:e164>"});
    EXPECT_THAT(body, Not(HasSubstr("Per Olav")));  // a unit's contact, not the institution's
  }
}

TEST_F(ReferenceDataTest, InstitutionsRootUnitIsAmongTheListedUnits) {  // the validator's extra check
  auto heis = units_of_heis(institutions(kFjordland).reply.body);
  ASSERT_EQ(heis.size(), 1u);
  auto& [root, ounit_ids] = heis.front();
  EXPECT_EQ(root, "ou-uif");
  EXPECT_THAT(ounit_ids, ::testing::Contains(root));
  EXPECT_THAT(ounit_ids, ::testing::UnorderedElementsAre("ou-uif", "ou-hf", "ou-mn", "ou-sv", "ou-mn-ifi", "ou-io"));
}

TEST_F(ReferenceDataTest, InstitutionsAnswersAPartnerWithItsNamesAndNoUnits) {
  Call answer = institutions({{"hei_id", "tu-rheinfeld.example"}});
  expect_valid(answer, testing::institutions_response_schema());
  EXPECT_THAT(answer.reply.body, HasSubstr("<name xml:lang=\"de\">Technische Universität Rheinfeld</name>"));
  EXPECT_THAT(answer.reply.body, Not(HasSubstr("ounit-id")));  // our OUnits API serves hosted HEIs only
}

TEST_F(ReferenceDataTest, InstitutionsLeavesUnknownIdsOut) {
  Call unknown = institutions({{"hei_id", "unknown.example"}});
  expect_valid(unknown, testing::institutions_response_schema());
  EXPECT_THAT(unknown.reply.body, Not(HasSubstr("<hei>")));
  Call mixed = institutions(kFjordland + Pairs{{"hei_id", "unknown.example"}});
  expect_valid(mixed, testing::institutions_response_schema());
  EXPECT_EQ(occurrences(mixed.reply.body, "<hei>"), 1u);
  Call repeated = institutions(kFjordland + kFjordland);
  EXPECT_EQ(occurrences(repeated.reply.body, "<hei>"), 1u);
}

TEST_F(ReferenceDataTest, InstitutionsRefusesMissingIdsAndMoreThanTheMaximum) {
  for (const std::string method : {"GET", "POST"}) {
    SCOPED_TRACE(method);
    expect_error(institutions({}, method), 400, "parameter hei_id is required");
    expect_error(institutions({{"hei_id_param", "fjordland.example"}}, method), 400, "parameter hei_id is required");
    expect_error(institutions(values("hei_id", "fjordland.example", kMaxHeiIds + 1), method), 400,
                 "at most 10 hei_id values are allowed, 11 were given");
    expect_error(institutions(values("hei_id", "unknown.example", kMaxHeiIds + 1), method), 400, "at most 10 hei_id");
    Call exactly_max = institutions(values("hei_id", "fjordland.example", kMaxHeiIds), method);
    expect_valid(exactly_max, testing::institutions_response_schema());
    EXPECT_EQ(occurrences(exactly_max.reply.body, "<hei>"), 1u);
  }
}

TEST_F(ReferenceDataTest, OunitsAnswersKnownIdsWithNamesParentAndContacts) {
  for (const std::string method : {"GET", "POST"}) {
    SCOPED_TRACE(method);
    Call answer = ounits(kFjordland + Pairs{{"ounit_id", "ou-mn"}, {"ounit_id", "ou-uif"}}, method);
    expect_valid(answer, testing::ounits_response_schema());
    const std::string& body = answer.reply.body;
    EXPECT_EQ(occurrences(body, "<ounit>"), 2u);
    expect_contains(body,
                    {"<ounit-id>ou-mn</ounit-id>\n    <ounit-code>MN</ounit-code>",
                     "<name xml:lang=\"en\">Faculty of Mathematics and Natural Sciences</name>",
                     "<parent-ounit-id>ou-uif</parent-ounit-id>", "<website-url>https://www.fjordland.example/mn</website-url>",
                     "<c:email>per.saether@fjordland.example</c:email>", "<c:role-description xml:lang=\"en\">Coordinates"});
  }
}

TEST_F(ReferenceDataTest, OunitsAnswersKnownCodes) {
  Call answer = ounits(kFjordland + Pairs{{"ounit_code", "MN-IFI"}});
  expect_valid(answer, testing::ounits_response_schema());
  EXPECT_EQ(occurrences(answer.reply.body, "<ounit>"), 1u);
  EXPECT_THAT(answer.reply.body, HasSubstr("<ounit-id>ou-mn-ifi</ounit-id>"));
}

TEST_F(ReferenceDataTest, OunitsLeavesUnknownIdsAndCodesOut) {
  Call unknown = ounits(kFjordland + Pairs{{"ounit_id", "ou-unknown"}});
  expect_valid(unknown, testing::ounits_response_schema());
  EXPECT_THAT(unknown.reply.body, Not(HasSubstr("<ounit>")));
  Call mixed = ounits(kFjordland + Pairs{{"ounit_id", "ou-hf"}, {"ounit_id", "ou-unknown"}});
  expect_valid(mixed, testing::ounits_response_schema());
  EXPECT_EQ(occurrences(mixed.reply.body, "<ounit>"), 1u);
  Call codes = ounits(kFjordland + Pairs{{"ounit_code", "HF"}, {"ounit_code", "NOPE"}});
  EXPECT_EQ(occurrences(codes.reply.body, "<ounit>"), 1u);
}

TEST_F(ReferenceDataTest, OunitsRefusesMissingOrRepeatedHeiAndHeisItDoesNotHost) {
  const Pairs known_unit = {{"ounit_id", "ou-mn"}};
  for (const std::string method : {"GET", "POST"}) {
    SCOPED_TRACE(method);
    expect_error(ounits({}, method), 400, "parameter hei_id is required");
    expect_error(ounits(known_unit, method), 400, "parameter hei_id is required");
    expect_error(ounits(kFjordland + kFjordland + known_unit, method), 400, "hei_id must not be repeated");
    expect_error(ounits(kFjordland + Pairs{{"hei_id", "unknown.example"}} + known_unit, method), 400,
                 "hei_id must not be repeated");
    expect_error(ounits(Pairs{{"hei_id", "unknown.example"}} + known_unit, method), 400,
                 "hei_id unknown.example is not an HEI this node covers");
    expect_error(ounits(Pairs{{"hei_id", "tu-rheinfeld.example"}, {"ounit_id", "ou-tur-inf"}}, method), 400,
                 "not an HEI this node covers");
  }
}

TEST_F(ReferenceDataTest, OunitsRefusesNeitherOrBothIdsAndCodesAndMoreThanTheMaximum) {
  for (const std::string method : {"GET", "POST"}) {
    SCOPED_TRACE(method);
    expect_error(ounits(kFjordland, method), 400, "parameter ounit_id or ounit_code is required");
    expect_error(ounits(kFjordland + Pairs{{"ounit_id_param", "ou-mn"}}, method), 400, "ounit_id or ounit_code is required");
    expect_error(ounits(kFjordland + Pairs{{"ounit_id", "ou-mn"}, {"ounit_code", "MN"}}, method), 400,
                 "either ounit_id or ounit_code values, not both");
    expect_error(ounits(kFjordland + values("ounit_id", "ou-mn", kMaxOunitIds + 1), method), 400,
                 "at most 100 ounit_id values are allowed, 101 were given");
    expect_error(ounits(kFjordland + values("ounit_id", "ou-unknown", kMaxOunitIds + 1), method), 400, "at most 100 ounit_id");
    expect_error(ounits(kFjordland + values("ounit_code", "MN", kMaxOunitCodes + 1), method), 400, "at most 100 ounit_code");
    Call exactly_max = ounits(kFjordland + values("ounit_id", "ou-mn", kMaxOunitIds), method);
    expect_valid(exactly_max, testing::ounits_response_schema());
    EXPECT_EQ(occurrences(exactly_max.reply.body, "<ounit>"), 1u);
  }
}

TEST_F(ReferenceDataTest, OtherMethodsAreRefusedWith405) {
  for (const std::string path : {"/ewp/institutions", "/ewp/ounits"}) {
    SCOPED_TRACE(path);
    expect_error(call("PUT", path, "hei_id=fjordland.example", "application/x-www-form-urlencoded"), 405, "PUT is not allowed");
    expect_error(call("DELETE", path + "?hei_id=fjordland.example"), 405, "DELETE is not allowed");
  }
}

TEST_F(ReferenceDataTest, HostileValuesGetCleanErrorsOrEmptyAnswersAndLeaveTheDataIntact) {
  int64_t heis_before = hei_count();
  const std::vector<std::string> hostile_values = {
      "<script>alert(1)</script>", "' OR '1'='1", "fjordland.example'; DROP TABLE hei; --", "%", "\\", "{\"a\",\"b\"}",
      std::string(5000, 'x')};
  for (const auto& hostile : hostile_values) {
    SCOPED_TRACE(hostile.substr(0, 40));
    expect_error(institutions({{"hei_id", hostile}}), 400, "parameter hei_id must be an HEI id");
    Call unit = ounits(kFjordland + Pairs{{"ounit_code", hostile}});
    expect_valid(unit, testing::ounits_response_schema());
    EXPECT_THAT(unit.reply.body, Not(HasSubstr("<ounit>")));
  }
  Call script_hei = ounits({{"hei_id", "<script>x</script>"}, {"ounit_id", "ou-mn"}});
  expect_error(script_hei, 400,
               "parameter hei_id must be an HEI id: a lower-case SCHAC code such as uio.no, not "
               "'&lt;script&gt;x&lt;/script&gt;'");
  expect_error(institutions({{"hei_id", "\xff\xfe"}}), 400, "parameters must be UTF-8 text");
  expect_error(ounits(kFjordland + Pairs{{"ounit_id", std::string("ou-mn\x01", 6)}}), 400, "parameters must be UTF-8 text");
  EXPECT_EQ(hei_count(), heis_before);
  EXPECT_EQ(occurrences(institutions(kFjordland).reply.body, "<hei>"), 1u);
}

}  // namespace
}  // namespace mobility::ewp::test
