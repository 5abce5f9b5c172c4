#include "ewp-node/apis/imobility-tors-v3/tor_xml.hpp"

#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/tor_get_response.hpp"

namespace mobility::ewp {
namespace {

constexpr TorResponseFormat kFormat{ns::kImobilityTorsV3GetResponse, ElmoVersion::kV2, true, "IMobility ToRs v3"};

}  // namespace

std::string imobility_tors_v3_get_response_xml(const std::vector<mobilities::TranscriptOfRecords>& tors) {
  return tor_get_response_xml(kFormat, tors);
}

Result<std::vector<mobilities::TranscriptOfRecords>> read_imobility_tors_v3_get_response(std::string_view xml) {
  return read_tor_get_response(kFormat, xml);
}

}  // namespace mobility::ewp
