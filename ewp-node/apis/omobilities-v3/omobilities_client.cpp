#include "ewp-node/apis/omobilities-v3/omobilities_client.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

Result<Answered<std::optional<PartnerMobility>>> get_partner_omobility(EwpClient& client, const std::string& sending_hei_id,
                                                                       const std::string& omobility_id) {
  using Found = std::optional<PartnerMobility>;
  return call_and_read<Found>(
      client, {sending_hei_id, ns::kOmobilitiesEntry, "omobilities", "get-url", "GET", {{"omobility_id", omobility_id}}},
      [&](std::string_view body) -> Result<Found> {
        auto mobilities = read_omobilities_get_response(body);
        if (!mobilities) return mobilities.status();
        for (PartnerMobility& found : *mobilities) {
          if (found.mobility.omobility_id == omobility_id) return Found(std::move(found));
        }
        return Found();
      });
}

Result<Answered<bool>> send_omobility_update(EwpClient& client, const std::string& sending_hei_id,
                                             const OMobilityUpdateRequest& request) {
  ApiCall call{sending_hei_id, ns::kOmobilitiesEntry, "omobilities", "update-url", "POST", {}};
  call.xml_body = omobility_update_request_xml(request);
  return call_and_read<bool>(client, call, [](std::string_view) -> Result<bool> { return true; });
}

}  // namespace mobility::ewp
