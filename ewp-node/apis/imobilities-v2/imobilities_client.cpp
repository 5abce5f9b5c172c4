#include "ewp-node/apis/imobilities-v2/imobilities_client.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

Result<Answered<std::optional<IMobilityDates>>> get_partner_imobility(EwpClient& client, const std::string& receiving_hei_id,
                                                                      const std::string& omobility_id) {
  using Found = std::optional<IMobilityDates>;
  ApiCall call{receiving_hei_id, ns::kImobilitiesEntry, "imobilities", "get-url", "GET", {{"omobility_id", omobility_id}}};
  return call_and_read<Found>(client, call, [&](std::string_view body) -> Result<Found> {
    auto mobilities = read_imobilities_get_response(body);
    if (!mobilities) return mobilities.status();
    for (IMobilityDates& dates : *mobilities) {
      if (dates.omobility_id == omobility_id) return Found(std::move(dates));
    }
    return Found();
  });
}

}  // namespace mobility::ewp
