#include "portal/web/site.hpp"

#include "base/log.hpp"
#include "db/accounts.hpp"
#include "db/page_revisions.hpp"
#include "http/form.hpp"
#include "portal/accounts/actor.hpp"
#include "portal/accounts/cookies.hpp"
#include "portal/templates.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal {
namespace {

constexpr const char* kLanguageCookie = "lang";

// What every answer of the web site carries, so that a browser runs none of what a page shows,
// never frames it and never sends its address elsewhere.
http::Response with_security_headers(http::Response response) {
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "same-origin");
  return response;
}

http::Response plain_failure(int status) {
  return http::Response::text(status, status == 503 ? "The service cannot answer right now; please try again shortly.\n"
                                                    : "Something went wrong; please try again later.\n");
}

PageFrame frame_of(const http::Request& request, const Visitor& visitor) {
  PageFrame frame{visitor.language, request.path, visitor.csrf.value, std::nullopt, std::nullopt};
  if (visitor.account) {
    frame.display_name = visitor.account->display_name;
    frame.start_path = start_path(visitor.actor);
  }
  return frame;
}

http::Response error_page(const http::Request& request, const Visitor& visitor, int status, std::string_view text_key) {
  const Messages& messages = Messages::of(visitor.language);
  std::string code = std::to_string(status);
  kainjow::mustache::data page;
  page.set("heading", messages.text("error_" + code + "_title"));
  page.set("text", messages.text(text_key.empty() ? "error_" + code + "_text" : std::string(text_key)));
  auto html = render_page(frame_of(request, visitor), "error", "error_" + code + "_title", page);
  return html ? html_response(status, std::move(*html)) : plain_failure(status);
}

// One visitor's view of one page: whose session, with which grants, name and language, for which
// host and target. The fields are joined by a byte no header or target carries.
std::string view_key(const http::Request& request, const Visitor& visitor) {
  std::string key = visitor.session->id + '\n' + std::to_string(static_cast<int>(visitor.language)) + '\n' +
                    visitor.account->display_name + '\n' + request.header("Host").value_or("") + '\n' + request.target;
  for (const Grant& grant : visitor.actor.grants) {
    key += '\n' + std::to_string(static_cast<int>(grant.role)) + ' ' + grant.hei_id.value_or("") + ' ' +
           grant.ounit_id.value_or("") + ' ' + grant.student_id.value_or("");
  }
  return key;
}

std::vector<std::string> hei_ids_of(const Actor& actor) {
  std::vector<std::string> hei_ids;
  for (const Grant& grant : actor.grants) {
    if (grant.hei_id) hei_ids.push_back(*grant.hei_id);
  }
  return hei_ids;
}

// The POST's fields (and files) into `page`. false for a multipart body that cannot be read; an
// urlencoded one that cannot is read as no fields (so its csrf check fails).
bool read_form(const http::Request& request, PageRequest& page) {
  std::string content_type = request.header("Content-Type").value_or("");
  if (!http::is_multipart_form(content_type)) {
    auto decoded = http::decode_form(request.body);
    if (decoded) page.form = std::move(*decoded);
    return true;
  }
  auto parts = http::parse_multipart(content_type, request.body, {kMaxFormParts, request.body.size()});
  if (!parts) {
    log::info("form_unreadable", {{"id", request.request_id}, {"path", request.path}, {"reason", parts.status().message()}});
    return false;
  }
  for (auto& part : *parts) {
    if (part.filename) {
      page.files.push_back(std::move(part));
    } else {
      page.form.emplace_back(std::move(part.name), std::move(part.body));
    }
  }
  return true;
}

}  // namespace

PageFrame PageRequest::frame() const { return frame_of(request, visitor); }

std::string PageRequest::field(std::string_view name) const {
  for (const auto& [key, value] : form) {
    if (key == name) return value;
  }
  return "";
}

http::Response PageRequest::render(int status, std::string_view template_name, std::string_view title_key,
                                   kainjow::mustache::data page) const {
  auto html = render_page(frame(), template_name, title_key, std::move(page));
  if (!html) {
    log::error("page_failed",
               {{"id", request.request_id}, {"page", std::string(template_name)}, {"error", html.status().to_string()}});
    return status == 500 ? plain_failure(500) : error(500);
  }
  return html_response(status, std::move(*html));
}

http::Response PageRequest::error(int status, std::string_view text_key) const {
  return error_page(request, visitor, status, text_key);
}

http::Response PageRequest::redirect(const std::string& location) const {
  http::Response response = http::Response::text(303, "See " + location + "\n");
  response.headers.emplace_back("Location", location);
  return response;
}

