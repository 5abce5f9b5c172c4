#include "ewp-node/xml/dom.hpp"

#include "ewp-node/xml/schema_validator.hpp"

namespace mobility::ewp {
namespace {

// Copies a string libxml2 allocated for us (may be null) and frees it.
std::string take_xml_string(xmlChar* owned) {
  std::string text = owned ? reinterpret_cast<const char*>(owned) : "";
  xmlFree(owned);
  return text;
}

}  // namespace

bool is_element(xmlNodePtr node, std::string_view ns_uri, std::string_view name) {
  return has_local_name(node, name) && node->ns != nullptr &&
         std::string_view(reinterpret_cast<const char*>(node->ns->href)) == ns_uri;
}

std::vector<xmlNodePtr> child_elements(xmlNodePtr parent, std::string_view ns_uri, std::string_view name) {
  std::vector<xmlNodePtr> found;
  for (xmlNodePtr child : child_elements(parent)) {
    if (is_element(child, ns_uri, name)) found.push_back(child);
  }
  return found;
}

xmlNodePtr first_child_element(xmlNodePtr parent, std::string_view ns_uri, std::string_view name) {
  auto found = child_elements(parent, ns_uri, name);
  return found.empty() ? nullptr : found.front();
}

std::string element_text(xmlNodePtr node) {
  constexpr std::string_view kXmlWhitespace = " \t\r\n";  // XML's S production
  std::string text = string_value(node);
  size_t first = text.find_first_not_of(kXmlWhitespace);
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(kXmlWhitespace) - first + 1);
}

std::string attribute_value(xmlNodePtr node, const char* name) {
  return take_xml_string(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
}

bool has_local_name(xmlNodePtr node, std::string_view name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && std::string_view(reinterpret_cast<const char*>(node->name)) == name;
}

std::vector<xmlNodePtr> child_elements_by_local_name(xmlNodePtr parent, std::string_view name) {
  std::vector<xmlNodePtr> found;
  for (xmlNodePtr child : child_elements(parent)) {
    if (has_local_name(child, name)) found.push_back(child);
  }
  return found;
}

xmlNodePtr first_child_element_by_local_name(xmlNodePtr parent, std::string_view name) {
  auto found = child_elements_by_local_name(parent, name);
  return found.empty() ? nullptr : found.front();
}

std::vector<xmlNodePtr> child_elements(xmlNodePtr parent) {
  std::vector<xmlNodePtr> found;
  for (xmlNodePtr child = parent ? parent->children : nullptr; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) found.push_back(child);
  }
  return found;
}

std::string string_value(xmlNodePtr node) { return node ? take_xml_string(xmlNodeGetContent(node)) : ""; }

std::string unqualified_attribute_value(xmlNodePtr element, const char* name) {
  return take_xml_string(xmlGetNoNsProp(element, reinterpret_cast<const xmlChar*>(name)));
}

Result<ParsedXml> parse_answer(std::string_view xml, std::string_view ns_uri, std::string_view root, const std::string& api) {
  ParsedXml doc = parse_untrusted_xml(xml);
  if (!doc) return Status::invalid_argument("the " + api + " answer is not XML");
  if (!is_element(xmlDocGetRootElement(doc.get()), ns_uri, root)) {
    return Status::invalid_argument("the " + api + " answer is not a <" + std::string(root) + ">");
  }
  return doc;
}

}  // namespace mobility::ewp
