// The IIA v7 hash: the official vectors (xsltKit and spec examples, v7 and v6 forms, a wrong hash),
// the text-to-hash quoted in the xsltKit README byte for byte, and each rule of the algorithm on
// small edits of the vectors.
#include <gtest/gtest.h>

#include "ewp-node/apis/iias-v7/iia_hash.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/schema_validator.hpp"
#include "tests/support/ewp_schemas.hpp"
#include "tests/support/test_vectors.hpp"

namespace mobility::ewp {
namespace {

using testing::test_vector;

constexpr const char* kXsltKitHash = "87b33170d7a6c6d894215641f39e7b7de36501265479e5ab3922f32d5b225033";
constexpr const char* kSpecExampleHash = "e950faa83a799cf45839e7915db88ed51575babe7845c1219dfde54ce30a61e4";

// resources/xsltKit/README.md of ewp-specs-api-iias (stable-v7): the text-to-hash of both the v6
// and the v7 form of the xsltKit IIA.
const std::string kXsltKitTextToHash =
    "_iia-id_1=0f7a5682-faf7-49a7-9cc7-ec486c49a281__iia-id_2=1954991_"
    "_cooperation-conditions.student-studies-mobility-spec.sending-hei-id=uw.edu.pl_"
    "_cooperation-conditions.student-studies-mobility-spec.sending-ounit-id=140_"
    "_cooperation-conditions.student-studies-mobility-spec.receiving-hei-id=hibo.no_"
    "_student-studies-mobility-spec.subject-area.isced-f-code=031_"
    "_student-studies-mobility-spec.subject-area.isced-clarification=Social and behavioural sciences_"
    "_cooperation-conditions.student-studies-mobility-spec.total-months-per-year=5_"
    "_cooperation-conditions.student-studies-mobility-spec.blended=false_"
    "_cooperation-conditions.student-studies-mobility-spec.eqf-level=7_"
    "_cooperation-conditions.student-studies-mobility-spec.eqf-level=8_"
    "_receiving-first-academic-year-id=2014/2015__receiving-last-academic-year-id=2020/2021_"
    "_cooperation-conditions.staff-teacher-mobility-spec.sending-hei-id=uw.edu.pl_"
    "_cooperation-conditions.staff-teacher-mobility-spec.sending-ounit-id=140_"
    "_cooperation-conditions.staff-teacher-mobility-spec.receiving-hei-id=hibo.no_"
    "_cooperation-conditions.staff-teacher-mobility-spec.mobilities-per-year=2_"
    "_staff-teacher-mobility-spec.recommended-language-skill.language=en_"
    "_staff-teacher-mobility-spec.recommended-language-skill.cefr-level=C1_"
    "_staff-teacher-mobility-spec.subject-area.isced-f-code=0314_"
    "_cooperation-conditions.staff-teacher-mobility-spec.total-days-per-year=8_"
    "_receiving-first-academic-year-id=2016/2017__receiving-last-academic-year-id=2017/2018_";

// `xml` with its only occurrence of `from` replaced by `to` (an edit that does not apply fails).
std::string edited(const std::string& xml, const std::string& from, const std::string& to) {
  const auto at = xml.find(from);
  EXPECT_NE(at, std::string::npos) << "not in the document: " << from;
  EXPECT_EQ(xml.find(from, at + 1), std::string::npos) << "more than once in the document: " << from;
  if (at == std::string::npos) return xml;
  return xml.substr(0, at) + to + xml.substr(at + from.size());
}

// A parsed get response and its `<iia>` elements.
struct ParsedResponse {
  explicit ParsedResponse(const std::string& xml) : doc(parse_untrusted_xml(xml)) {
    EXPECT_TRUE(doc) << "not well-formed";
    if (doc) iias = child_elements_by_local_name(xmlDocGetRootElement(doc.get()), "iia");
  }
  xmlNodePtr first_iia() const { return iias.empty() ? nullptr : iias.front(); }

  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc;
  std::vector<xmlNodePtr> iias;
};

std::string text_to_hash_of_first_iia(const std::string& xml) {
  ParsedResponse response(xml);
  return response.first_iia() ? iia_text_to_hash(response.first_iia()) : "";
}

std::string hash_of_first_iia(const std::string& xml) {
  ParsedResponse response(xml);
  return response.first_iia() ? iia_hash(response.first_iia()) : "";
}

bool first_iia_valid_for_approval(const std::string& xml) {
  ParsedResponse response(xml);
  return response.first_iia() != nullptr && iia_valid_for_approval(response.first_iia());
}

std::vector<IiaHashCheck> checks_of(const std::string& xml) {
  auto checks = check_iia_hashes(xml);
  EXPECT_TRUE(checks) << checks.status().to_string();
  return checks ? *checks : std::vector<IiaHashCheck>{};
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// Edited vectors must stay schema-valid, or a rule would be tested on input no partner may send.
bool iias_get_response_v7_schema_accepts(const std::string& xml) {
  auto valid = mobility::testing::iias_response_schema().validate(xml);
  EXPECT_TRUE(valid) << valid.to_string();
  return valid.is_ok();
}

const std::string kXsltKitV7 = test_vector("get-response-xsltkit-v7.xml");
const std::string kSpecExampleV7 = test_vector("get-response-example-v7.xml");
const std::string kStudiesBlended = "<blended>false</blended>";

// --- The official vectors ---

TEST(IiaHashVectors, XsltKitV7GivesTheReadmeTextByteForByteAndItsCarriedHash) {
  EXPECT_EQ(text_to_hash_of_first_iia(kXsltKitV7), kXsltKitTextToHash);
  auto checks = checks_of(kXsltKitV7);
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].computed_hash, kXsltKitHash);
  EXPECT_EQ(checks[0].carried_hash, kXsltKitHash);
  EXPECT_TRUE(checks[0].matches());
  EXPECT_EQ(checks[0].partner_iia_ids, (std::vector<std::string>{"0f7a5682-faf7-49a7-9cc7-ec486c49a281", "1954991"}));
  EXPECT_FALSE(checks[0].valid_for_approval);  // not-yet-defined and v6-value: a legacy IIA
}

TEST(IiaHashVectors, XsltKitV6FormGivesTheSameTextAndHash) {
  const std::string v6 = test_vector("get-response-xsltkit-v6.xml");
  EXPECT_EQ(text_to_hash_of_first_iia(v6), kXsltKitTextToHash);
  EXPECT_EQ(hash_of_first_iia(v6), kXsltKitHash);
}

TEST(IiaHashVectors, SpecExampleV7MatchesItsCarriedHash) {
  EXPECT_EQ(text_to_hash_of_first_iia(kSpecExampleV7).size(), 3863u);
  auto checks = checks_of(kSpecExampleV7);
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].computed_hash, kSpecExampleHash);
  EXPECT_TRUE(checks[0].matches());
  EXPECT_TRUE(checks[0].valid_for_approval);
}

