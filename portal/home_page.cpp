#include "portal/home_page.hpp"

#include "agreements/names.hpp"
#include "base/log.hpp"
#include "db/institutions.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

http::Response home(PageRequest& page) {
  auto institutions = db::list_hosted_institutions(page.connection);
  if (!institutions) {
    log::error("page_query_failed", {{"id", page.request.request_id}, {"error", institutions.status().to_string()}});
    return page.error(503);
  }
  std::string language = language_code(page.visitor.language);
  data list = data::type::list;
  for (const auto& institution : *institutions) {
    data row;
    row.set("name", agreements::preferred_name(institution.names, language, institution.hei_id));
    row.set("hei_id", institution.hei_id);
    row.set("country", institution.country_code.value_or(""));
    row.set("hosted", institution.hosted);
    list.push_back(row);
  }
  data view;
  view.set("signed_in", page.visitor.account.has_value());
  view.set("start_path", start_path(page.visitor.actor));
  view.set("has_institutions", !institutions->empty());
  view.set("institutions", list);
  return page.render(200, "home", "home_title", view);
}

}  // namespace

void add_home_route(http::Router& router, const Site& site) { site.add_page(router, "GET", "/", home); }

}  // namespace mobility::portal
