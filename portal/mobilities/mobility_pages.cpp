#include "portal/mobilities/mobility_pages.hpp"

#include <vector>

#include "portal/mobilities/application_document_pages.hpp"
#include "portal/mobilities/application_pages.hpp"
#include "portal/mobilities/incoming_page.hpp"
#include "portal/mobilities/la_pdf_pages.hpp"
#include "portal/mobilities/list_page.hpp"
#include "portal/mobilities/outgoing_page.hpp"
#include "portal/mobilities/preapproval_pages.hpp"
#include "portal/mobilities/queue_page.hpp"
#include "portal/mobilities/selection_pages.hpp"
#include "portal/mobilities/stay_page.hpp"
#include "portal/mobilities/student_pages.hpp"

namespace mobility::portal::mobility_pages {
namespace {

constexpr std::string_view kOutgoing = "/mobilities/outgoing/";
constexpr std::string_view kIncoming = "/mobilities/incoming/";
constexpr std::string_view kOwn = "/my-exchange/mobilities/";
constexpr std::string_view kOwnApplications = "/my-exchange/applications/";
constexpr std::string_view kRounds = "/coordinator/applications/";

// The segments of `path` after `prefix`: "/mobilities/incoming/a.example/m-1/la" → {a.example, m-1, la}.
std::vector<std::string> segments(const std::string& path, std::string_view prefix) {
  std::vector<std::string> parts;
  size_t start = prefix.size();
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

http::Response outgoing(PageRequest& page) {
  auto parts = segments(page.request.path, kOutgoing);
  if (parts.size() >= 2 && !parts[0].empty() && parts[1] == "courses") {
    return staff_courses(page, parts[0], {parts.begin() + 2, parts.end()});
  }
  if (parts.empty() || parts[0].empty() || parts.size() > 3) return page.error(404);
  bool post = page.request.method == "POST";
  if (!post && parts.size() == 1) return outgoing_mobility(page, parts[0]);
  if (!post && parts.size() == 3 && parts[1] == "la") return outgoing_la_pdf(page, parts[0], parts[2]);
  if (post && parts.size() == 2 && parts[1] == "cancel") return cancel_outgoing(page, parts[0]);
  if (post && parts.size() == 2 && parts[1] == "sign") return sign_as_sending_hei(page, parts[0]);
  return page.error(404);
}

http::Response own(PageRequest& page) {
  auto parts = segments(page.request.path, kOwn);
  if (parts.size() >= 2 && !parts[0].empty() && parts[1] == "courses") {
    return own_courses(page, parts[0], {parts.begin() + 2, parts.end()});
  }
  if (parts.empty() || parts[0].empty() || parts.size() > 3) return page.error(404);
  bool post = page.request.method == "POST";
  if (!post && parts.size() == 1) return student_mobility(page, parts[0]);
  if (!post && parts.size() == 3 && parts[1] == "la") return own_la_pdf(page, parts[0], parts[2]);
  if (post && parts.size() == 2 && parts[1] == "draft") return save_student_draft(page, parts[0]);
  if (post && parts.size() == 2 && parts[1] == "sign") return sign_as_student(page, parts[0]);
  return page.error(404);
}

http::Response own_application(PageRequest& page) {
  auto parts = segments(page.request.path, kOwnApplications);
  if (parts.empty() || parts[0].empty() || parts.size() > 4) return page.error(404);
  return student_application(page, parts[0], {parts.begin() + 1, parts.end()});
}

http::Response round(PageRequest& page) {
  auto parts = segments(page.request.path, kRounds);
  bool post = page.request.method == "POST";
  if (!post && parts.size() == 1 && !parts[0].empty()) return application_round(page, parts[0], "", "");
  if (post && parts.size() == 2 && parts[1] == "ranking") return application_round(page, parts[0], "", "ranking");
  if (post && parts.size() == 3) return application_round(page, parts[0], parts[1], parts[2]);
  if (!post && parts.size() == 4 && parts[2] == "documents") return applicant_document(page, parts[0], parts[1], parts[3]);
  return page.error(404);
}

http::Response incoming(PageRequest& page) {
  auto parts = segments(page.request.path, kIncoming);
  if (parts.size() < 2 || parts.size() > 4 || parts[0].empty() || parts[1].empty()) return page.error(404);
  bool post = page.request.method == "POST";
  if (!post && parts.size() == 2) return incoming_mobility(page, parts[0], parts[1]);
  if (!post && parts.size() == 4 && parts[2] == "la") return incoming_la_pdf(page, parts[0], parts[1], parts[3]);
  if (post && parts.size() == 3) return decide_incoming(page, parts[0], parts[1], parts[2]);
  return page.error(404);
}

}  // namespace

void add_mobility_pages(http::Router& router, const Site& site) {
  site.add_page(router, "GET", "/mobilities", mobility_list);
  site.add_page(router, "GET", "/coordinator/queue", work_queue, PageCaching::kWhileHeiDataUnchanged);
  site.add_page_tree(router, std::string(kOutgoing), {{"GET", outgoing}, {"POST", outgoing}});
  site.add_page_tree(router, std::string(kIncoming), {{"GET", incoming}, {"POST", incoming}});
  site.add_page(router, "GET", "/my-exchange/mobilities", student_mobilities);
  site.add_page_tree(router, std::string(kOwn), {{"GET", own}, {"POST", own}}, PageCaching::kWhileHeiDataUnchanged);
  site.add_page(router, "GET", "/my-exchange/applications", student_applications);
  site.add_page(router, "GET", "/my-stay", incoming_stay);
  site.add_page_tree(router, std::string(kOwnApplications), {{"GET", own_application}, {"POST", own_application}});
  site.add_page(router, "GET", "/coordinator/applications", application_rounds);
  site.add_page(router, "POST", "/coordinator/applications", application_rounds);
  site.add_page_tree(router, std::string(kRounds), {{"GET", round}, {"POST", round}});
  allow_document_uploads(router);
}

}  // namespace mobility::portal::mobility_pages
