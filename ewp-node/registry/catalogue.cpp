#include "ewp-node/registry/catalogue.hpp"

#include <libxml/tree.h>

#include <algorithm>
#include <charconv>

#include "base/text.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/schema_validator.hpp"

namespace mobility::ewp {
namespace {

std::string namespace_of(xmlNodePtr node) { return node->ns ? reinterpret_cast<const char*>(node->ns->href) : ""; }

// The key ids under <credentials-element>/rsa-public-key/@sha-256 of a host.
std::vector<std::string> key_ids(xmlNodePtr host, const char* credentials_element) {
  std::vector<std::string> ids;
  for (xmlNodePtr key :
       child_elements(first_child_element(host, ns::kRegistry, credentials_element), ns::kRegistry, "rsa-public-key")) {
    ids.push_back(ascii_lower(attribute_value(key, "sha-256")));
  }
  return ids;
}

bool lists_method(xmlNodePtr security, const char* aspect, const char* method_namespace) {
  for (xmlNodePtr child = security ? security->children : nullptr; child; child = child->next) {
    if (!is_element(child, ns::kSecIntro, aspect)) continue;
    for (xmlNodePtr method = child->children; method; method = method->next) {
      if (is_element(method, method_namespace, "httpsig")) return true;
    }
  }
  return false;
}

ApiEntry parse_api_entry(xmlNodePtr element) {
  ApiEntry entry;
  entry.name = reinterpret_cast<const char*>(element->name);
  entry.entry_namespace = namespace_of(element);
  entry.version = attribute_value(element, "version");
  for (xmlNodePtr child = element->children; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    std::string name = reinterpret_cast<const char*>(child->name);
    if (name == "http-security") {
      entry.accepts_httpsig = lists_method(child, "client-auth-methods", ns::kCliauthHttpsig);
      entry.signs_responses = lists_method(child, "server-auth-methods", ns::kSrvauthHttpsig);
    } else if (name == "url" || name.ends_with("-url")) {
      entry.urls[name] = element_text(child);
    } else if (xmlFirstElementChild(child) == nullptr) {
      entry.settings[name] = element_text(child);
    }
  }
  return entry;
}

std::vector<int> version_numbers(std::string_view version) {
  std::vector<int> numbers;
  while (!version.empty()) {
    size_t dot = version.find('.');
    std::string_view part = version.substr(0, dot);
    int number = 0;
    auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), number);
    if (error != std::errc() || end != part.data() + part.size()) return {};
    numbers.push_back(number);
    version = dot == std::string_view::npos ? std::string_view() : version.substr(dot + 1);
  }
  return numbers;
}

}  // namespace

bool newer_version(std::string_view a, std::string_view b) { return version_numbers(a) > version_numbers(b); }

class CatalogueParser {
 public:
  static Result<std::shared_ptr<const Catalogue>> parse(std::string_view xml) {
    auto doc = parse_untrusted_xml(xml);
    if (!doc) return Status::invalid_argument("the registry catalogue is not well-formed XML");
    xmlNodePtr root = xmlDocGetRootElement(doc.get());
    if (root == nullptr || !is_element(root, ns::kRegistry, "catalogue")) {
      return Status::invalid_argument("not an EWP registry catalogue (root must be <catalogue> in " + std::string(ns::kRegistry) +
                                      ")");
    }
    auto catalogue = std::make_shared<Catalogue>();
    read_binaries(root, *catalogue);
    read_institutions(root, *catalogue);
    for (xmlNodePtr host : child_elements(root, ns::kRegistry, "host")) catalogue->hosts_.push_back(read_host(host, *catalogue));
    return std::shared_ptr<const Catalogue>(std::move(catalogue));
  }

 private:
  static void read_binaries(xmlNodePtr root, Catalogue& catalogue) {
    for (xmlNodePtr key : child_elements(first_child_element(root, ns::kRegistry, "binaries"), ns::kRegistry, "rsa-public-key")) {
      auto parsed = RsaPublicKey::from_base64_der(element_text(key));
      // Only keys whose published id matches their content count; anything else is "not found".
      if (parsed && parsed->key_id() == ascii_lower(attribute_value(key, "sha-256")))
        catalogue.keys_.emplace(parsed->key_id(), *parsed);
    }
  }

  static void read_institutions(xmlNodePtr root, Catalogue& catalogue) {
    for (xmlNodePtr hei : child_elements(first_child_element(root, ns::kRegistry, "institutions"), ns::kRegistry, "hei")) {
      for (xmlNodePtr other : child_elements(hei, ns::kRegistry, "other-id")) {
        catalogue.other_ids_[{attribute_value(other, "type"), ascii_lower(element_text(other))}] = attribute_value(hei, "id");
      }
    }
  }

  static Catalogue::Host read_host(xmlNodePtr element, const Catalogue& catalogue) {
    Catalogue::Host host;
    for (xmlNodePtr hei :
         child_elements(first_child_element(element, ns::kRegistry, "institutions-covered"), ns::kRegistry, "hei-id")) {
      host.hei_ids.push_back(element_text(hei));
    }
    host.client_key_ids = key_ids(element, "client-credentials-in-use");
    host.server_key_ids = key_ids(element, "server-credentials-in-use");
    std::vector<RsaPublicKey> server_keys;
    for (const auto& id : host.server_key_ids) {
      if (auto key = catalogue.keys_.find(id); key != catalogue.keys_.end()) server_keys.push_back(key->second);
    }
    xmlNodePtr apis = first_child_element(element, ns::kRegistry, "apis-implemented");
    for (xmlNodePtr api = apis ? apis->children : nullptr; api; api = api->next) {
      if (api->type != XML_ELEMENT_NODE) continue;
      ApiEntry entry = parse_api_entry(api);
      entry.server_keys = server_keys;
      host.apis.push_back(std::move(entry));
    }
    return host;
  }
};

Result<std::shared_ptr<const Catalogue>> Catalogue::parse(std::string_view xml) { return CatalogueParser::parse(xml); }

std::optional<ClientKey> Catalogue::client_key(const std::string& key_id) const {
  std::string id = ascii_lower(key_id);
  auto key = keys_.find(id);
  if (key == keys_.end()) return std::nullopt;
  bool listed = false;
  std::set<std::string> heis;
  for (const Host& host : hosts_) {
    if (std::find(host.client_key_ids.begin(), host.client_key_ids.end(), id) == host.client_key_ids.end()) continue;
    listed = true;
    heis.insert(host.hei_ids.begin(), host.hei_ids.end());
  }
  if (!listed) return std::nullopt;
  return ClientKey{key->second, std::vector<std::string>(heis.begin(), heis.end())};
}

std::vector<ApiEntry> Catalogue::apis(const std::string& hei_id, std::string_view entry_namespace, std::string_view name) const {
  std::vector<ApiEntry> found;
  for (const Host& host : hosts_) {
    if (std::find(host.hei_ids.begin(), host.hei_ids.end(), hei_id) == host.hei_ids.end()) continue;
    for (const ApiEntry& entry : host.apis) {
      if (entry.entry_namespace == entry_namespace && entry.name == name) found.push_back(entry);
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const ApiEntry& a, const ApiEntry& b) { return newer_version(a.version, b.version); });
  return found;
}

std::optional<std::string> Catalogue::hei_id_for(const std::string& type, const std::string& value) const {
  auto found = other_ids_.find({type, ascii_lower(std::string(trim_blanks(value)))});
  if (found == other_ids_.end()) return std::nullopt;
  return found->second;
}

}  // namespace mobility::ewp
