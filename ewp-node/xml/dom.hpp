// Reading parsed XML (libxml2 trees) by namespace URI and local name, never by prefix.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace mobility::ewp {

bool is_element(xmlNodePtr node, std::string_view ns_uri, std::string_view name);
// The child elements of `parent` (may be null) with that namespace and name, in order.
std::vector<xmlNodePtr> child_elements(xmlNodePtr parent, std::string_view ns_uri, std::string_view name);
// The first such child, or null.
xmlNodePtr first_child_element(xmlNodePtr parent, std::string_view ns_uri, std::string_view name);
// The text content of `node`, without surrounding blanks.
std::string element_text(xmlNodePtr node);
// The value of attribute `name`, or "".
std::string attribute_value(xmlNodePtr node, const char* name);

}  // namespace mobility::ewp
