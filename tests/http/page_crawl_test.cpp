// The pages each role reaches, found by crawling their links, so a new page joins these tests by
// itself:
// - every form field of every page, sent with 100,000 and 1,000,000 characters: the answer is a
//   4xx (with the field's own error where the page shows the field), the server stays up and
//   nothing is stored (a long field once killed the node: std::regex recursed once per character);
// - every link a page shows opens for its reader (no 403), and the operator sees no student's
//   e-mail address.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <map>
#include <set>

#include "tests/support/portal_server.hpp"

namespace mobility::portal {
namespace {

using testing::contains;
using testing::form_fields;
using testing::HttpReply;
using testing::Visit;
using testing::with;

constexpr const char* kAdmin = "ingrid.haugland@fjordland.example";
constexpr const char* kCoordinator = "per.saether@fjordland.example";
constexpr const char* kOperator = "terje.lund@fjordland.example";

// Forms whose submission ends the crawl's own session (it would lose its sign-in); not sent.
const std::set<std::string> kSessionForms = {"/logout"};

std::vector<std::string> matches_of(const std::string& html, const char* pattern) {
  std::vector<std::string> found;
  re2::StringPiece rest(html);
  std::string value;
  static thread_local std::map<std::string, std::unique_ptr<RE2>> compiled;
  auto& regex = compiled[pattern];
  if (!regex) regex = std::make_unique<RE2>(pattern);
  while (RE2::FindAndConsume(&rest, *regex, &value)) found.push_back(value);
  return found;
}

std::string unescaped(std::string text) {
  for (size_t at = text.find("&amp;"); at != std::string::npos; at = text.find("&amp;", at + 1)) text.replace(at, 5, "&");
  return text;
}

// The form with `action` in `html`.
std::string form_html(const std::string& html, const std::string& action) {
  size_t start = html.find("action=\"" + action + "\"");
  return start == std::string::npos ? "" : html.substr(start, html.find("</form>", start) - start);
}

// true when the form shows `name` as a text field or text area (not hidden, not a choice).
bool shown_as_text(const std::string& form, const std::string& name) {
  return contains(form, "name=\"" + name + "\" type=\"text\"") || contains(form, "type=\"text\" id=\"" + name + "\"") ||
         contains(form, "<textarea id=\"" + name + "\"");
}

// What marks the field's error message. Rows of a list ("study_places[3].unit") are renumbered
// when blank rows above them are dropped, so for them any row's field of that name will do.
std::string error_marker(const std::string& name) {
  size_t row_end = name.rfind("].");
  return row_end == std::string::npos ? "id=\"" + name + "-error\"" : name.substr(row_end) + "-error\"";
}

class PageCrawlTest : public ::testing::Test {
 protected:
  void SetUp() override { portal_.start(/*demo_agreements=*/true); }

  std::string snapshot() {
    auto connection = portal_.pool().acquire();
    auto rows = (*connection)->exec(R"(SELECT concat_ws('|',
        (SELECT count(*) FROM hei), (SELECT count(*) FROM iia_version), (SELECT count(*) FROM iia_approval_given),
        (SELECT string_agg(concat_ws(',', iia_id, state, current_version), ';' ORDER BY iia_id) FROM iia),
        (SELECT count(*) FROM agreement_information_version), (SELECT count(*) FROM factsheet_version),
        (SELECT count(*) FROM cnr_outbox WHERE state = 'pending'), (SELECT count(*) FROM account))::text)");
    EXPECT_TRUE(rows) << rows.status().to_string();
    return rows && !rows->empty() ? rows->front().get<std::string>(0) : "";
  }