TEST(IiaHashVectors, SpecExampleV6FormGivesTheSameTextAsV7) {
  const std::string v6 = test_vector("get-response-example-v6.xml");
  EXPECT_EQ(text_to_hash_of_first_iia(v6), text_to_hash_of_first_iia(kSpecExampleV7));
  EXPECT_EQ(hash_of_first_iia(v6), kSpecExampleHash);
  auto checks = checks_of(v6);
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].carried_hash, "");  // v6 carries a conditions-hash, not an iia-hash
  EXPECT_FALSE(checks[0].matches());
}

TEST(IiaHashVectors, WrongHashFileIsDetected) {
  auto checks = checks_of(test_vector("get-response-wrong-hash-v7.xml"));
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].carried_hash, "87b33170d7a6c6d894215641f39e7b7de36501265479e5ab3922f32d5b225032");
  EXPECT_EQ(checks[0].computed_hash, kXsltKitHash);
  EXPECT_FALSE(checks[0].matches());
}

// --- Each rule, on a small edit of a vector ---

TEST(IiaHashRules, WhitespaceInsideALeafChangesTheHash) {
  const std::string padded = edited(kXsltKitV7, kStudiesBlended, "<blended> false\n</blended>");
  EXPECT_TRUE(iias_get_response_v7_schema_accepts(padded));
  EXPECT_NE(text_to_hash_of_first_iia(padded).find("student-studies-mobility-spec.blended= false\n_"), std::string::npos);
  EXPECT_NE(hash_of_first_iia(padded), kXsltKitHash);
}

