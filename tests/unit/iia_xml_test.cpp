// IIAs v7 <iia> elements to and from the model: the official examples read into the model and
// written back are valid against the official schema and carry the very hash the example
// publishes (so nothing the hash covers was lost or changed on the way); our own agreements come
// out valid, with a hash that verifies and follows every change.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "agreements/iia_json.hpp"
#include "ewp-node/apis/iias-v7/iia_hash.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/schema_validator.hpp"
#include "tests/support/ewp_schemas.hpp"
#include "tests/support/iia_samples.hpp"
#include "tests/support/test_vectors.hpp"

namespace mobility::ewp {
namespace {

using ::testing::HasSubstr;
using testing::test_vector;

std::vector<agreements::Iia> read_all(const std::string& xml) {
  auto doc = parse_untrusted_xml(xml);
  EXPECT_TRUE(doc);
  std::vector<agreements::Iia> iias;
  for (xmlNodePtr element : child_elements(xmlDocGetRootElement(doc.get()), ns::kIiasGetResponse, "iia")) {
    auto iia = read_iia(element);
    EXPECT_TRUE(iia) << iia.status().to_string();
    if (iia) iias.push_back(*iia);
  }
  return iias;
}

class OfficialExample : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(OfficialExample, RoundTripIsValidAndKeepsThePublishedHash) {
  auto [file, published_hash] = GetParam();
  std::string original = test_vector(file);
  ASSERT_FALSE(original.empty()) << file;
  auto iias = read_all(original);
  ASSERT_EQ(iias.size(), 1u);
  std::string written = iias_get_response_xml(iias);
  EXPECT_TRUE(testing::iias_response_schema().validate(written)) << written;
  EXPECT_THAT(written, HasSubstr(std::string("<iia-hash>") + published_hash + "</iia-hash>"));
  EXPECT_EQ(served_iia_hash(iias[0]), published_hash);
  EXPECT_EQ(read_all(written), iias) << "reading what we wrote gives the same agreement";
  auto stored = agreements::iia_from_json(agreements::iia_to_json(iias[0]));
  ASSERT_TRUE(stored);
  EXPECT_EQ(*stored, iias[0]) << "the stored form keeps every field of the official example";
}

INSTANTIATE_TEST_SUITE_P(IiaXml, OfficialExample,
                         ::testing::Values(std::make_pair("get-response-example-v7.xml",
                                                          "e950faa83a799cf45839e7915db88ed51575babe7845c1219dfde54ce30a61e4"),
                                           std::make_pair("get-response-xsltkit-v7.xml",
                                                          "87b33170d7a6c6d894215641f39e7b7de36501265479e5ab3922f32d5b225033")));

TEST(IiaXml, OurAgreementIsValidAndItsHashVerifies) {
  agreements::Iia iia = testing::sample_iia();
  iia.partners[0].iia_id = "ours-1";
  iia.partners[0].iia_code = "UiF-2026-001 <&>";
  std::string xml = iias_get_response_xml({iia});
  EXPECT_TRUE(testing::iias_response_schema().validate(xml)) << xml;
  EXPECT_THAT(xml, HasSubstr("<iia-code>UiF-2026-001 &lt;&amp;&gt;</iia-code>"));
  auto checks = check_iia_hashes(xml);
  ASSERT_TRUE(checks);
  ASSERT_EQ(checks->size(), 1u);
  EXPECT_TRUE(checks->front().matches());
  EXPECT_TRUE(checks->front().valid_for_approval);
  EXPECT_EQ(checks->front().computed_hash, served_iia_hash(iia));
}

TEST(IiaXml, TheHashFollowsTermsAndMappingButNotContacts) {
  agreements::Iia iia = testing::sample_iia();
  std::string original = served_iia_hash(iia);
  agreements::Iia contact_changed = iia;
  contact_changed.partners[1].contacts[0].email = "other@uni-a.example";
  EXPECT_EQ(served_iia_hash(contact_changed), original);
  agreements::Iia mapped = iia;
  mapped.partners[1].iia_id = "partner-17";
  EXPECT_NE(served_iia_hash(mapped), original);
  agreements::Iia more = iia;
  more.mobility_specs[0].mobilities_per_year = 3;
  EXPECT_NE(served_iia_hash(more), original);
  agreements::Iia terminated = iia;
  terminated.terminated_as_a_whole = true;
  EXPECT_NE(served_iia_hash(terminated), original);
}

TEST(IiaXml, ReadingRefusesWhatIsNotAnIia) {
  auto doc = parse_untrusted_xml("<iia xmlns=\"urn:other\"><partner/></iia>");
  ASSERT_TRUE(doc);
  EXPECT_FALSE(read_iia(xmlDocGetRootElement(doc.get())));
  std::string one_partner =
      std::string("<iia xmlns=\"") + ns::kIiasGetResponse + "\"><partner><hei-id>a.example</hei-id></partner></iia>";
  auto single = parse_untrusted_xml(one_partner);
  ASSERT_TRUE(single);
  auto read = read_iia(xmlDocGetRootElement(single.get()));
  ASSERT_FALSE(read);
  EXPECT_THAT(read.status().message(), HasSubstr("two <partner>"));
}

}  // namespace
}  // namespace mobility::ewp
