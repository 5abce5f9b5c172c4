#include "portal/pages/compare_view.hpp"

#include "agreements/version_diff.hpp"
#include "portal/web/form_view.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal {

http::Response compare_page(const PageRequest& page, const ComparedVersions& versions, std::string_view title_key) {
  auto differences = agreements::diff_documents(versions.before, versions.after);
  kainjow::mustache::data view;
  view.set("heading", versions.heading);
  view.set("back_path", versions.back_path);
  view.set("back_text", versions.back_text);
  view.set("from", std::to_string(versions.from));
  view.set("to", std::to_string(versions.to));
  view.set("differences_caption", Messages::of(page.visitor.language).text("diff_caption"));
  kainjow::mustache::data rows = differences_view(differences);
  view.set("has_differences", rows.is_non_empty_list());
  view.set("difference_rows", rows);
  return page.render(200, "compare", title_key, view);
}

}  // namespace mobility::portal
