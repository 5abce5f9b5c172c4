// Rendering a page: its own template inside the shared layout (templates/layout.mustache with
// the header partial: site name, navigation, language switch, the signed-in person and log-out).
// Every template sees the messages of the page's language as {{t.key}}, and {{csrf}} for its forms.
// Note: kainjow Mustache treats an empty string as true in {{#section}}; leave a value unset
// rather than empty when a section tests it.
#pragma once

#include <kainjow/mustache.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "base/status.hpp"
#include "http/message.hpp"
#include "portal/web/language.hpp"

namespace mobility::portal {

// What the layout shows around every page.
struct PageFrame {
  Language language = Language::kBokmal;
  std::string current_path = "/";           // where the language switch returns to
  std::string csrf_token;                   // for the header's forms
  std::optional<std::string> display_name;  // signed in
  std::optional<std::string> start_path;    // signed in
};

// `title_key` names the message used as the page's <title>; `page` fills the page template.
Result<std::string> render_page(const PageFrame& frame, std::string_view template_name, std::string_view title_key,
                                kainjow::mustache::data page = kainjow::mustache::data());

// A text/html response.
http::Response html_response(int status, std::string html);

}  // namespace mobility::portal
