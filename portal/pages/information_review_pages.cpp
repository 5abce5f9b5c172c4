#include "portal/pages/information_review_pages.hpp"

#include "agreements/information_desk.hpp"
#include "agreements/version_diff.hpp"
#include "db/agreement_information.hpp"
#include "portal/pages/information_facts.hpp"
#include "portal/pages/page_support.hpp"
#include "portal/web/form_view.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

constexpr const char* kQueuePath = "/admin/information-review";

// The partners' names in the reader's language, by hei_id.
Result<std::map<std::string, std::string>> partner_names(PageRequest& page, const std::string& hei_id) {
  auto destinations = db::list_information_destinations(page.connection, hei_id, language_code(page.visitor.language));
  if (!destinations) return destinations.status();
  std::map<std::string, std::string> names;
  for (const auto& destination : *destinations) names.emplace(destination.partner_hei_id, destination.name);
  return names;
}

http::Response queue_page(PageRequest& page) {
  std::optional<std::string> hei_id;
  if (auto refused = refuse_unless_at_home_hei(page, Action::kReviewAgreementInformation, hei_id)) return *refused;
  auto waiting = db::list_information_in_review(page.connection, *hei_id);
  if (!waiting) return unavailable(page, waiting.status());
  auto names = partner_names(page, *hei_id);
  if (!names) return unavailable(page, names.status());
  data rows = data::type::list;
  for (const auto& version : *waiting) {
    data row;
    row.set("partner_hei_id", version.partner_hei_id);
    row.set("name", (*names)[version.partner_hei_id]);
    row.set("version_number", std::to_string(version.version_number));
    row.set("submitted_by", version.submitted_by.value_or(""));
    row.set("submitted_at", version.submitted_at.value_or(""));
    rows.push_back(row);
  }
  data view;
  view.set("waiting", rows);
  view.set("has_waiting", !waiting->empty());
  if (query_value(page, "done") == "approved") view.set("notice", Messages::of(page.visitor.language).text("review_approved"));
  if (query_value(page, "done") == "returned") view.set("notice", Messages::of(page.visitor.language).text("review_returned"));
  return page.render(200, "information_review_queue", "review_title", view);
}

nlohmann::json document_of(const std::optional<db::InformationVersionRecord>& version) {
  if (!version) return nlohmann::json::object();
  return nlohmann::json::parse(version->content_json, nullptr, false);
}

// The item page for the version of `partner_hei_id` in review, with `refusal_key` when a step was refused.
http::Response item_page(PageRequest& page, const std::string& hei_id, const std::string& partner_hei_id, int status,
                         const std::string& refusal_key = "", const std::string& comment = "") {
  auto versions = db::list_information_versions(page.connection, hei_id, partner_hei_id);
  if (!versions) return unavailable(page, versions.status());
  std::optional<db::InformationVersionRecord> in_review, published;
  for (const auto& version : *versions) {
    if (version.state == "in_review") in_review = version;
    if (version.state == "published") published = version;
  }
  if (!in_review) return page.error(404, "review_nothing_waiting");
  auto names = partner_names(page, hei_id);
  if (!names) return unavailable(page, names.status());
  const Messages& messages = Messages::of(page.visitor.language);
  auto differences = agreements::diff_documents(document_of(published), document_of(in_review));
  data view;
  view.set("partner_hei_id", partner_hei_id);
  view.set("partner_name", (*names)[partner_hei_id]);
  view.set("version_number", std::to_string(in_review->version_number));
  view.set("submitted_by", in_review->submitted_by.value_or(""));
  view.set("reason", in_review->reason);
  view.set("published_version", published ? std::to_string(published->version_number) : messages.text("info_not_published"));
  view.set("differences_caption", messages.text("review_diff_caption"));
  kainjow::mustache::data rows = differences_view(differences);
  view.set("has_differences", rows.is_non_empty_list());
  view.set("difference_rows", rows);
  view.set("facts", information_facts_view(agreements::information_or_empty(in_review->content_json), messages));
  view.set("comment", comment);
  data comment_field;
  comment_field.set("id", "comment");
  if (refusal_key == "info_refused_comment_required" || refusal_key == "field_too_long" || refusal_key == "field_invalid_text") {
    comment_field.set("error", messages.text(refusal_key));  // shown next to the comment
    view.set("comment_invalid", true);
  } else if (!refusal_key.empty()) {
    view.set("refusal", messages.text(refusal_key));
  }
  view.set("comment_field", comment_field);
  return page.render(status, "information_review", "review_item_title", view);
}

http::Response review_item(PageRequest& page) {
  std::optional<std::string> hei_id;
  if (auto refused = refuse_unless_at_home_hei(page, Action::kReviewAgreementInformation, hei_id)) return *refused;
  return item_page(page, *hei_id, query_value(page, "partner_hei_id"), 200);
}

// Runs `step` on the version in review; back to the queue when it was taken, the item page when refused.
template <typename Step>
http::Response decide(PageRequest& page, const char* done, Step step) {
  std::optional<std::string> hei_id;
  if (auto refused = refuse_unless_at_home_hei(page, Action::kReviewAgreementInformation, hei_id)) return *refused;
  agreements::DestinationKey key{*hei_id, page.field("partner_hei_id")};
  auto outcome = step(key, number_or_zero(page.field("seen_version")));
  if (!outcome) return unavailable(page, outcome.status());
  if (outcome->done()) return page.redirect(std::string(kQueuePath) + "?done=" + done);
  std::string refusal = outcome->refusal ? outcome->refusal->message_key : outcome->problems.front().message_key;
  auto shown = item_page(page, key.hei_id, key.partner_hei_id, 409, refusal, page.field("comment"));
  return shown.status == 404 ? page.error(409, refusal) : shown;
}

http::Response approve(PageRequest& page) {
  return decide(page, "approved", [&](const agreements::DestinationKey& key, int seen) {
    return agreements::approve_information(page.connection, key, seen, editor_of(page), agreements::ReviewRole::kReviewer);
  });
}

http::Response send_back(PageRequest& page) {
  return decide(page, "returned", [&](const agreements::DestinationKey& key, int seen) {
    return agreements::return_information(page.connection, key, seen, page.field("comment"), editor_of(page),
                                          agreements::ReviewRole::kReviewer);
  });
}

}  // namespace

void add_information_review_pages(http::Router& router, const Site& site) {
  site.add_page(router, "GET", kQueuePath, queue_page);
  site.add_page(router, "GET", "/admin/information-review/item", review_item);
  site.add_page(router, "POST", "/admin/information-review/approve", approve);
  site.add_page(router, "POST", "/admin/information-review/return", send_back);
}

}  // namespace mobility::portal