TEST(IiaHashRules, PartnerWithoutIiaIdStillCountsWithAnEmptyValue) {
  const std::string unmapped = edited(kXsltKitV7, "<iia-id>1954991</iia-id>", "");
  EXPECT_TRUE(starts_with(text_to_hash_of_first_iia(unmapped),
                          "_iia-id_1=0f7a5682-faf7-49a7-9cc7-ec486c49a281__iia-id_2=__cooperation-conditions."));
  EXPECT_EQ(checks_of(unmapped)[0].partner_iia_ids[1], "");
}

TEST(IiaHashRules, IscedFCodeUsesItsV6ValueWhenPresentAndNonEmpty) {
  const std::string studies_code = "_student-studies-mobility-spec.subject-area.isced-f-code=";
  EXPECT_NE(kXsltKitTextToHash.find(studies_code + "031_"), std::string::npos);
  const std::string without = edited(kXsltKitV7, " v6-value=\"031\"", "");
  EXPECT_NE(text_to_hash_of_first_iia(without).find(studies_code + "0314_"), std::string::npos);
  const std::string empty = edited(kXsltKitV7, " v6-value=\"031\"", " v6-value=\"\"");
  EXPECT_NE(text_to_hash_of_first_iia(empty).find(studies_code + "0314_"), std::string::npos);
}

TEST(IiaHashRules, NotYetDefinedSubtreesAreSkippedWhenTrueOrOne) {
  const std::string skill = "<recommended-language-skill not-yet-defined=\"true\">";
  const std::string studies_b1 = "_student-studies-mobility-spec.recommended-language-skill.cefr-level=B1_";
  EXPECT_EQ(kXsltKitTextToHash.find(studies_b1), std::string::npos);
  EXPECT_EQ(
      text_to_hash_of_first_iia(edited(kXsltKitV7, skill, "<recommended-language-skill not-yet-defined=\"1\">")).find(studies_b1),
      std::string::npos);
  for (const std::string defined : {"<recommended-language-skill>", "<recommended-language-skill not-yet-defined=\"false\">"}) {
    const std::string text = text_to_hash_of_first_iia(edited(kXsltKitV7, skill, defined));
    EXPECT_NE(text.find("_cooperation-conditions.student-studies-mobility-spec.receiving-hei-id=hibo.no_"
                        "_student-studies-mobility-spec.recommended-language-skill.language=en_" +
                        studies_b1),
              std::string::npos)
        << defined;
  }
}

TEST(IiaHashRules, NotYetDefinedOnASpecKeepsOnlyItsAcademicYears) {
  const std::string text = text_to_hash_of_first_iia(
      edited(kXsltKitV7, "<staff-teacher-mobility-spec>", "<staff-teacher-mobility-spec not-yet-defined=\"true\">"));
  EXPECT_TRUE(
      text.ends_with("_cooperation-conditions.student-studies-mobility-spec.eqf-level=8_"
                     "_receiving-first-academic-year-id=2014/2015__receiving-last-academic-year-id=2020/2021_"
                     "_receiving-first-academic-year-id=2016/2017__receiving-last-academic-year-id=2017/2018_"));
}

TEST(IiaHashRules, TerminatedAsAWholePrefixesTheTextWhenTrueOrOne) {
  for (const std::string flag : {"true", "1"}) {
    const std::string terminated =
        edited(kSpecExampleV7, "<cooperation-conditions>", "<cooperation-conditions terminated-as-a-whole=\"" + flag + "\">");
    EXPECT_EQ(text_to_hash_of_first_iia(terminated), "_@terminated-as-a-whole@_" + text_to_hash_of_first_iia(kSpecExampleV7));
  }
  const std::string not_terminated =
      edited(kSpecExampleV7, "<cooperation-conditions>", "<cooperation-conditions terminated-as-a-whole=\"false\">");
  EXPECT_EQ(hash_of_first_iia(not_terminated), kSpecExampleHash);
}

TEST(IiaHashRules, ContactsAndAcademicYearsAreNotWalked) {
  EXPECT_EQ(hash_of_first_iia(
                edited(kXsltKitV7, "<c:contact-name>XYZ</c:contact-name>", "<c:contact-name>Someone else</c:contact-name>")),
            kXsltKitHash);
  const std::string year =
      edited(kXsltKitV7, "<receiving-last-academic-year-id>2020/2021", "<receiving-last-academic-year-id>2021/2022");
  EXPECT_NE(text_to_hash_of_first_iia(year).find("_receiving-first-academic-year-id=2014/2015_"
                                                 "_receiving-last-academic-year-id=2021/2022_"),
            std::string::npos);
}

