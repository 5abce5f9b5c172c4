#include "portal/web/page.hpp"

#include <array>

#include "portal/templates.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

// The language switcher's options for a page in `current`; built once per language.
const data& language_options(Language current) {
  auto build = [](Language shown) {
    data options = data::type::list;
    for (Language language : kLanguages) {
      data option;
      option.set("code", language_code(language));
      option.set("label", Messages::of(shown).text("language_" + language_code(language)));
      option.set("selected", language == shown);
      options.push_back(option);
    }
    return options;
  };
  static const std::array<data, std::size(kLanguages)> by_language = {build(Language::kBokmal), build(Language::kNynorsk),
                                                                      build(Language::kEnglish)};
  return by_language[language_index(current)];
}

}  // namespace

Result<std::string> render_page(const PageFrame& frame, std::string_view template_name, std::string_view title_key, data page) {
  const Messages& messages = Messages::of(frame.language);
  page.set("csrf", frame.csrf_token);
  auto content = render_template(template_name, page, messages);
  if (!content) return content.status();
  data layout;
  layout.set("lang", language_code(frame.language));
  layout.set("title", messages.text(title_key));
  layout.set("content", *content);
  layout.set("csrf", frame.csrf_token);
  layout.set("current_path", frame.current_path);
  layout.set("languages", language_options(frame.language));
  layout.set("signed_in", frame.display_name.has_value());
  layout.set("display_name", frame.display_name.value_or(""));
  layout.set("start_path", frame.start_path.value_or("/"));
  return render_template("layout", layout, messages);
}

http::Response html_response(int status, std::string html) {
  http::Response response = http::Response::text(status, std::move(html));
  response.content_type = "text/html; charset=utf-8";
  return response;
}

}  // namespace mobility::portal
