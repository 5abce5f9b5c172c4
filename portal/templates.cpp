#include "portal/templates.hpp"

#include "ops/base/embedded_file.hpp"

namespace mobility::embedded {
const std::vector<EmbeddedFile>& template_files();
}

namespace mobility::portal {

Result<std::string> render_template(std::string_view name, const kainjow::mustache::data& data) {
  std::string file_name = std::string(name) + ".mustache";
  for (const auto& file : embedded::template_files()) {
    if (file.name != file_name) continue;
    kainjow::mustache::mustache compiled{std::string(file.content)};
    if (!compiled.is_valid()) return Status::internal("template " + file_name + ": " + compiled.error_message());
    std::string html = compiled.render(data);
    if (!compiled.is_valid()) return Status::internal("template " + file_name + ": " + compiled.error_message());
    return html;
  }
  return Status::not_found("no template " + file_name);
}

}  // namespace mobility::portal