TEST(IiaHashRules, OtherAttributesAreWrittenBeforeTheirElement) {
  const std::string text =
      text_to_hash_of_first_iia(edited(kXsltKitV7, "<eqf-level>7</eqf-level>", "<eqf-level note=\"x\">7</eqf-level>"));
  EXPECT_NE(text.find("_@cooperation-conditions.student-studies-mobility-spec.eqf-level.note=x@_"
                      "_cooperation-conditions.student-studies-mobility-spec.eqf-level=7_"),
            std::string::npos);
}

TEST(IiaHashRules, ValidForApprovalOnlyWithoutLegacyMarkers) {
  EXPECT_TRUE(first_iia_valid_for_approval(kSpecExampleV7));
  EXPECT_FALSE(first_iia_valid_for_approval(kXsltKitV7));
  std::string modernised = edited(kXsltKitV7, " v6-value=\"031\"", "");
  modernised = edited(modernised, "<mobilities-per-year not-yet-defined=\"true\">", "<mobilities-per-year>");
  EXPECT_FALSE(first_iia_valid_for_approval(modernised));
  modernised = edited(modernised, "<recommended-language-skill not-yet-defined=\"true\">", "<recommended-language-skill>");
  EXPECT_TRUE(first_iia_valid_for_approval(modernised));
}

// --- Whole documents ---

// The xsltKit IIA (legacy), terminated.
std::string terminated_xsltkit_response() {
  return edited(kXsltKitV7, "<cooperation-conditions>", "<cooperation-conditions terminated-as-a-whole=\"true\">");
}

// The terminated xsltKit IIA followed by the spec example's IIA.
std::string two_iia_response() {
  const std::string terminated = terminated_xsltkit_response();
  const auto example_start = kSpecExampleV7.find("<iia>");
  const auto example_end = kSpecExampleV7.find("</iia>") + std::string("</iia>").size();
  return edited(terminated, "</iias-get-response>",
                kSpecExampleV7.substr(example_start, example_end - example_start) + "</iias-get-response>");
}

TEST(IiaHashDocument, OneIiasTerminationAndLegacyMarkersDoNotLeakIntoAnother) {
  const std::string response = two_iia_response();
  EXPECT_TRUE(iias_get_response_v7_schema_accepts(response));
  auto checks = checks_of(response);
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_FALSE(checks[0].valid_for_approval);
  EXPECT_EQ(checks[0].computed_hash, hash_of_first_iia(terminated_xsltkit_response()));
  EXPECT_NE(checks[0].computed_hash, kXsltKitHash);
  EXPECT_EQ(checks[1].computed_hash, kSpecExampleHash);
  EXPECT_TRUE(checks[1].matches());
  EXPECT_TRUE(checks[1].valid_for_approval);
  ParsedResponse parsed(response);
  ASSERT_EQ(parsed.iias.size(), 2u);
  EXPECT_TRUE(starts_with(iia_text_to_hash(parsed.iias[0]), "_@terminated-as-a-whole@__iia-id_1="));
  EXPECT_EQ(iia_text_to_hash(parsed.iias[1]), text_to_hash_of_first_iia(kSpecExampleV7));
}

TEST(IiaHashDocument, RefusesWhatIsNotAnIiasGetResponse) {
  auto broken = check_iia_hashes("<iias-get-response><iia>");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(broken.status().message().find("not well-formed"), std::string::npos);
  auto other = check_iia_hashes("<iias-index-response/>");
  ASSERT_FALSE(other);
  EXPECT_NE(other.status().message().find("<iias-index-response>"), std::string::npos);
}

TEST(IiaHashDocument, AnEmptyResponseHasNoChecks) {
  const std::string empty = kXsltKitV7.substr(0, kXsltKitV7.find("<iia>")) + "</iias-get-response>";
  EXPECT_TRUE(iias_get_response_v7_schema_accepts(empty));
  EXPECT_TRUE(checks_of(empty).empty());
}

}  // namespace
}  // namespace mobility::ewp