  // The pages `visit` reaches from `start` by following its links up to `depth` steps, GETs only.
  std::vector<std::pair<std::string, std::string>> crawl(Visit& visit, const std::vector<std::string>& start, int depth,
                                                         std::map<std::string, int>* statuses = nullptr) {
    std::vector<std::pair<std::string, std::string>> pages;
    std::set<std::string> seen;
    std::vector<std::string> frontier = start;
    for (int step = 0; step <= depth && !frontier.empty(); ++step) {
      std::vector<std::string> next;
      for (const std::string& path : frontier) {
        if (!seen.insert(path).second || seen.size() > 80) continue;
        HttpReply page = visit.get(path);
        if (statuses != nullptr) (*statuses)[path] = page.status;
        if (page.status != 200) continue;
        pages.emplace_back(path, page.body);
        for (const std::string& link : matches_of(page.body, R"re(href="(/[^"#]*)")re")) {
          std::string target = unescaped(link);
          if (!target.starts_with("/static/") && !seen.count(target)) next.push_back(target);
        }
      }
      frontier = std::move(next);
    }
    return pages;
  }

  // Sends each field of each post form on `pages`, one at a time, with `length` characters.
  void send_long_fields(Visit& visit, const std::vector<std::pair<std::string, std::string>>& pages, size_t length) {
    std::set<std::string> sent;
    for (const auto& [page_path, html] : pages) {
      for (const std::string& action : matches_of(html, R"re(<form method="post" action="([^"]*)")re")) {
        http::HeaderList fields = form_fields(html, unescaped(action));
        for (const auto& [name, value] : fields) {
          if (name == "csrf" || name.empty() || !sent.insert(unescaped(action) + " " + name).second) continue;
          if (kSessionForms.count(unescaped(action))) continue;
          SCOPED_TRACE(page_path + " → POST " + unescaped(action) + " " + name + " × " + std::to_string(length));
          visit.get(page_path);  // a fresh csrf token
          std::string before = snapshot();
          HttpReply reply =
              visit.post(unescaped(action), with(with(fields, "csrf", visit.csrf()), name, std::string(length, 'x')));
          EXPECT_GE(reply.status, 400) << reply.body.substr(0, 300);
          EXPECT_LT(reply.status, 500) << reply.body.substr(0, 300);
          if (shown_as_text(form_html(html, unescaped(action)), name) && reply.status != 413) {
            EXPECT_TRUE(contains(reply.body, error_marker(name))) << "the field's own error is shown";
          }
          EXPECT_NE(visit.get("/login").status, 0) << "the server still answers";
          EXPECT_EQ(snapshot(), before) << "nothing stored";
          ++posts_;
        }
      }
    }
  }

  testing::PortalServer portal_;
  int posts_ = 0;
};

TEST_F(PageCrawlTest, EveryFormFieldOfEveryPageRefusesAHundredThousandAndAMillionCharacters) {
  struct Role {
    const char* email;
    std::vector<std::string> start;
  };
  std::vector<Role> roles = {{kAdmin,
                              {"/admin", "/partners", "/agreements", "/agreements/proposals", "/admin/factsheet",
                               "/admin/information-review", "/coordinator/destinations"}},
                             {kCoordinator, {"/coordinator", "/coordinator/destinations", "/agreements"}},
                             {kOperator, {"/operator", "/partners"}}};
  for (const Role& role : roles) {
    auto visit = testing::signed_in(portal_.base(), role.email);
    auto pages = crawl(*visit, role.start, 2);
    for (size_t length : {size_t{100'000}, size_t{1'000'000}}) send_long_fields(*visit, pages, length);
  }
  Visit anonymous(portal_.base());
  auto login = anonymous.get("/login");
  for (size_t length : {size_t{100'000}, size_t{1'000'000}}) send_long_fields(anonymous, {{"/login", login.body}}, length);
  EXPECT_GT(posts_, 40) << "the crawl found the forms";
}

// No page shows its reader a link that the reader may not follow (the operator once saw links
// to the admin's pages and the students' e-mail addresses in the audit log).
TEST_F(PageCrawlTest, EveryLinkAPageShowsOpensForItsReader) {
  for (const char* email : {kAdmin, kCoordinator, kOperator, "aase.bjornstad@student.fjordland.example"}) {
    auto visit = testing::signed_in(portal_.base(), email);
    std::map<std::string, int> statuses;
    crawl(*visit, {"/", "/login"}, 3, &statuses);
    EXPECT_GT(statuses.size(), 2u) << email;
    for (const auto& [path, status] : statuses) {
      EXPECT_NE(status, 403) << email << " is shown a link to " << path;
      EXPECT_LT(status, 500) << email << " " << path;
    }
    if (std::string(email) == kOperator) {
      for (const auto& [path, html] : crawl(*visit, {"/operator"}, 2)) {
        EXPECT_FALSE(contains(html, "@student.fjordland.example")) << "the operator sees no student's address on " << path;
      }
    }
  }
}

}  // namespace
}  // namespace mobility::portal
