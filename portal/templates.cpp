#include "portal/templates.hpp"

#include <re2/re2.h>

#include <functional>
#include <map>

#include "base/embedded_file.hpp"

namespace mobility::embedded {
const std::vector<EmbeddedFile>& template_files();
}

namespace mobility::portal {
namespace {

constexpr std::string_view kTemplateSuffix = ".mustache";
constexpr int kMaxPartialDepth = 8;

// `source` with every match of `tag` (one capture group: the name) replaced by `expand(name)`.
Result<std::string> replace_tags(const std::string& source, const RE2& tag,
                                 const std::function<Result<std::string>(const std::string&)>& expand) {
  std::string out;
  re2::StringPiece rest(source);
  re2::StringPiece whole;
  std::string name;
  while (RE2::PartialMatch(rest, tag, &whole, &name)) {
    out.append(rest.data(), static_cast<size_t>(whole.data() - rest.data()));
    auto expanded = expand(name);
    if (!expanded) return expanded.status();
    out += *expanded;
    rest.remove_prefix(static_cast<size_t>(whole.data() + whole.size() - rest.data()));
  }
  out.append(rest.data(), rest.size());
  return out;
}

// `source` with every {{> name}} replaced by templates/partials/<name>.mustache, recursively.
Result<std::string> with_partials(const std::string& source, int depth) {
  static const RE2 partial_tag(R"((\{\{>\s*([a-z0-9_]+)\s*\}\}))");
  if (depth > kMaxPartialDepth) return Status::internal("partials nest deeper than " + std::to_string(kMaxPartialDepth));
  return replace_tags(source, partial_tag, [depth](const std::string& name) -> Result<std::string> {
    auto partial = template_file("partials/" + name + std::string(kTemplateSuffix));
    if (!partial) return Status::internal("no partial " + name);
    return with_partials(std::string(*partial), depth + 1);
  });
}

// `source` with every {{t.key}} replaced by the escaped text of key.
Result<std::string> with_texts(const std::string& source, const Messages& texts) {
  static const RE2 text_tag(R"((\{\{t\.([a-z0-9_]+)\}\}))");
  return replace_tags(source, text_tag, [&texts](const std::string& key) -> Result<std::string> {
    if (!texts.all().count(key))
      return Status::internal("message " + key + " is used in a template but missing from the catalogue");
    std::string text = texts.text(key);
    if (text.find("{{") != std::string::npos || text.find("}}") != std::string::npos) {
      return Status::internal("message " + key + " contains {{ or }}");
    }
    return kainjow::mustache::html_escape(text);
  });
}

}  // namespace

Result<std::string> prepared_template(std::string_view name, const Messages& texts) {
  auto content = template_file(std::string(name) + std::string(kTemplateSuffix));
  if (!content) return Status::not_found("no template " + std::string(name));
  auto expanded = with_partials(std::string(*content), 0);
  if (!expanded) return expanded.status().with_context("template " + std::string(name));
  return with_texts(*expanded, texts);
}

Result<std::string> render_template(std::string_view name, const kainjow::mustache::data& data, const Messages& texts) {
  // kainjow's render() is not const, so every thread keeps its own compiled copies.
  using Key = std::pair<const Messages*, std::string>;
  thread_local std::map<Key, kainjow::mustache::mustache> compiled;
  Key key{&texts, std::string(name)};
  auto found = compiled.find(key);
  if (found == compiled.end()) {
    auto source = prepared_template(name, texts);
    if (!source) return source.status();
    found = compiled.emplace(key, kainjow::mustache::mustache(*source)).first;
  }
  kainjow::mustache::mustache& mustache = found->second;
  if (mustache.is_valid()) {
    std::string html;  // appended to directly: kainjow's own render(data) goes through an ostringstream
    html.reserve(8192);
    mustache.render(data, [&html](const std::string& part) { html += part; });
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

std::vector<std::string> page_template_names() {
  std::vector<std::string> names;
  for (const auto& file : embedded::template_files()) {
    if (!file.name.ends_with(kTemplateSuffix) || file.name.starts_with("partials/")) continue;
    names.emplace_back(file.name.substr(0, file.name.size() - kTemplateSuffix.size()));
  }
  return names;
}

}  // namespace mobility::portal
