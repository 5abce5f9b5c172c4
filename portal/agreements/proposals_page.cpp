#include "portal/agreements/proposals_page.hpp"

#include "agreements/copy_comparison.hpp"
#include "agreements/iia_json.hpp"
#include "agreements/partner_copies.hpp"
#include "base/text.hpp"
#include "db/iia_approvals.hpp"
#include "db/iias.hpp"
#include "http/form.hpp"
#include "portal/agreements/field_comparison.hpp"
#include "portal/agreements/staff_scope.hpp"
#include "portal/web/messages.hpp"

#include <algorithm>

namespace mobility::agreements::pages {
namespace {

using kainjow::mustache::data;

constexpr size_t kMaxCodeLength = 200;

// Sets "choices" and "has_choices" of `row`: our agreements with the partner that no copy of
// theirs is bound to yet, which the proposal could be bound to.
Status add_answer_choices(const PageRequest& page, const std::string& hei_id, const std::string& partner_hei_id, data& row) {
  auto ours = db::list_unbound_iias(page.connection, hei_id, partner_hei_id);
  if (!ours) return ours.status();
  data choices = data::type::list;
  for (const db::IiaChoice& choice : *ours) {
    data option;
    option.set("iia_id", choice.iia_id);
    option.set("iia_code", choice.iia_code);
    choices.push_back(option);
  }
  row.set("choices", choices);
  row.set("has_choices", !ours->empty());
  return Status::ok();
}

// The HEIs where the visitor handles agreements as a whole (not only one unit's).
Result<data> proposals_of(const PageRequest& page, const std::string& hei_id) {
  auto copies = db::list_unbound_partner_copies(page.connection, hei_id);
  if (!copies) return copies.status();
  data rows = data::type::list;
  for (const auto& copy : *copies) {
    auto name = page.names.hei_name(page.connection, copy.partner_hei_id, language_of(page));
    if (!name) return name.status();
    data row;
    row.set("hei_id", hei_id);
    row.set("partner_hei_id", copy.partner_hei_id);
    row.set("partner_name", name->value_or(copy.partner_hei_id));
    row.set("partner_iia_id", copy.partner_iia_id);
    row.set("partner_iia_code", copy.partner_iia_code.value_or(""));
    row.set("fetched_at", copy.fetched_at);
    row.set("view_link", "/agreements/proposals/view?hei_id=" + http::percent_encode(hei_id) +
                             "&partner_hei_id=" + http::percent_encode(copy.partner_hei_id) +
                             "&partner_iia_id=" + http::percent_encode(copy.partner_iia_id));
    Status answers = add_answer_choices(page, hei_id, copy.partner_hei_id, row);
    if (!answers) return answers;
    rows.push_back(row);
  }
  return rows;
}

// Signed out: the login page; signed in without the right: 403.
http::Response refused(const PageRequest& page) {
  if (!page.visitor.account) return *page.refuse_unless(Action::kHandleAgreements, {});
  return page.error(403);
}

}  // namespace

http::Response partner_proposals(PageRequest& page) {
  auto heis = whole_heis(page);
  if (heis.empty()) return refused(page);
  data proposals = data::type::list;
  bool any = false;
  for (const std::string& hei_id : heis) {
    auto rows = proposals_of(page, hei_id);
    if (!rows) return unavailable(page, rows.status());
    for (const auto& row : rows->list_value()) {
      proposals.push_back(row);
      any = true;
    }
  }
  data view;
  view.set("proposals", proposals);
  view.set("has_proposals", any);
  auto error = page.request.query_values("error");
  if (!error.empty() && (error.front() == "code" || error.front() == "adopt" || error.front() == "bind")) {
    view.set("error", portal::Messages::of(page.visitor.language).text("agreements_proposals_error_" + error.front()));
  }
  return page.render(200, "agreements/proposals", "agreements_proposals_title", view);
}

http::Response partner_proposal(PageRequest& page) {
  auto heis = whole_heis(page);
  if (heis.empty()) return refused(page);
  auto first = [&](const char* name) {
    auto values = page.request.query_values(name);
    return values.empty() ? std::string() : values.front();
  };
  std::string hei_id = first("hei_id");
  std::string partner_hei_id = first("partner_hei_id");
  std::string partner_iia_id = first("partner_iia_id");
  if (std::find(heis.begin(), heis.end(), hei_id) == heis.end()) return page.error(404);
  auto copy = db::find_partner_copy(page.connection, hei_id, partner_hei_id, partner_iia_id);
  if (!copy) return unavailable(page, copy.status());
  if (!*copy) return page.error(404);
  auto theirs = iia_from_json_text((*copy)->content_json);
  if (!theirs) return unavailable(page, theirs.status());
  auto name = page.names.hei_name(page.connection, partner_hei_id, language_of(page));
  if (!name) return unavailable(page, name.status());
  const portal::Messages& messages = portal::Messages::of(page.visitor.language);
  nlohmann::json content = iia_to_json(aligned_with_ours(std::move(*theirs)));
  data view;
  view.set("hei_id", hei_id);
  view.set("partner_hei_id", partner_hei_id);
  view.set("partner_name", name->value_or(partner_hei_id));
  view.set("partner_iia_id", partner_iia_id);
  view.set("bound", (*copy)->iia_id.has_value());
  view.set("theirs", comparison_table(content, content, false, messages.text("agreements_their_copy"), "", messages));
  Status answers = add_answer_choices(page, hei_id, partner_hei_id, view);
  if (!answers) return unavailable(page, answers);
  return page.render(200, "agreements/proposal", "agreements_proposal_title", view);
}

http::Response adopt_proposal(PageRequest& page, const IiaBook& book) {
  std::string hei_id = page.field("hei_id");
  std::string code = std::string(trim_blanks(page.field("iia_code")));
  auto heis = whole_heis(page);
  if (std::find(heis.begin(), heis.end(), hei_id) == heis.end()) return refused(page);
  if (code.empty() || code.size() > kMaxCodeLength || !is_clean_utf8(code) || code.find_first_of("<>") != std::string::npos) {
    return page.redirect("/agreements/proposals?error=code");
  }
  PartnerCopies copies(book);
  auto iia_id = copies.create_own_copy(page.connection, hei_id, page.field("partner_hei_id"), page.field("partner_iia_id"), code,
                                       editor_of(page, hei_id));
  if (!iia_id) {
    if (iia_id.status().code() == Status::Code::kConflict || iia_id.status().code() == Status::Code::kNotFound ||
        iia_id.status().code() == Status::Code::kInvalidArgument) {
      return page.redirect("/agreements/proposals?error=adopt");
    }
    return unavailable(page, iia_id.status());
  }
  return page.redirect("/agreements/" + *iia_id + "?done=adopted");
}

http::Response bind_proposal(PageRequest& page, const IiaBook& book) {
  std::string hei_id = page.field("hei_id");
  auto heis = whole_heis(page);
  if (std::find(heis.begin(), heis.end(), hei_id) == heis.end()) return refused(page);
  std::string iia_id = page.field("iia_id");
  Status bound = PartnerCopies(book).bind_own_copy(page.connection, hei_id, iia_id, page.field("partner_hei_id"),
                                                   page.field("partner_iia_id"), editor_of(page, hei_id));
  if (!bound) {
    if (bound.code() == Status::Code::kConflict || bound.code() == Status::Code::kNotFound ||
        bound.code() == Status::Code::kInvalidArgument) {
      return page.redirect("/agreements/proposals?error=bind");
    }
    return unavailable(page, bound);
  }
  return page.redirect("/agreements/" + iia_id + "?done=bound");
}

}  // namespace mobility::agreements::pages
