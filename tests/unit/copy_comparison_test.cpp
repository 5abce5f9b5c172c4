// Our copy of an agreement beside the partner's (agreements/copy_comparison.hpp): which fields
// differ, which of them are terms both must agree on, and every reason that blocks approving the
// partner's copy, each reached alone.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <utility>

#include "agreements/copy_comparison.hpp"
#include "agreements/iia_json.hpp"
#include "tests/support/iia_samples.hpp"

namespace mobility::agreements {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::sample_iia;

constexpr const char* kPartner = "tu-rheinfeld.example";

// Our copy (we are partners[0]) bound to the partner's copy TUR-1.
Iia our_content() {
  Iia iia = sample_iia(kPartner);
  iia.partners[0].iia_id = "our-1";
  iia.partners[0].iia_code = "UiF-1";
  iia.partners[1].iia_id = "TUR-1";
  iia.partners[1].iia_code = "TUR-CODE-1";
  return iia;
}

// The same agreement as the partner serves it: the partner is partners[0].
Iia their_content() {
  Iia iia = our_content();
  std::swap(iia.partners[0], iia.partners[1]);
  return iia;
}

db::IiaRecord our_record(const Iia& content = our_content()) {
  db::IiaRecord record;
  record.hei_id = "fjordland.example";
  record.iia_id = "our-1";
  record.partner_hei_id = kPartner;
  record.partner_iia_id = "TUR-1";
  record.iia_code = "UiF-1";
  record.state = "shared";
  record.content_json = iia_to_json(content).dump();
  return record;
}

// The partner's copy as it is when nothing blocks its approval.
db::PartnerCopyRecord their_record(const Iia& content = their_content()) {
  db::PartnerCopyRecord record;
  record.partner_iia_id = "TUR-1";
  record.names_iia_id = "our-1";
  record.bound_by_us = true;
  record.content_json = iia_to_json(content).dump();
  record.iia_hash = std::string(64, 'a');
  record.hash_verified = true;
  record.valid_for_approval = true;
  return record;
}

TEST(CopyComparison, ThePartnersCopyIsAlignedWithOurs) {
  Iia aligned = aligned_with_ours(their_content());
  EXPECT_EQ(aligned, our_content());
  EXPECT_EQ(aligned.partners[0].hei_id, "fjordland.example");
}

TEST(CopyComparison, ACopyWithoutTwoPartnersIsLeftAsItIs) {
  Iia lonely = our_content();
  lonely.partners.pop_back();
  EXPECT_EQ(aligned_with_ours(lonely), lonely);
}

TEST(CopyComparison, EqualCopiesHaveNoDifferences) {
  CopyComparison comparison = compare_copies(our_content(), aligned_with_ours(their_content()));
  EXPECT_THAT(comparison.differences, IsEmpty());
  EXPECT_FALSE(comparison.terms_differ);
}

TEST(CopyComparison, ADifferentConditionIsATermThatDiffers) {
  Iia theirs = our_content();
  theirs.mobility_specs[0].mobilities_per_year = 3;
  CopyComparison comparison = compare_copies(our_content(), theirs);
  EXPECT_THAT(comparison.differences,
              ElementsAre(FieldDifference{"mobility_specs[0].mobilities_per_year", std::string("2"), std::string("3")}));
  EXPECT_TRUE(comparison.terms_differ);
}

TEST(CopyComparison, ContactsAndSigningAreNotAgreedTerms) {
  Iia theirs = our_content();
  theirs.mobility_specs[0].sending_contacts = {Contact{"Mobility desk", {}, {}, "desk@fjordland.example", {}, {}}};
  theirs.mobility_specs[1].receiving_contacts = {Contact{"Incoming", {}, {}, "in@fjordland.example", {}, {}}};
  theirs.partners[1].contacts.clear();
  theirs.partners[1].signing_date = "2026-05-01";
  CopyComparison comparison = compare_copies(our_content(), theirs);
  EXPECT_FALSE(comparison.differences.empty());
  EXPECT_FALSE(comparison.terms_differ);
}

TEST(CopyComparison, WhichFieldsAreAgreedTerms) {
  EXPECT_TRUE(is_agreed_term("mobility_specs"));
  EXPECT_TRUE(is_agreed_term("mobility_specs[0].mobilities_per_year"));
  EXPECT_TRUE(is_agreed_term("mobility_specs[2].subject_areas[0].isced_f_code"));
  EXPECT_TRUE(is_agreed_term("terminated_as_a_whole"));
  EXPECT_TRUE(is_agreed_term("partners[0].iia_id"));
  EXPECT_TRUE(is_agreed_term("partners[1].iia_id"));
  EXPECT_FALSE(is_agreed_term("mobility_specs[0].sending_contacts[0].email"));
  EXPECT_FALSE(is_agreed_term("mobility_specs[1].receiving_contacts"));
  EXPECT_FALSE(is_agreed_term("partners[0].iia_code"));
  EXPECT_FALSE(is_agreed_term("partners[1].contacts[0].name"));
  EXPECT_FALSE(is_agreed_term("partners[0].signing_date"));
  EXPECT_FALSE(is_agreed_term("in_effect"));
  EXPECT_FALSE(is_agreed_term("pdf_file"));
}

TEST(ApprovalBlocks, NothingBlocksABoundVerifiedEqualCopy) {
  EXPECT_THAT(approval_blocks(our_record(), their_record()), IsEmpty());
}

TEST(ApprovalBlocks, OurCopyWasDeleted) {
  db::IiaRecord ours = our_record();
  ours.state = "deleted";
  EXPECT_THAT(approval_blocks(ours, their_record()), ElementsAre(ApprovalBlock::kDeleted));
}

TEST(ApprovalBlocks, NoPartnerCopyYet) {
  EXPECT_THAT(approval_blocks(our_record(), std::nullopt), ElementsAre(ApprovalBlock::kNoPartnerCopy));
  db::IiaRecord deleted = our_record();
  deleted.state = "deleted";
  EXPECT_THAT(approval_blocks(deleted, std::nullopt), ElementsAre(ApprovalBlock::kDeleted, ApprovalBlock::kNoPartnerCopy));
}

TEST(ApprovalBlocks, OursIsNotBoundToTheirs) {
  db::PartnerCopyRecord theirs = their_record();
  theirs.bound_by_us = false;
  EXPECT_THAT(approval_blocks(our_record(), theirs), ElementsAre(ApprovalBlock::kNotBound));
}

TEST(ApprovalBlocks, TheirsDoesNotNameOurs) {
  db::PartnerCopyRecord unnamed = their_record();
  unnamed.names_iia_id = std::nullopt;
  EXPECT_THAT(approval_blocks(our_record(), unnamed), ElementsAre(ApprovalBlock::kNotBound));
  db::PartnerCopyRecord other = their_record();
  other.names_iia_id = "our-2";
  EXPECT_THAT(approval_blocks(our_record(), other), ElementsAre(ApprovalBlock::kNotBound));
}

TEST(ApprovalBlocks, TheirHashDidNotVerify) {
  db::PartnerCopyRecord theirs = their_record();
  theirs.hash_verified = false;
  EXPECT_THAT(approval_blocks(our_record(), theirs), ElementsAre(ApprovalBlock::kHashNotVerified));
}

TEST(ApprovalBlocks, TheirsHoldsLegacyValues) {
  db::PartnerCopyRecord theirs = their_record();
  theirs.valid_for_approval = false;
  EXPECT_THAT(approval_blocks(our_record(), theirs), ElementsAre(ApprovalBlock::kLegacyValues));
}

TEST(ApprovalBlocks, EitherCopyIsUnreadable) {
  db::PartnerCopyRecord theirs = their_record();
  theirs.content_json = "not json";
  EXPECT_THAT(approval_blocks(our_record(), theirs), ElementsAre(ApprovalBlock::kUnreadable));
  db::IiaRecord ours = our_record();
  ours.content_json = R"({"partners": 3})";
  EXPECT_THAT(approval_blocks(ours, their_record()), ElementsAre(ApprovalBlock::kUnreadable));
}

TEST(ApprovalBlocks, TheirConditionsDiffer) {
  Iia theirs = their_content();
  theirs.mobility_specs[2].total_days_per_year = "10";
  EXPECT_THAT(approval_blocks(our_record(), their_record(theirs)), ElementsAre(ApprovalBlock::kDifferences));
}

TEST(ApprovalBlocks, TheyTerminatedAndWeDidNot) {
  Iia theirs = their_content();
  theirs.terminated_as_a_whole = true;
  EXPECT_THAT(approval_blocks(our_record(), their_record(theirs)), ElementsAre(ApprovalBlock::kDifferences));
}

TEST(ApprovalBlocks, ADifferenceOnlyInContactsDoesNotBlock) {
  Iia theirs = their_content();
  theirs.mobility_specs[0].receiving_contacts = {Contact{"Admissions", {}, {}, "admissions@tu-rheinfeld.example", {}, {}}};
  theirs.partners[0].contacts.push_back(Contact{"Erasmus+ desk", {}, {}, "erasmus@tu-rheinfeld.example", {}, {}});
  ASSERT_FALSE(compare_copies(our_content(), aligned_with_ours(theirs)).differences.empty());
  EXPECT_THAT(approval_blocks(our_record(), their_record(theirs)), IsEmpty());
}

TEST(ApprovalBlocks, EveryReasonIsListedTogether) {
  db::IiaRecord ours = our_record();
  ours.state = "deleted";
  Iia content = their_content();
  content.mobility_specs[0].eqf_levels = {6};
  db::PartnerCopyRecord theirs = their_record(content);
  theirs.bound_by_us = false;
  theirs.hash_verified = false;
  theirs.valid_for_approval = false;
  EXPECT_THAT(approval_blocks(ours, theirs),
              ElementsAre(ApprovalBlock::kDeleted, ApprovalBlock::kNotBound, ApprovalBlock::kHashNotVerified,
                          ApprovalBlock::kLegacyValues, ApprovalBlock::kDifferences));
}

TEST(ApprovalBlocks, EachBlockHasItsMessageKey) {
  EXPECT_STREQ(approval_block_key(ApprovalBlock::kDeleted), "agreements_block_deleted");
  EXPECT_STREQ(approval_block_key(ApprovalBlock::kNoPartnerCopy), "agreements_block_no_partner_copy");
  EXPECT_STREQ(approval_block_key(ApprovalBlock::kNotBound), "agreements_block_not_bound");
  EXPECT_STREQ(approval_block_key(ApprovalBlock::kHashNotVerified), "agreements_block_hash");
  EXPECT_STREQ(approval_block_key(ApprovalBlock::kLegacyValues), "agreements_block_legacy");
  EXPECT_STREQ(approval_block_key(ApprovalBlock::kUnreadable), "agreements_block_unreadable");
  EXPECT_STREQ(approval_block_key(ApprovalBlock::kDifferences), "agreements_block_differences");
}

}  // namespace
}  // namespace mobility::agreements
