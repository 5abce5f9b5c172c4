// Reading parsed XML (libxml2 trees) by namespace URI and local name, never by prefix; or by
// local name alone, where one algorithm reads several versions of a schema (the IIA hash).
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace mobility::ewp {

bool is_element(xmlNodePtr node, std::string_view ns_uri, std::string_view name);
// The child elements of `parent` (may be null) with that namespace and name, in order.
std::vector<xmlNodePtr> child_elements(xmlNodePtr parent, std::string_view ns_uri, std::string_view name);
// The first such child, or null.
xmlNodePtr first_child_element(xmlNodePtr parent, std::string_view ns_uri, std::string_view name);
// The text content of `node`, without surrounding XML whitespace (spaces, tabs, line breaks).
std::string element_text(xmlNodePtr node);
// The value of attribute `name`, or "".
std::string attribute_value(xmlNodePtr node, const char* name);

// An element named `name` in any namespace (or none).
bool has_local_name(xmlNodePtr node, std::string_view name);
// The child elements of `parent` (may be null) with that local name, any namespace, in order.
std::vector<xmlNodePtr> child_elements_by_local_name(xmlNodePtr parent, std::string_view name);
// The first such child, or null.
xmlNodePtr first_child_element_by_local_name(xmlNodePtr parent, std::string_view name);
// All child elements of `parent`, in order.
std::vector<xmlNodePtr> child_elements(xmlNodePtr parent);
// The XPath string value of an element or attribute node: all its text, blanks kept; "" for null.
std::string string_value(xmlNodePtr node);
// The value of the attribute `name` that has no namespace, or "" (xmlGetProp ignores namespaces).
std::string unqualified_attribute_value(xmlNodePtr element, const char* name);

using ParsedXml = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;
// A partner's answer parsed as untrusted XML (parse_untrusted_xml) whose root must be `root` in
// `ns_uri`; invalid_argument naming `api` otherwise.
Result<ParsedXml> parse_answer(std::string_view xml, std::string_view ns_uri, std::string_view root, const std::string& api);

}  // namespace mobility::ewp
