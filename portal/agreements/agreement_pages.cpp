#include "portal/agreements/agreement_pages.hpp"

#include "portal/agreements/detail_page.hpp"
#include "portal/agreements/draft_pages.hpp"
#include "portal/agreements/history_page.hpp"
#include "portal/agreements/iia_pdf_page.hpp"
#include "portal/agreements/list_page.hpp"
#include "portal/agreements/proposals_page.hpp"

namespace mobility::agreements::pages {
namespace {

using portal::PageRequest;

constexpr std::string_view kTree = "/agreements/";
constexpr std::string_view kPdf = ".pdf";

// "/agreements/{iia_id}/{action}" → (iia_id, action); action "" for the agreement itself.
std::pair<std::string, std::string> split_path(const std::string& path) {
  std::string rest = path.substr(kTree.size());
  size_t slash = rest.find('/');
  if (slash == std::string::npos) return {rest, ""};
  return {rest.substr(0, slash), rest.substr(slash + 1)};
}

http::Response get_page(PageRequest& page) {
  auto [iia_id, action] = split_path(page.request.path);
  if (iia_id.empty()) return page.error(404);
  if (action.empty() && iia_id.size() > kPdf.size() && iia_id.ends_with(kPdf)) {
    return agreement_pdf(page, iia_id.substr(0, iia_id.size() - kPdf.size()));
  }
  if (action.empty()) return agreement_detail(page, iia_id);
  if (action == "edit") return edit_form(page, iia_id);
  if (action == "history") return agreement_history(page, iia_id);
  return page.error(404);
}

http::Response post_page(PageRequest& page, const IiaBook& book) {
  auto [iia_id, action] = split_path(page.request.path);
  if (iia_id.empty()) return page.error(404);
  if (action == "edit") return save_revision(page, book, iia_id);
  if (action == "share") return share_agreement(page, book, iia_id);
  if (action == "approve") return approve_agreement(page, book, iia_id);
  if (action == "terminate") return terminate_agreement(page, book, iia_id);
  if (action == "delete") return delete_agreement(page, book, iia_id);
  return page.error(404);
}

}  // namespace

void add_agreement_pages(http::Router& router, const portal::Site& site, const IiaBook& book) {
  site.add_page(router, "GET", "/agreements", agreement_list);
  site.add_page(router, "GET", "/agreements/new", new_draft_form);
  site.add_page(router, "GET", "/agreements/proposals", partner_proposals);
  site.add_page(router, "GET", "/agreements/proposals/view", partner_proposal);
  site.add_page(router, "POST", "/agreements/proposals/adopt", [&book](PageRequest& page) { return adopt_proposal(page, book); });
  site.add_page(router, "POST", "/agreements/proposals/bind", [&book](PageRequest& page) { return bind_proposal(page, book); });
  site.add_page(router, "POST", "/agreements/new", [&book](PageRequest& page) { return create_draft(page, book); });
  site.add_page_tree(router, std::string(kTree),
                     {{"GET", get_page}, {"POST", [&book](PageRequest& page) { return post_page(page, book); }}});
}

}  // namespace mobility::agreements::pages
