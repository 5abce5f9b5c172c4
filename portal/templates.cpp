#include "portal/templates.hpp"

#include "ops/base/embedded_file.hpp"

namespace mobility::embedded {
const std::vector<EmbeddedFile>& template_files();
}

namespace mobility::portal {
namespace {

constexpr std::string_view kPartialsFolder = "partials/";
constexpr std::string_view kTemplateSuffix = ".mustache";

// `data` with every partial of templates/partials/ added under its name.
kainjow::mustache::data with_partials(const kainjow::mustache::data& data) {
  kainjow::mustache::data complete = data;
  for (const auto& file : embedded::template_files()) {
    if (!file.name.starts_with(kPartialsFolder) || !file.name.ends_with(kTemplateSuffix)) continue;
    std::string_view name = file.name.substr(kPartialsFolder.size());
    name.remove_suffix(kTemplateSuffix.size());
    std::string content(file.content);
    complete.set(std::string(name), kainjow::mustache::partial([content] { return content; }));
  }
  return complete;
}

}  // namespace

Result<std::string> render_template(std::string_view name, const kainjow::mustache::data& data) {
  auto content = template_file(std::string(name) + std::string(kTemplateSuffix));
  if (!content) return Status::not_found("no template " + std::string(name));
  kainjow::mustache::mustache compiled{std::string(*content)};
  if (!compiled.is_valid()) return Status::internal("template " + std::string(name) + ": " + compiled.error_message());
  std::string html = compiled.render(with_partials(data));
  if (!compiled.is_valid()) return Status::internal("template " + std::string(name) + ": " + compiled.error_message());
  return html;
}

std::optional<std::string_view> template_file(std::string_view path) {
  for (const auto& file : embedded::template_files()) {
    if (file.name == path) return file.content;
  }
  return std::nullopt;
}

}  // namespace mobility::portal
