#include "portal/templates.hpp"

#include <map>

#include "ops/base/embedded_file.hpp"

namespace mobility::embedded {
const std::vector<EmbeddedFile>& template_files();
}

namespace mobility::portal {
namespace {

constexpr std::string_view kPartialsFolder = "partials/";
constexpr std::string_view kTemplateSuffix = ".mustache";

// Adds every partial of templates/partials/ to `data` under its name.
void add_partials(kainjow::mustache::data& data) {
  for (const auto& file : embedded::template_files()) {
    if (!file.name.starts_with(kPartialsFolder) || !file.name.ends_with(kTemplateSuffix)) continue;
    std::string_view name = file.name.substr(kPartialsFolder.size());
    name.remove_suffix(kTemplateSuffix.size());
    std::string_view content = file.content;  // compiled into the binary: lives as long as the program
    data.set(std::string(name), kainjow::mustache::partial([content] { return std::string(content); }));
  }
}

}  // namespace

Result<std::string> render_template(std::string_view name, kainjow::mustache::data data) {
  // kainjow's render() is not const, so every thread keeps its own compiled copies.
  thread_local std::map<std::string, kainjow::mustache::mustache, std::less<>> compiled;
  auto found = compiled.find(name);
  if (found == compiled.end()) {
    auto content = template_file(std::string(name) + std::string(kTemplateSuffix));
    if (!content) return Status::not_found("no template " + std::string(name));
    found = compiled.emplace(std::string(name), kainjow::mustache::mustache(std::string(*content))).first;
  }
  kainjow::mustache::mustache& mustache = found->second;
  if (mustache.is_valid()) {
    add_partials(data);
    std::string html = mustache.render(data);
    if (mustache.is_valid()) return html;
  }
  Status failed = Status::internal("template " + std::string(name) + ": " + mustache.error_message());
  compiled.erase(found);  // a failed render leaves its error behind; compile afresh next time
  return failed;
}

std::optional<std::string_view> template_file(std::string_view path) {
  for (const auto& file : embedded::template_files()) {
    if (file.name == path) return file.content;
  }
  return std::nullopt;
}

}  // namespace mobility::portal
