#include "ewp-node/registry/catalogue_builder.hpp"

#include <libxml/tree.h>

#include <map>
#include <memory>
#include <set>

#include "ewp-node/security/rsa_signer.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/schema_validator.hpp"

namespace mobility::ewp {
namespace {

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

const xmlChar* chars(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

// Builds one catalogue document while manifests are added.
class Builder {
 public:
  Builder() : doc_(xmlNewDoc(chars("1.0")), xmlFreeDoc) {
    root_ = xmlNewDocNode(doc_.get(), nullptr, chars("catalogue"), nullptr);
    xmlDocSetRootElement(doc_.get(), root_);
    registry_ = xmlNewNs(root_, chars(ns::kRegistry), nullptr);
    xmlNewNs(root_, chars(ns::kCommonTypes), chars("ewp"));
    xmlSetNs(root_, registry_);
  }

  Status add_manifest(const std::string& xml, size_t position) {
    auto manifest = parse_untrusted_xml(xml);
    std::string where = "manifest " + std::to_string(position + 1);
    if (!manifest) return Status::invalid_argument(where + " is not well-formed XML");
    xmlNodePtr root = xmlDocGetRootElement(manifest.get());
    if (!is_element(root, ns::kDiscovery, "manifest")) return Status::invalid_argument(where + " is not a Discovery v6 manifest");
    for (xmlNodePtr host : child_elements(root, ns::kDiscovery, "host")) add_host(host, where);
    return Status::ok();
  }

  BuiltCatalogue finish() {
    xmlNodePtr institutions = xmlNewChild(root_, registry_, chars("institutions"), nullptr);
    for (xmlNodePtr hei : heis_) xmlAddChild(institutions, hei);
    if (!keys_.empty()) {
      xmlNodePtr binaries = xmlNewChild(root_, registry_, chars("binaries"), nullptr);
      for (const auto& [key_id, base64] : keys_) {
        xmlNodePtr key = xmlNewTextChild(binaries, registry_, chars("rsa-public-key"), chars(base64.c_str()));
        xmlSetProp(key, chars("sha-256"), chars(key_id.c_str()));
      }
    }
    xmlChar* buffer = nullptr;
    int size = 0;
    xmlReconciliateNs(doc_.get(), root_);
    xmlDocDumpFormatMemoryEnc(doc_.get(), &buffer, &size, "UTF-8", 1);
    std::string text(reinterpret_cast<const char*>(buffer), static_cast<size_t>(size));
    xmlFree(buffer);
    return {text, warnings_, hei_ids_};
  }

 private:
  void copy(xmlNodePtr source, xmlNodePtr target) { xmlAddChild(target, xmlDocCopyNode(source, doc_.get(), 1)); }

  void add_host(xmlNodePtr source, const std::string& where) {
    xmlNodePtr host = xmlNewChild(root_, registry_, chars("host"), nullptr);
    for (const char* name : {"admin-email", "admin-provider", "admin-notes"}) {
      for (xmlNodePtr element : child_elements(source, ns::kCommonTypes, name)) copy(element, host);
    }
    if (xmlNodePtr apis = first_child_element(source, ns::kRegistry, "apis-implemented")) {
      xmlNodePtr target = xmlNewChild(host, registry_, chars("apis-implemented"), nullptr);
      for (xmlNodePtr api = apis->children; api; api = api->next) {
        if (api->type == XML_ELEMENT_NODE && !is_element(api, ns::kRegistryEntry, "registry")) {
          copy(api, target);
        }
      }
    }
    xmlNodePtr covered = xmlNewChild(host, registry_, chars("institutions-covered"), nullptr);
    for (xmlNodePtr hei :
         child_elements(first_child_element(source, ns::kDiscovery, "institutions-covered"), ns::kRegistry, "hei")) {
      xmlChar* id = xmlGetProp(hei, chars("id"));
      xmlNewTextChild(covered, registry_, chars("hei-id"), id);
      if (id != nullptr) hei_ids_.emplace_back(reinterpret_cast<const char*>(id));
      xmlFree(id);
      heis_.push_back(xmlDocCopyNode(hei, doc_.get(), 1));
    }
    add_keys(source, host, "client-credentials-in-use", where);
    add_keys(source, host, "server-credentials-in-use", where);
  }

  void add_keys(xmlNodePtr source, xmlNodePtr host, const char* element, const std::string& where) {
    auto keys = child_elements(first_child_element(source, ns::kDiscovery, element), ns::kDiscovery, "rsa-public-key");
    if (keys.empty()) return;
    xmlNodePtr target = xmlNewChild(host, registry_, chars(element), nullptr);
    for (xmlNodePtr key : keys) {
      std::string base64 = element_text(key);
      auto parsed = RsaPublicKey::from_base64_der(base64);
      if (!parsed || parsed->bits() < 2048) {
        warnings_.push_back(where + ": a key in " + element + " was dropped (" +
                            (parsed ? "only " + std::to_string(parsed->bits()) + " bits" : parsed.status().message()) + ")");
        continue;
      }
      xmlNodePtr reference = xmlNewChild(target, registry_, chars("rsa-public-key"), nullptr);
      xmlSetProp(reference, chars("sha-256"), chars(parsed->key_id().c_str()));
      std::string compact;
      for (char c : base64) {
        if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
      }
      keys_[parsed->key_id()] = compact;
    }
  }

  DocPtr doc_;
  xmlNodePtr root_;
  xmlNsPtr registry_;
  std::vector<xmlNodePtr> heis_;
  std::map<std::string, std::string> keys_;
  std::vector<std::string> warnings_;
  std::vector<std::string> hei_ids_;
};

}  // namespace

Result<BuiltCatalogue> build_catalogue(const std::vector<std::string>& manifests) {
  Builder builder;
  for (size_t i = 0; i < manifests.size(); ++i) {
    if (Status added = builder.add_manifest(manifests[i], i); !added) return added;
  }
  return builder.finish();
}

}  // namespace mobility::ewp
