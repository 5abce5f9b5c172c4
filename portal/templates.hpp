// Page templates: templates/*.mustache, compiled into the binary, rendered with kainjow Mustache.
// {{value}} is HTML-escaped; templates never use the unescaped {{{value}}} form for user data.
// Every template may include the partials in templates/partials/ by name ({{> header}}).
#pragma once

#include <kainjow/mustache.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "ops/base/status.hpp"

namespace mobility::portal {

// Renders templates/<name>.mustache; kNotFound for an unknown name, kInternal for a template error.
// Each thread compiles a template once and keeps it.
Result<std::string> render_template(std::string_view name, kainjow::mustache::data data);

// A file under templates/ other than a template (static/site.css, messages/en.txt).
std::optional<std::string_view> template_file(std::string_view path);

}  // namespace mobility::portal
