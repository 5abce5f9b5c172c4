// Transcripts of Records (IMobility ToRs v2 with ELMO 1.x, v3 with ELMO 2.1.1): the official
// ELMO and ToR examples read into mobilities::Transcript, are written back valid against their
// XSDs and read again into the same model; a transcript of ours written in either version is valid
// and reads back the same; a broken answer is refused with its exact message; the ESI rule
// (transcript_rules.hpp) refuses a missing or malformed European Student Identifier, and the
// further MUSTs of ToRs v3 name every missing part.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "ewp-node/apis/imobility-tors-v2/tor_xml.hpp"
#include "ewp-node/apis/imobility-tors-v3/tor_xml.hpp"
#include "ewp-node/xml/elmo_xml.hpp"
#include "mobilities/transcript_rules.hpp"
#include "tests/support/ewp_schemas.hpp"
#include "tests/support/test_vectors.hpp"

namespace mobility::ewp {
namespace {

using mobilities::AttachmentContent;
using mobilities::LearningOpportunitySpecification;
using mobilities::RuleProblem;
using mobilities::Transcript;
using mobilities::TranscriptOfRecords;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

constexpr const char* kElmoExample = "elmo-schemas/v1/example.xml";
constexpr const char* kTorExample = "api-imobility-tors/stable-v2/endpoints/get-response-example.xml";
constexpr const char* kEsi = "urn:schac:personalUniqueCode:int:esi:lumiere-nord.example:2026-4411";

// `text` with the first `from` replaced by `to`; fails the test when `from` is not there.
std::string with(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "not in the document: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// A transcript as we would serve it: every field of the model filled.
TranscriptOfRecords sample_tor() {
  TranscriptOfRecords tor;
  tor.omobility_id = "5b0e6a7c-3f1d-4c2a-9e8b-71d4f0a2c936";
  tor.receiving_academic_year_id = "2026/2027";
  Transcript& elmo = tor.elmo;
  elmo.generated_date = "2027-01-15T10:30:00+01:00";
  elmo.learner = {"NO", {{"esi", kEsi}, {"local", "s4411"}}, "Åse Marie", "Lunde", "2003-04-17", "Bergen", "Nilsen", 2};
  mobilities::Report report;
  report.issuer = {"FR",
                   {{"schac", "lumiere-nord.example"}},
                   {{"fr", "Université Lumière Nord"}, {"en", "Lumière Nord University"}},
                   "https://www.lumiere-nord.example"};
  LearningOpportunitySpecification course;
  course.identifiers = {{"ewp-los-id", "CR/INF-204"}, {"local", "INF204"}};
  course.titles = {{"fr", "Compilation & <langages>"}, {"en", "Compilers"}};
  course.type = "Course";
  course.subject_area = "Informatique";
  course.isced_code = "0613";
  course.url = "https://www.lumiere-nord.example/cours/INF204";
  course.descriptions = {{"en", "Lexing, parsing and code generation.\nA project in pairs."}};
  course.instance.identifiers = {{"ewp-loi-id", "CRI/INF-204-2026A"}};
  course.instance.start = "2026-09-01";
  course.instance.date = "2027-01-10";
  course.instance.academic_term = mobilities::AcademicTerm{{{"en", "Autumn 2026"}}, "2026-09-01", "2027-01-31"};
  course.instance.status = "passed";
  course.instance.grading_scheme_local_id = "ects-af";
  course.instance.result_label = "B";
  course.instance.result_distribution =
      mobilities::ResultDistribution{{{"F", 4}, {"E", 10}, {"D", 21}, {"C", 35}, {"B", 18}, {"A", 7}}, {{"en", "Three years"}}};
  course.instance.credits = {{"ects", "7.5"}};
  course.instance.language_of_instruction = "fr";
  course.instance.engagement_hours = "200";
  LearningOpportunitySpecification lab;
  lab.identifiers = {{"ewp-los-id", "CR/INF-204-TP"}};
  lab.titles = {{"", "Travaux pratiques"}};
  lab.type = "Class";
  lab.instance.status = "failed";
  lab.instance.result_label = "F";
  course.has_parts = {lab};
  report.learning_opportunities = {course};
  report.issue_date = "2027-01-15T10:30:00+01:00";
  report.grading_schemes = {{"ects-af", {{"en", "A (best) to E pass, F fail"}}}};
  report.attachments = {
      {{}, {{"en", "Transcript of Records"}}, "Transcript of Records", {}, {{"", "application/pdf", "JVBERi0xLjQK"}}}};
  elmo.reports = {report};
  tor.grade_conversion = {{"0613", {{"F", "3.2"}, {"E", "10.5"}, {"D", "22.1"}, {"C", "36.3"}, {"B", "20.0"}, {"A", "7.9"}}}};
  return tor;
}

Transcript read_official_elmo() {
  auto transcript = read_elmo_document(testing::ewp_spec_file(kElmoExample), ElmoVersion::kV1);
  EXPECT_TRUE(transcript) << transcript.status().to_string();
  return transcript ? *transcript : Transcript{};
}

TranscriptOfRecords read_official_tor() {
  auto tors = read_imobility_tors_v2_get_response(testing::ewp_spec_file(kTorExample));
  EXPECT_TRUE(tors) << tors.status().to_string();
  if (!tors || tors->size() != 1) return {};
  return tors->front();
}

std::string v2_error(const std::string& xml) { return read_imobility_tors_v2_get_response(xml).status().message(); }

// ---- the official examples ----

TEST(TranscriptXml, OfficialElmoExampleReadsIntoTheModel) {
  Transcript elmo = read_official_elmo();
  EXPECT_EQ(elmo.generated_date, "2015-10-31T12:00:00+02:00");
  EXPECT_EQ(elmo.learner.citizenship, "PL");
  EXPECT_EQ(elmo.learner.birth_date, "1983-04-12");
  ASSERT_THAT(elmo.reports, SizeIs(1));
  const mobilities::Report& report = elmo.reports[0];
  EXPECT_THAT(mobilities::identifiers_of(report.issuer.identifiers, "schac"), ElementsAre("uw.edu.pl"));
  EXPECT_THAT(report.learning_opportunities, SizeIs(3));
  EXPECT_THAT(report.grading_schemes, SizeIs(3));
  EXPECT_THAT(report.attachments, SizeIs(2));
  ASSERT_THAT(elmo.attachments, SizeIs(1));
  EXPECT_THAT(elmo.attachments[0].contents, ElementsAre(AttachmentContent{"en", "application/pdf", "iiNhz6QfDnnDybjHLBF2..."},
                                                        AttachmentContent{"pl", "application/pdf", "iiNhz6QfDnnDybjHLBF2..."}));
  size_t parts = 0, distributions = 0;
  for (const LearningOpportunitySpecification& los : report.learning_opportunities) {
    parts += los.has_parts.size();
    distributions += los.instance.result_distribution ? 1 : 0;
  }
  EXPECT_EQ(parts, 3u);
  EXPECT_EQ(distributions, 2u);
}

TEST(TranscriptXml, OfficialElmoExampleWritesValidElmo1AndReadsBackTheSame) {
  Transcript elmo = read_official_elmo();
  std::string xml = elmo_document_xml(elmo, ElmoVersion::kV1);
  EXPECT_TRUE(testing::elmo_v1_schema().validate(xml)) << xml;
  auto again = read_elmo_document(xml, ElmoVersion::kV1);
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ(*again, elmo);
}

TEST(TranscriptXml, OfficialTorExampleReadsIntoTheModel) {
  TranscriptOfRecords tor = read_official_tor();
  EXPECT_EQ(tor.omobility_id, "b1ab0888-a5ce-45e8-8c51-e3c6f677b58f");
  EXPECT_EQ(tor.receiving_academic_year_id, std::nullopt);
  EXPECT_EQ(tor.elmo.learner.given_names, "Jan Łukasz");
  ASSERT_THAT(tor.elmo.reports, SizeIs(1));
  ASSERT_THAT(tor.elmo.reports[0].learning_opportunities, SizeIs(1));
  const LearningOpportunitySpecification& los = tor.elmo.reports[0].learning_opportunities[0];
  EXPECT_THAT(los.identifiers, ElementsAre(mobilities::TypedIdentifier{"ewp-los-id", "CR/19560ed8-5183-4842-9bb0-2b7e23f56522"}));
  EXPECT_THAT(los.titles, ElementsAre(mobilities::LangText{"", "The importance of <br> in HTML"}));
  EXPECT_EQ(los.isced_code, "0612");
  EXPECT_EQ(los.instance.result_label, "C");
  ASSERT_TRUE(los.instance.result_distribution);
  EXPECT_THAT(los.instance.result_distribution->categories, SizeIs(6));
  EXPECT_EQ(los.instance.result_distribution->categories[3], (mobilities::ResultCategory{"C", 135}));
  ASSERT_THAT(tor.grade_conversion, SizeIs(1));
  EXPECT_EQ(tor.grade_conversion[0].isced_code, "0612");
  EXPECT_EQ(tor.grade_conversion[0].frequencies[5], (mobilities::GradeFrequency{"A", "2.0"}));
  ASSERT_THAT(tor.elmo.reports[0].attachments, SizeIs(1));
  EXPECT_EQ(tor.elmo.reports[0].attachments[0].type, "Transcript of Records");
}

TEST(TranscriptXml, OfficialTorExampleWritesAValidV2ResponseAndReadsBackTheSame) {
  TranscriptOfRecords tor = read_official_tor();
  std::string xml = imobility_tors_v2_get_response_xml({tor});
  EXPECT_TRUE(testing::tors_v2_schema().validate(xml)) << xml;
  auto again = read_imobility_tors_v2_get_response(xml);
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_THAT(*again, ElementsAre(tor));
}

// ELMO 2 requires an identifier on every LOS; ELMO 1 does not (one of its example's has none).
void identify_every_los(std::vector<LearningOpportunitySpecification>& list) {
  for (LearningOpportunitySpecification& los : list) {
    if (los.identifiers.empty()) los.identifiers.push_back({"local", "added-for-elmo-2"});
    identify_every_los(los.has_parts);
  }
}

// There is no official ToRs v3 / ELMO 2 example: the v1 examples' content, written as v3, is
// valid against the v3 response (ELMO 2.1.1) and the standalone ELMO 2.1.1 schema.
TEST(TranscriptXml, OfficialExamplesWrittenAsV3AreValidAndReadBackTheSame) {
  TranscriptOfRecords from_tor = read_official_tor();
  TranscriptOfRecords from_elmo{"elmo-example", "2015/2016", read_official_elmo(), {}};
  ASSERT_THAT(from_elmo.elmo.reports, SizeIs(1));
  identify_every_los(from_elmo.elmo.reports[0].learning_opportunities);
  from_tor.receiving_academic_year_id = "2015/2016";
  std::string xml = imobility_tors_v3_get_response_xml({from_tor, from_elmo});
  EXPECT_TRUE(testing::tors_v3_schema().validate(xml)) << xml;
  auto again = read_imobility_tors_v3_get_response(xml);
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_THAT(*again, ElementsAre(from_tor, from_elmo));
  std::string elmo2 = elmo_document_xml(from_elmo.elmo, ElmoVersion::kV2);
  EXPECT_TRUE(testing::elmo_v2_schema().validate(elmo2)) << elmo2;
  EXPECT_EQ(read_elmo_document(elmo2, ElmoVersion::kV2).value(), from_elmo.elmo);
}

// ---- what we serve ----

TEST(TranscriptXml, OurTranscriptIsValidInBothVersionsAndReadsBackTheSame) {
  TranscriptOfRecords tor = sample_tor();
  std::string v2 = imobility_tors_v2_get_response_xml({tor});
  EXPECT_TRUE(testing::tors_v2_schema().validate(v2)) << v2;
  EXPECT_THAT(v2, HasSubstr("<elmo:bday>2003-04-17</elmo:bday>"));
  EXPECT_THAT(v2, HasSubstr("<elmo:title xml:lang=\"fr\">Compilation &amp; &lt;langages&gt;</elmo:title>"));
  EXPECT_THAT(v2, HasSubstr("<elmo:content>data:application/pdf;base64,JVBERi0xLjQK</elmo:content>"));
  EXPECT_THAT(v2, Not(HasSubstr("receiving-academic-year-id")));
  TranscriptOfRecords without_year = tor;
  without_year.receiving_academic_year_id.reset();
  EXPECT_THAT(read_imobility_tors_v2_get_response(v2).value(), ElementsAre(without_year));

  std::string v3 = imobility_tors_v3_get_response_xml({tor});
  EXPECT_TRUE(testing::tors_v3_schema().validate(v3)) << v3;
  EXPECT_THAT(v3, HasSubstr("<receiving-academic-year-id>2026/2027</receiving-academic-year-id>"));
  EXPECT_THAT(v3, HasSubstr("<elmo:dateOfBirth>2003-04-17</elmo:dateOfBirth>"));
  EXPECT_THAT(v3, HasSubstr("<elmo:citizenship type=\"ISO\">NO</elmo:citizenship>"));
  EXPECT_THAT(read_imobility_tors_v3_get_response(v3).value(), ElementsAre(tor));
}

TEST(TranscriptXml, AnEmptyResponseIsValidInBothVersions) {
  EXPECT_TRUE(testing::tors_v2_schema().validate(imobility_tors_v2_get_response_xml({})));
  EXPECT_TRUE(testing::tors_v3_schema().validate(imobility_tors_v3_get_response_xml({})));
  EXPECT_THAT(read_imobility_tors_v3_get_response(imobility_tors_v3_get_response_xml({})).value(), IsEmpty());
}

// ---- broken answers ----

TEST(TranscriptXml, ABrokenAnswerIsRefusedWithItsExactError) {
  const std::string example = testing::ewp_spec_file(kTorExample);
  EXPECT_EQ(v2_error("<imobility-tors-get-response"), "the IMobility ToRs v2 answer is not XML");
  EXPECT_EQ(v2_error(testing::ewp_spec_file(kElmoExample)),
            "the IMobility ToRs v2 answer is not a <imobility-tors-get-response>");
  EXPECT_EQ(read_imobility_tors_v3_get_response(example).status().message(),
            "the IMobility ToRs v3 answer is not a <imobility-tors-get-response>");
  EXPECT_EQ(v2_error(with(example, "<omobility-id>b1ab0888-a5ce-45e8-8c51-e3c6f677b58f</omobility-id>", "")),
            "a <tor> has no <omobility-id>");
  EXPECT_EQ(v2_error(with(example, "<elmo xmlns=\"https://github.com/emrex-eu/elmo-schemas/tree/v1\">",
                          "<elmo xmlns=\"https://github.com/emrex-eu/elmo-schemas/tree/v2\">")),
            "a <tor> has no <elmo>");
  size_t learner = example.find("<learner>");
  size_t learner_end = example.find("</learner>") + std::string("</learner>").size();
  std::string without_learner = example.substr(0, learner) + example.substr(learner_end);
  EXPECT_EQ(v2_error(without_learner), "<tor> 'b1ab0888-a5ce-45e8-8c51-e3c6f677b58f': the <elmo> has no <learner>");
  EXPECT_EQ(v2_error(with(example, "<category count=\"92\" label=\"E\"/>", "<category count=\"many\" label=\"E\"/>")),
            "<tor> 'b1ab0888-a5ce-45e8-8c51-e3c6f677b58f': a <category> count 'many' is not a whole number");
  EXPECT_EQ(v2_error(with(example, "data:application/pdf;base64,", "https://files.example/tor.pdf#")),
            "<tor> 'b1ab0888-a5ce-45e8-8c51-e3c6f677b58f': an <attachment> <content> is not a base64 data: URI");
  EXPECT_EQ(v2_error(with(example, "<bday>1983-01-01</bday>", "<bday>1983-01-01</bday><gender>male</gender>")),
            "<tor> 'b1ab0888-a5ce-45e8-8c51-e3c6f677b58f': the <learner> <gender> 'male' is not 0, 1, 2 or 9");
  EXPECT_EQ(v2_error(with(example, "percentage=\"36.3\"", "percentage=\"a third\"")),
            "a <gradeFrequency> percentage 'a third' is not a decimal");
}

TEST(TranscriptXml, AV3AnswerWithoutItsAcademicYearIsRefused) {
  std::string v3 = imobility_tors_v3_get_response_xml({sample_tor()});
  std::string without = with(v3, "<receiving-academic-year-id>2026/2027</receiving-academic-year-id>", "");
  EXPECT_EQ(read_imobility_tors_v3_get_response(without).status().message(), "a <tor> has no <receiving-academic-year-id>");
}

TEST(TranscriptXml, AStandaloneElmoWithoutAReportIsRefused) {
  std::string elmo = elmo_document_xml(sample_tor().elmo, ElmoVersion::kV1);
  size_t report = elmo.find("<report>");
  size_t report_end = elmo.find("</report>") + std::string("</report>").size();
  ASSERT_NE(report, std::string::npos);
  EXPECT_EQ(read_elmo_document(elmo.substr(0, report) + elmo.substr(report_end), ElmoVersion::kV1).status().message(),
            "the <elmo> has no <report>");
  EXPECT_EQ(read_elmo_document(elmo, ElmoVersion::kV2).status().message(), "the ELMO answer is not a <elmo>");
}

// ---- the ESI rule ----

TEST(TranscriptRules, OurLearnerMeetsTheEsiRule) { EXPECT_THAT(check_learner_esi(sample_tor().elmo.learner), IsEmpty()); }

TEST(TranscriptRules, TheOfficialTorExampleHasNoEsiAndIsRefused) {
  EXPECT_EQ(mobilities::problems_status(check_learner_esi(read_official_tor().elmo.learner)).message(),
            "learner.identifier: has no identifier of type esi (a European Student Identifier such as "
            "urn:schac:personalUniqueCode:int:esi:uio.no:1234567890)");
}

TEST(TranscriptRules, AMalformedEsiIsRefusedWithItsValue) {
  mobilities::Learner learner = sample_tor().elmo.learner;
  learner.identifiers = {
      {"nationalIdentifier", kEsi}, {"esi", "4411"}, {"esi", kEsi}, {"esi", "urn:schac:personalUniqueCode:int:esi:UiO:4411"}};
  EXPECT_THAT(check_learner_esi(learner),
              ElementsAre(RuleProblem{"learner.identifier",
                                      "'4411' is not a European Student Identifier such as "
                                      "urn:schac:personalUniqueCode:int:esi:uio.no:1234567890"},
                          RuleProblem{"learner.identifier",
                                      "'urn:schac:personalUniqueCode:int:esi:UiO…' is not a European Student Identifier such as "
                                      "urn:schac:personalUniqueCode:int:esi:uio.no:1234567890"}));
}

TEST(TranscriptRules, AnEsiUnderAnotherTypeDoesNotCount) {
  mobilities::Learner learner = sample_tor().elmo.learner;
  learner.identifiers = {{"nationalIdentifier", kEsi}};
  EXPECT_THAT(check_learner_esi(learner), ElementsAre(RuleProblem{"learner.identifier",
                                                                  "has no identifier of type esi (a European Student "
                                                                  "Identifier such as "
                                                                  "urn:schac:personalUniqueCode:int:esi:uio.no:1234567890)"}));
}

// ---- the further MUSTs of ToRs v3 ----

TEST(TranscriptRules, TheV3MustsNameEveryMissingPartOfANestedCourse) {
  TranscriptOfRecords tor = sample_tor();
  const std::string lab = "reports[0].learning_opportunities[0].has_parts[0].instance";
  EXPECT_THAT(check_tors_v3_transcript(tor.elmo),
              ElementsAre(RuleProblem{lab + ".identifier", "has no identifier of type ewp-loi-id"},
                          RuleProblem{lab + ".academic_term", "is required by IMobility ToRs v3"},
                          RuleProblem{lab + ".credit", "has no credit in scheme ects"},
                          RuleProblem{lab + ".result_distribution", "is required by IMobility ToRs v3"}));
  mobilities::LearningOpportunityInstance& part = tor.elmo.reports[0].learning_opportunities[0].has_parts[0].instance;
  part.identifiers = {{"ewp-loi-id", "CRI/INF-204-TP-2026A"}};
  part.academic_term = tor.elmo.reports[0].learning_opportunities[0].instance.academic_term;
  part.credits = {{"ects", "2.5"}};
  part.result_distribution = mobilities::ResultDistribution{{{"F", 3}, {"P", 40}}, {}};
  EXPECT_THAT(check_tors_v3_transcript(tor.elmo), IsEmpty());
}

TEST(TranscriptRules, TheOfficialTorExampleLacksWhatV3Requires) {
  Transcript elmo = read_official_tor().elmo;
  const std::string loi = "reports[0].learning_opportunities[0].instance";
  EXPECT_THAT(check_tors_v3_transcript(elmo),
              ElementsAre(RuleProblem{loi + ".identifier", "has no identifier of type ewp-loi-id"},
                          RuleProblem{loi + ".academic_term", "is required by IMobility ToRs v3"},
                          RuleProblem{loi + ".credit", "has no credit in scheme ects"}));
  elmo.learner.birth_date.reset();
  elmo.reports[0].issuer.identifiers = {{"pic", "999572294"}};
  elmo.reports[0].learning_opportunities[0].identifiers.clear();
  elmo.reports[0].learning_opportunities[0].titles.clear();
  EXPECT_THAT(check_tors_v3_transcript(elmo),
              ElementsAre(RuleProblem{"learner.birth_date", "is required by IMobility ToRs v3"},
                          RuleProblem{"reports[0].issuer.identifier", "has no identifier of type schac"},
                          RuleProblem{"reports[0].learning_opportunities[0].identifier", "has no identifier of type ewp-los-id"},
                          RuleProblem{"reports[0].learning_opportunities[0].title", "is required by IMobility ToRs v3"},
                          RuleProblem{loi + ".identifier", "has no identifier of type ewp-loi-id"},
                          RuleProblem{loi + ".academic_term", "is required by IMobility ToRs v3"},
                          RuleProblem{loi + ".credit", "has no credit in scheme ects"}));
}

}  // namespace
}  // namespace mobility::ewp
