#include "ewp-node/xml/xml_writer.hpp"

#include <stdexcept>

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {
namespace {

const xmlChar* chars(const std::string& text) { return reinterpret_cast<const xmlChar*>(text.c_str()); }

}  // namespace

xmlNsPtr XmlElement::find_namespace(std::string_view ns_uri) const {
  for (xmlNsPtr ns = root_->nsDef; ns != nullptr; ns = ns->next) {
    if (std::string_view(reinterpret_cast<const char*>(ns->href)) == ns_uri) return ns;
  }
  throw std::logic_error("XML namespace not declared on the root: " + std::string(ns_uri));
}

XmlElement XmlElement::add(std::string_view ns_uri, std::string_view name) {
  xmlNodePtr child = xmlNewChild(node_, find_namespace(ns_uri), chars(std::string(name)), nullptr);
  return XmlElement(child, root_);
}

XmlElement XmlElement::add_text(std::string_view ns_uri, std::string_view name, std::string_view text) {
  xmlNodePtr child = xmlNewTextChild(node_, find_namespace(ns_uri), chars(std::string(name)), chars(std::string(text)));
  return XmlElement(child, root_);
}

XmlElement& XmlElement::set_attribute(std::string_view name, std::string_view value) {
  xmlSetProp(node_, chars(std::string(name)), chars(std::string(value)));
  return *this;
}

XmlElement& XmlElement::set_language(std::string_view language) {
  xmlNsPtr xml_ns = xmlSearchNsByHref(node_->doc, node_, reinterpret_cast<const xmlChar*>(ns::kXml));
  xmlSetNsProp(node_, xml_ns, reinterpret_cast<const xmlChar*>("lang"), chars(std::string(language)));
  return *this;
}

XmlDocument::XmlDocument(std::string_view ns_uri, std::string_view root_name)
    : doc_(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")), xmlFreeDoc) {
  xmlNodePtr root = xmlNewDocNode(doc_.get(), nullptr, chars(std::string(root_name)), nullptr);
  xmlDocSetRootElement(doc_.get(), root);
  xmlSetNs(root, xmlNewNs(root, chars(std::string(ns_uri)), nullptr));
}

void XmlDocument::declare(std::string_view ns_uri, std::string_view prefix) {
  xmlNewNs(xmlDocGetRootElement(doc_.get()), chars(std::string(ns_uri)), chars(std::string(prefix)));
}

XmlElement XmlDocument::root() {
  xmlNodePtr root = xmlDocGetRootElement(doc_.get());
  return XmlElement(root, root);
}

std::string XmlDocument::serialize() const {
  xmlChar* buffer = nullptr;
  int size = 0;
  xmlDocDumpFormatMemoryEnc(doc_.get(), &buffer, &size, "UTF-8", 1);
  std::string text(reinterpret_cast<const char*>(buffer), static_cast<size_t>(size));
  xmlFree(buffer);
  return text;
}

}  // namespace mobility::ewp
