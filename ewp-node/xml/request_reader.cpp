#include "ewp-node/xml/request_reader.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "ewp-node/xml/schema_validator.hpp"

namespace mobility::ewp {
namespace {

std::string local_name(xmlNodePtr node) { return excerpt(reinterpret_cast<const char*>(node->name), 80); }

std::string namespace_phrase(xmlNodePtr node) {
  if (node->ns == nullptr || node->ns->href == nullptr) return "no namespace";
  return "namespace '" + excerpt(reinterpret_cast<const char*>(node->ns->href), 200) + "'";
}

std::string element_list(const std::vector<std::string>& names) {
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "<" : ", <") + name + ">";
  return list;
}

bool is_one_of(xmlNodePtr node, std::string_view ns_uri, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) { return is_element(node, ns_uri, name); });
}

}  // namespace

Result<ParsedXml> parse_update_request(std::string_view xml, std::string_view ns_uri, std::string_view root) {
  ParsedXml doc = parse_untrusted_xml(xml);
  if (!doc) return Status::invalid_argument("the request body is not well-formed XML");
  xmlNodePtr found = xmlDocGetRootElement(doc.get());
  if (!is_element(found, ns_uri, root)) {
    return Status::invalid_argument("the root element is <" + local_name(found) + "> in " + namespace_phrase(found) +
                                    "; expected <" + std::string(root) + "> in namespace '" + std::string(ns_uri) + "'");
  }
  return doc;
}

Result<xmlNodePtr> update_element(xmlNodePtr request, std::string_view ns_uri, const std::vector<std::string>& known_types,
                                  const std::vector<std::string>& fixed_children) {
  std::string request_name = "<" + local_name(request) + ">";
  std::vector<xmlNodePtr> known;
  xmlNodePtr unknown = nullptr;
  for (xmlNodePtr child : child_elements(request)) {
    if (is_one_of(child, ns_uri, known_types)) {
      known.push_back(child);
    } else if (unknown == nullptr && !is_one_of(child, ns_uri, fixed_children)) {
      unknown = child;
    }
  }
  if (known.size() > 1) {
    return Status::invalid_argument(request_name + " has both <" + local_name(known[0]) + "> and <" + local_name(known[1]) +
                                    ">; send one update per request");
  }
  if (known.size() == 1) return known.front();
  if (unknown != nullptr) {
    return Status::invalid_argument(request_name + " has an unknown update element <" + local_name(unknown) + "> in " +
                                    namespace_phrase(unknown) + "; this server understands " + element_list(known_types));
  }
  return Status::invalid_argument(request_name + " has no update element; expected one of " + element_list(known_types));
}

Result<xmlNodePtr> required_child(xmlNodePtr parent, std::string_view ns_uri, std::string_view name) {
  if (xmlNodePtr child = first_child_element(parent, ns_uri, name)) return child;
  std::string message = "<" + local_name(parent) + "> has no <" + std::string(name) + ">";
  if (xmlNodePtr elsewhere = first_child_element_by_local_name(parent, name)) {
    message += " in namespace '" + std::string(ns_uri) + "' (found one in " + namespace_phrase(elsewhere) + ")";
  }
  return Status::invalid_argument(message);
}

Result<std::string> required_child_text(xmlNodePtr parent, std::string_view ns_uri, std::string_view name) {
  auto child = required_child(parent, ns_uri, name);
  if (!child) return child.status();
  std::string text = element_text(*child);
  if (text.empty()) {
    return Status::invalid_argument("<" + std::string(name) + "> in <" + local_name(parent) + "> is empty");
  }
  return text;
}

}  // namespace mobility::ewp
