#include "ewp-node/xml/dom.hpp"

#include "ops/base/text.hpp"

namespace mobility::ewp {

bool is_element(xmlNodePtr node, std::string_view ns_uri, std::string_view name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         std::string_view(reinterpret_cast<const char*>(node->ns->href)) == ns_uri &&
         std::string_view(reinterpret_cast<const char*>(node->name)) == name;
}

std::vector<xmlNodePtr> child_elements(xmlNodePtr parent, std::string_view ns_uri, std::string_view name) {
  std::vector<xmlNodePtr> found;
  for (xmlNodePtr child = parent ? parent->children : nullptr; child != nullptr; child = child->next) {
    if (is_element(child, ns_uri, name)) found.push_back(child);
  }
  return found;
}

xmlNodePtr first_child_element(xmlNodePtr parent, std::string_view ns_uri, std::string_view name) {
  auto found = child_elements(parent, ns_uri, name);
  return found.empty() ? nullptr : found.front();
}

std::string element_text(xmlNodePtr node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return std::string(trim_blanks(text));
}

std::string attribute_value(xmlNodePtr node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string text = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return text;
}

}  // namespace mobility::ewp
