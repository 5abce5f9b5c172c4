// Builds XML documents with libxml2's tree API: namespaces declared once on the root with the
// prefixes we choose, text always escaped, serialised as UTF-8 with an XML declaration.
//
//   XmlDocument doc(ns::kEchoResponse, "response");
//   doc.root().add_text(ns::kEchoResponse, "echo", value);
//   std::string xml = doc.serialize();
//
// Using a namespace that was not declared is a programming error (std::logic_error).
// A document and its elements are used by one thread at a time.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace mobility::ewp {

class XmlElement {
 public:
  // A child element in namespace `ns_uri`; returns it for adding grandchildren.
  XmlElement add(std::string_view ns_uri, std::string_view name);
  // A child element holding `text` (escaped).
  XmlElement add_text(std::string_view ns_uri, std::string_view name, std::string_view text);
  XmlElement& set_attribute(std::string_view name, std::string_view value);
  // xml:lang="…"
  XmlElement& set_language(std::string_view language);
  // The libxml2 node, for readers such as the IIA hash that walk what was written.
  xmlNodePtr native() const { return node_; }

 private:
  friend class XmlDocument;
  XmlElement(xmlNodePtr node, xmlNodePtr root) : node_(node), root_(root) {}
  xmlNsPtr find_namespace(std::string_view ns_uri) const;

  xmlNodePtr node_;
  xmlNodePtr root_;
};

class XmlDocument {
 public:
  // The root element, in namespace `ns_uri` declared as the default namespace.
  XmlDocument(std::string_view ns_uri, std::string_view root_name);
  // Declares another namespace on the root with `prefix`.
  void declare(std::string_view ns_uri, std::string_view prefix);
  XmlElement root();
  std::string serialize() const;

 private:
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc_;
};

}  // namespace mobility::ewp
