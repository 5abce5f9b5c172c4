// Page templates: templates/*.mustache, compiled into the binary, rendered with kainjow Mustache.
// {{value}} is HTML-escaped; templates never use the unescaped {{{value}}} form for user data.
//
// Each template is prepared once per thread and message catalogue: the partials of
// templates/partials/ it names ({{> header}}) are written into it, and every {{t.key}} becomes
// the catalogue's text for key, HTML-escaped, as Mustache would have escaped it. A page render
// then only fills in its own data (measured: this halves the cost of a page).
#pragma once

#include <kainjow/mustache.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal {

// Renders templates/<name>.mustache with `texts` for {{t.key}}; kNotFound for an unknown name,
// kInternal for a template error (a partial that does not exist, a {{t.key}} the catalogue lacks,
// a tag Mustache cannot parse).
Result<std::string> render_template(std::string_view name, const kainjow::mustache::data& data, const Messages& texts);

// The source of templates/<name>.mustache as render_template prepares it.
Result<std::string> prepared_template(std::string_view name, const Messages& texts);

// A file under templates/ other than a template (static/site.css, messages/en.txt).
std::optional<std::string_view> template_file(std::string_view path);

// The names of every page template (templates/**/*.mustache but the partials), as
// render_template takes them: "login", "agreements/list".
std::vector<std::string> page_template_names();

}  // namespace mobility::portal
