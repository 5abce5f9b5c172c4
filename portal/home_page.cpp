#include "portal/home_page.hpp"

#include "agreements/names.hpp"
#include "db/institutions.hpp"
#include "ops/base/log.hpp"
#include "portal/templates.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

Result<std::string> render_home(db::Pool& pool) {
  auto connection = pool.acquire();
  if (!connection) return connection.status();
  auto institutions = db::list_institutions(**connection);
  if (!institutions) return institutions.status();
  data list = data::type::list;
  for (const auto& institution : *institutions) {
    data row;
    row.set("name", agreements::preferred_name(institution.names, "en", institution.hei_id));
    row.set("hei_id", institution.hei_id);
    row.set("country", institution.country_code.value_or(""));
    row.set("hosted", institution.hosted);
    list.push_back(row);
  }
  data page;
  page.set("has_institutions", !institutions->empty());
  page.set("institutions", list);
  return render_template("home", page);
}

}  // namespace

void add_home_route(http::Router& router, db::Pool& pool) {
  router.add("GET", "/", [&pool](const http::Request& request) {
    auto html = render_home(pool);
    if (!html) {
      log::error("page_failed", {{"id", request.request_id}, {"page", "home"}, {"error", html.status().to_string()}});
      return http::Response::text(503, "The page cannot be shown right now; please try again shortly.\n");
    }
    http::Response response = http::Response::text(200, std::move(*html));
    response.content_type = "text/html; charset=utf-8";
    return response;
  });
}

}  // namespace mobility::portal
