// One snapshot of the EWP registry catalogue (Registry API v1), parsed and indexed. Immutable
// once parsed, so any number of threads may read it.
//
// What it answers (ewp-core.md §6.2):
//   - client_key(key_id): a key that some host lists under client-credentials-in-use, with the
//     union of the HEIs those hosts cover; keys listed only as server keys, unknown ids and
//     binaries entries that are not usable RSA keys are "not found";
//   - apis(hei_id, entry namespace, name): the API entries of every host covering the HEI, newest
//     version first (numeric comparison: 2.1.17 > 2.1.3), each with its URLs, simple settings
//     (max-*-ids and the like), whether it takes httpsig, and its host's server keys;
//   - hei_id_for(other-id type, value): maps PIC, Erasmus code... to the SCHAC id.
// Elements are matched by namespace URI and local name, never by prefix. The document is parsed
// without network access, DTDs or entity expansion.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ewp-node/security/ewp_auth.hpp"
#include "ewp-node/security/rsa_signer.hpp"

namespace mobility::ewp {

struct ApiEntry {
  std::string name;  // local name of the entry element: "echo"
  std::string entry_namespace;
  std::string version;                          // "2.0.1"
  std::map<std::string, std::string> urls;      // element name → URL: "url", "get-url", "index-url"...
  std::map<std::string, std::string> settings;  // other simple children: "max-hei-ids" → "10"
  bool accepts_httpsig = false;                 // client-auth-methods lists cliauth httpsig
  bool signs_responses = false;                 // server-auth-methods lists srvauth httpsig
  std::vector<RsaPublicKey> server_keys;        // of the host that lists this entry
};

class Catalogue {
 public:
  // Parses a catalogue document; an error names what is wrong (not XML, wrong root...).
  static Result<std::shared_ptr<const Catalogue>> parse(std::string_view xml);

  std::optional<ClientKey> client_key(const std::string& key_id) const;
  std::vector<ApiEntry> apis(const std::string& hei_id, std::string_view entry_namespace, std::string_view name) const;
  std::optional<std::string> hei_id_for(const std::string& type, const std::string& value) const;
  size_t host_count() const { return hosts_.size(); }

  struct Host {
    std::vector<std::string> hei_ids;
    std::vector<std::string> client_key_ids;
    std::vector<std::string> server_key_ids;
    std::vector<ApiEntry> apis;  // server_keys filled when parsing
  };

 private:
  std::vector<Host> hosts_;
  std::map<std::string, RsaPublicKey> keys_;                              // binaries: key_id → usable RSA key
  std::map<std::pair<std::string, std::string>, std::string> other_ids_;  // (type, value) → hei_id
  friend class CatalogueParser;
};

// True when version `a` is newer than `b`, comparing dot-separated numbers ("2.1.17" > "2.1.3");
// versions that are not numeric sort below numeric ones.
bool newer_version(std::string_view a, std::string_view b);

}  // namespace mobility::ewp
