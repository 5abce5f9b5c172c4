// Reading the XML body a partner POSTs to an update endpoint, with refusals its developers can act
// on: each names the element (and its namespace when a namespace is the mistake). Every failure is
// invalid_argument (the endpoint answers 400 with the message). Elements we do not look for are
// ignored, as the EWP update specifications ask.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "ewp-node/xml/dom.hpp"

namespace mobility::ewp {

// The body parsed as untrusted XML whose root is <root> in `ns_uri`.
//   "the request body is not well-formed XML"
//   "the root element is <x> in namespace 'n'; expected <root> in namespace 'ns_uri'"
Result<ParsedXml> parse_update_request(std::string_view xml, std::string_view ns_uri, std::string_view root);

// The one child of `request` naming the update, among `known_types` (all in `ns_uri`).
//   "<root> has no update element; expected one of <a>, <b>"
//   "<root> has an unknown update element <x>; this server understands <a>, <b>"
//   "<root> has both <a> and <b>; send one update per request"
// `fixed_children` are the request's own elements (sending-hei-id), never taken for an update.
Result<xmlNodePtr> update_element(xmlNodePtr request, std::string_view ns_uri, const std::vector<std::string>& known_types,
                                  const std::vector<std::string>& fixed_children = {});

// The first child <name> in `ns_uri`.
//   "<parent> has no <name>" (plus "in namespace 'ns_uri' (found one in namespace 'n')" when the
//   partner put it in another namespace)
Result<xmlNodePtr> required_child(xmlNodePtr parent, std::string_view ns_uri, std::string_view name);

// The text of that child, blanks around it removed; as required_child, and
//   "<name> in <parent> is empty"
Result<std::string> required_child_text(xmlNodePtr parent, std::string_view ns_uri, std::string_view name);

}  // namespace mobility::ewp
