// The web site's shared machinery, used by every page of the portal and the agreement tool:
// who is asking (session, account, roles, language), CSRF checks on every POST, friendly error
// pages, and the registration of pages on the router.
//
// A POST body is read as application/x-www-form-urlencoded or, when its Content-Type says so, as
// multipart/form-data (a form with files: its `csrf` is one of its fields); a multipart body that
// cannot be read is answered 400 before the handler runs.
//
//   site.add_page("GET", "/my-exchange", [](PageRequest& page) { ... return page.render(...); });
//
// A page handler runs with a database connection and the resolved Visitor. A POST whose `csrf`
// field does not match is answered 403 before the handler runs, so it changes nothing. Database
// trouble gives the 503 page, any other failure the 500 page; details go only to the log.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "db/accounts.hpp"
#include "db/pool.hpp"
#include "http/multipart.hpp"
#include "http/router.hpp"
#include "portal/accounts/authorization.hpp"
#include "portal/accounts/csrf.hpp"
#include "portal/accounts/login.hpp"
#include "portal/accounts/sessions.hpp"
#include "portal/web/name_cache.hpp"
#include "portal/web/page.hpp"
#include "portal/web/page_cache.hpp"

namespace mobility::portal {

struct Visitor {
  Language language = Language::kBokmal;
  std::optional<ActiveSession> session;
  std::optional<db::AccountRecord> account;  // with the session
  Actor actor;                               // no grants when signed out
  CsrfToken csrf;
};

// A POST of a form with files (multipart/form-data, http/multipart.hpp) has at most this many
// fields and files; how large they may be together is the body limit of the path
// (http::Router::allow_body; 1 MiB elsewhere).
constexpr size_t kMaxFormParts = 16;

struct PageRequest {
  const http::Request& request;
  Visitor& visitor;
  db::Connection& connection;
  http::HeaderList form;   // the decoded body of a POST: its fields (of a multipart body, those without a file name)
  const NameCache& names;  // institutions' and units' names
  std::vector<http::FormPart> files = {};  // of a multipart POST: the parts with a file name, in order

  PageFrame frame() const;
  std::string field(std::string_view name) const;  // "" when absent
  // The page `template_name` in the layout, as a response.
  http::Response render(int status, std::string_view template_name, std::string_view title_key,
                        kainjow::mustache::data page = kainjow::mustache::data()) const;
  // The error page for 403, 404, 500 or 503 (optionally with another explanation).
  http::Response error(int status, std::string_view text_key = "") const;
  // 303 See Other.
  http::Response redirect(const std::string& location) const;
  // Signed out: a redirect to the login page. Signed in without the right: the 403 page.
  // nullopt when the visitor may do `action` on `scope`.
  std::optional<http::Response> refuse_unless(Action action, const Scope& scope) const;
};

using PageHandler = std::function<http::Response(PageRequest&)>;

// Whether a page's GET answers may be served again from the PageCache (portal/web/page_cache.hpp).
// kWhileHeiDataUnchanged suits read-only pages that show only data of the visitor's own HEIs
// that migration 0026 counts (mobilities, learning agreements, pre-approvals, applications,
// host courses, students, units), besides names and the visitor's own account.
enum class PageCaching { kNone, kWhileHeiDataUnchanged };

struct SiteSettings {
  SessionSettings sessions;
  LoginPolicy login;
  PageCache::Limits pages;  // max_entry_bytes 0 keeps no page
};

class Site {
 public:
  Site(db::Pool& pool, SiteSettings settings);

  void add_page(http::Router& router, const std::string& method, const std::string& path, PageHandler handler,
                PageCaching caching = PageCaching::kNone) const;
  // Pages whose paths carry a record's id below `prefix` ("/agreements/" for
  // "/agreements/{iia_id}/edit"): a request under it that no add_page path matches goes to the
  // handler of its method (HEAD to GET's), which reads the rest of page.request.path; other
  // methods get 405.
  // `caching` applies to its GET answers.
  void add_page_tree(http::Router& router, const std::string& prefix, std::map<std::string, PageHandler> by_method,
                     PageCaching caching = PageCaching::kNone) const;
  // The friendly 404 page for unknown paths outside /ewp, and /static/site.css.
  void add_common_routes(http::Router& router) const;

  const Sessions& sessions() const { return sessions_; }
  const Login& login() const { return login_; }
  const NameCache& names() const { return names_; }
  const PageCache& pages() const { return pages_; }

 private:
  Result<Visitor> visitor_of(db::Connection& connection, const http::Request& request) const;
  http::Response serve(const http::Request& request, const PageHandler& handler, PageCaching caching) const;
  // handler's answer, or the one the PageCache kept for this visitor's view of the page.
  http::Response rendered_or_kept(PageRequest& page, const PageHandler& handler, PageCaching caching) const;

  db::Pool& pool_;
  Sessions sessions_;
  Login login_;
  NameCache names_;
  PageCache pages_;
};

}  // namespace mobility::portal
