// IMobility ToRs v2.0.0 get responses: transcripts in ELMO 1.x (namespace …/elmo-schemas/tree/v1). The codec is
// ewp-node/xml/tor_get_response.hpp; this names the version.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "mobilities/transcript.hpp"

namespace mobility::ewp {

// <imobility-tors-get-response> (stable-v2 namespace) with one <tor> per transcript, in order.
std::string imobility_tors_v2_get_response_xml(const std::vector<mobilities::TranscriptOfRecords>& tors);

// Every <tor> of a partner's v2 get response; the errors of read_tor_get_response, naming
// "IMobility ToRs v2".
Result<std::vector<mobilities::TranscriptOfRecords>> read_imobility_tors_v2_get_response(std::string_view xml);

}  // namespace mobility::ewp
