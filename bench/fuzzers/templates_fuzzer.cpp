// The page templates (portal/templates.hpp, portal/web/page.hpp) rendered with arbitrary values:
// the input's first byte picks a template, its lines become the values of every name the
// template uses ({{name}}, {{a.b}}; sections get false, true or a list of one or two entries),
// and the page is rendered in its layout with a display name, path and CSRF token from the input.
// Every value ends with a piece of markup (kMarker) that must come out escaped.
#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "bench/fuzzers/fuzz_support.hpp"
#include "portal/templates.hpp"
#include "portal/web/page.hpp"

namespace {

using namespace mobility;
using kainjow::mustache::data;

struct TemplateNames {
  std::string name;
  std::string source;                  // prepared in both languages: partials and {{t.key}} texts written in
  std::vector<std::string> variables;  // every name of a tag, dotted ones as written
  std::set<std::string> sections;
  std::set<std::string> raw;  // {{{name}}} or {{&name}}: HTML by design (layout's content)
};

const std::vector<TemplateNames>& templates() {
  static const std::vector<TemplateNames> all = [] {
    std::vector<TemplateNames> found;
    // RE2, as for every pattern on input: linear time on any length (docs/decisions.md §19).
    const RE2 tag(R"(\{\{(\{?)\s*([#^/&]?)\s*([A-Za-z_][A-Za-z0-9_.\-]*)\s*\}?\}\})");
    for (const std::string& name : portal::page_template_names()) {
      if (name == "layout") continue;  // render_page puts every page in it
      auto english = portal::prepared_template(name, portal::Messages::of(portal::Language::kEnglish));
      auto bokmal = portal::prepared_template(name, portal::Messages::of(portal::Language::kBokmal));
      if (!english || !bokmal) std::abort();
      TemplateNames names{name, *english + *bokmal, {}, {}, {}};
      const std::string& source = names.source;
      std::set<std::string> seen;
      re2::StringPiece rest(source);
      std::string brace, kind, variable;
      while (RE2::FindAndConsume(&rest, tag, &brace, &kind, &variable)) {
        if (kind == "#" || kind == "^") names.sections.insert(variable);
        if (brace == "{" || kind == "&") names.raw.insert(variable);
        if (seen.insert(variable).second) names.variables.push_back(variable);
      }
      found.push_back(std::move(names));
    }
    // A pattern that finds no names would leave every value unfuzzed: stop instead.
    if (std::none_of(found.begin(), found.end(), [](const TemplateNames& t) { return !t.variables.empty(); })) {
      std::fprintf(stderr, "the tag pattern found no names in the templates\n");
      std::abort();
    }
    return found;
  }();
  return all;
}

// `root` with `value` at the dotted `path`, objects made on the way.
void set_path(data& root, const std::string& path, const data& value) {
  size_t dot = path.find('.');
  if (dot == std::string::npos) {
    root.set(path, value);
    return;
  }
  std::string head = path.substr(0, dot);
  data child = root.get(head) && root.get(head)->is_object() ? *root.get(head) : data(data::type::object);
  set_path(child, path.substr(dot + 1), value);
  root.set(head, child);
}

// Every value ends with this; escaped, it never shows in a page.
constexpr std::string_view kMarker = "<fz\">";

// Aborts when the marker came out unescaped, showing where.
void check_escaped(const std::string& html) {
  size_t at = html.find(kMarker);
  if (at == std::string::npos) return;
  size_t from = at < 300 ? 0 : at - 300;
  std::fprintf(stderr, "a value came out unescaped:\n%s\n", html.substr(from, 400).c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const auto& all = templates();
  if (size == 0 || all.empty()) return 0;
  const TemplateNames& chosen = all[bytes[0] % all.size()];
  std::vector<std::string_view> values = fuzz::split(fuzz::as_text(bytes + 1, size - 1), '\n');
  size_t next = 0;
  auto piece = [&] { return std::string(values[next++ % values.size()]); };
  auto value = [&] { return piece() + std::string(kMarker); };

  data page(data::type::object);
  for (const std::string& variable : chosen.variables) {
    if (chosen.raw.count(variable)) {
      set_path(page, variable, data(std::string("<p>page</p>")));
    } else if (chosen.sections.count(variable)) {
      std::string choice = piece();
      if (choice.empty()) {
        set_path(page, variable, data(false));
      } else if (choice.size() % 3 == 1) {
        set_path(page, variable, data(true));
      } else {
        data list(data::type::list);
        list.push_back(data(data::type::object));
        if (choice.size() % 3 == 2) list.push_back(data(data::type::object));
        set_path(page, variable, list);
      }
    } else {
      set_path(page, variable, data(value()));
    }
  }
  portal::PageFrame frame;
  frame.language = portal::kLanguages[(bytes[0] >> 6) % std::size(portal::kLanguages)];
  frame.current_path = value();
  frame.csrf_token = value();
  frame.display_name = value();
  auto html = portal::render_page(frame, chosen.name, "home_title", page);
  if (!html) return 0;
  check_escaped(*html);
  return 0;
}
