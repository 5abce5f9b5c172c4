// IIAs v7 <iia> elements to and from the agreements model (agreements/iia.hpp).
//
// Writing computes the iia-hash from the very elements it wrote (iia_hash.hpp), so the hash we
// serve always matches the text we serve. Reading takes what the schema allows and keeps the
// strings as they were (the hash depends on them); the caller validates the document against the
// official XSD first.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "agreements/iia.hpp"
#include "base/status.hpp"
#include "ewp-node/xml/xml_writer.hpp"

namespace mobility::ewp {

// Appends the <iia> of `iia` to `parent`, whose document declares ns::kContact and
// ns::kPhoneNumber; returns its iia-hash.
std::string write_iia(XmlElement& parent, const agreements::Iia& iia);

// An <iias-get-response> with `iias`, in order.
std::string iias_get_response_xml(const std::vector<agreements::Iia>& iias);

// The iia-hash our node serves for `iia`.
std::string served_iia_hash(const agreements::Iia& iia);

// The agreement of one <iia> element of an IIAs v7 get response.
Result<agreements::Iia> read_iia(xmlNodePtr iia);

}  // namespace mobility::ewp
