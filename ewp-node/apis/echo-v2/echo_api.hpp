// Echo API v2 (2.0.1): answers the requester's covered HEI ids and the `echo` values it sent, in
// order and with repeats. GET takes them from the query, POST from an
// application/x-www-form-urlencoded body (the query is then ignored); other POST encodings get
// 415, other methods 405. It exists to test the security stack (validator ewp-core.md §11).
#pragma once

#include "ewp-node/apis/api_descriptor.hpp"

namespace mobility::ewp {

ApiDescriptor echo_v2_descriptor();

// The <response> document of echo v2.
std::string echo_response_xml(const std::vector<std::string>& hei_ids, const std::vector<std::string>& echo_values);

}  // namespace mobility::ewp
