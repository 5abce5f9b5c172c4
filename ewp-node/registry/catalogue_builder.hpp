// Builds a registry catalogue from Discovery v6 manifests, as the EWP registry does, so that
// local nodes (a dev network, tests) can trust each other without the real registry.
//
// For each manifest's host: admin e-mails, provider and notes, the API entries (copied as they
// are), the covered HEI ids, and the client and server keys as sha-256 references; the HEIs go to
// <institutions> and the keys, once each, to <binaries>. Like the registry, keys shorter than
// 2048 bits or not parseable are dropped (with a warning in `warnings`), and the registry-only
// <registry> entry is never copied.
#pragma once

#include <string>
#include <vector>

#include "base/status.hpp"

namespace mobility::ewp {

struct BuiltCatalogue {
  std::string xml;
  std::vector<std::string> warnings;
  std::vector<std::string> hei_ids;  // every HEI the manifests cover, in their order
};

// `manifests`: the manifest documents. An invalid document (not XML, not a v6 manifest) is an
// error naming its position in the list.
Result<BuiltCatalogue> build_catalogue(const std::vector<std::string>& manifests);

}  // namespace mobility::ewp