std::optional<http::Response> PageRequest::refuse_unless(Action action, const Scope& scope) const {
  if (!visitor.account) return redirect("/login");
  if (!allowed(visitor.actor, action, scope)) return error(403);
  return std::nullopt;
}

Site::Site(db::Pool& pool, SiteSettings settings)
    : pool_(pool), sessions_(settings.sessions), login_(sessions_, settings.login), pages_(settings.pages) {}

Result<Visitor> Site::visitor_of(db::Connection& connection, const http::Request& request) const {
  Visitor visitor;
  auto signed_in = sessions_.find(connection, request);
  if (!signed_in) return signed_in.status();
  if (*signed_in) {
    visitor.session = std::move((*signed_in)->session);
    visitor.account = std::move((*signed_in)->account);
    visitor.actor = actor_from(*visitor.account);
  }
  visitor.language = choose_language(visitor.account ? std::optional(visitor.account->language) : std::nullopt,
                                     cookie_value(request, kLanguageCookie), request.header("Accept-Language"));
  visitor.csrf = csrf_token_for(request, visitor.session);
  return visitor;
}

http::Response Site::rendered_or_kept(PageRequest& page, const PageHandler& handler, PageCaching caching) const {
  const Visitor& visitor = page.visitor;
  if (caching == PageCaching::kNone || page.request.method != "GET" || !visitor.session || !visitor.account) {
    return handler(page);
  }
  auto revision = db::page_revision_stamp(page.connection, hei_ids_of(visitor.actor));
  if (!revision || revision->empty()) return handler(page);
  std::string key = view_key(page.request, visitor);
  auto now = PageCache::Clock::now();
  if (auto kept = pages_.find(key, *revision, now)) return std::move(*kept);
  http::Response response = handler(page);
  pages_.store(key, *revision, response, now);
  return response;
}

http::Response Site::serve(const http::Request& request, const PageHandler& handler, PageCaching caching) const {
  auto connection = pool_.acquire();
  auto visitor = connection ? visitor_of(**connection, request) : Result<Visitor>(connection.status());
  if (!visitor) {
    log::error("page_unavailable", {{"id", request.request_id}, {"error", visitor.status().to_string()}});
    Visitor anonymous;
    anonymous.language = choose_language(std::nullopt, cookie_value(request, kLanguageCookie), request.header("Accept-Language"));
    http::Response unavailable = error_page(request, anonymous, 503, "");
    unavailable.headers.emplace_back("Cache-Control", "no-store");
    return with_security_headers(std::move(unavailable));
  }
  PageRequest page{request, *visitor, **connection, {}, names_};
  bool unreadable = request.method == "POST" && !read_form(request, page);
  bool forged = request.method == "POST" && !unreadable &&
                (!same_origin(request) || !csrf_accepts(request, visitor->session, page.field("csrf")));
  http::Response response = unreadable ? page.error(400)
                            : forged   ? page.error(403, "error_csrf_text")
                                       : rendered_or_kept(page, handler, caching);
  if (visitor->csrf.set_cookie) response.headers.emplace_back("Set-Cookie", *visitor->csrf.set_cookie);
  response.headers.emplace_back("Cache-Control", "no-store");
  return with_security_headers(std::move(response));
}

void Site::add_page(http::Router& router, const std::string& method, const std::string& path, PageHandler handler,
                    PageCaching caching) const {
  router.add(method, path, [this, handler = std::move(handler), caching](const http::Request& request) {
    return serve(request, handler, caching);
  });
}

void Site::add_page_tree(http::Router& router, const std::string& prefix, std::map<std::string, PageHandler> by_method,
                         PageCaching caching) const {
  router.add_fallback(prefix, [this, by_method = std::move(by_method), caching](const http::Request& request) {
    auto handler = by_method.find(request.method == "HEAD" ? "GET" : request.method);
    if (handler != by_method.end()) return serve(request, handler->second, caching);
    http::Response refused = http::Response::text(405, "Method not allowed\n");
    std::string allow;
    for (const auto& [method, unused] : by_method) allow += (allow.empty() ? "" : ", ") + method;
    refused.headers.emplace_back("Allow", allow);
    return with_security_headers(std::move(refused));
  });
}

void Site::add_common_routes(http::Router& router) const {
  router.add("GET", "/static/site.css", [](const http::Request&) {
    http::Response response = http::Response::text(200, std::string(template_file("static/site.css").value_or("")));
    response.content_type = "text/css; charset=utf-8";
    response.headers.emplace_back("Cache-Control", "public, max-age=3600");
    return with_security_headers(std::move(response));
  });
  router.add_fallback("/", [this](const http::Request& request) {
    return serve(
        request, [](PageRequest& page) { return page.error(404); }, PageCaching::kNone);
  });
}

}  // namespace mobility::portal
