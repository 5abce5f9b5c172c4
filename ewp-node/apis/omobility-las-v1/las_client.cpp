#include "ewp-node/apis/omobility-las-v1/las_client.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

Result<Answered<std::optional<mobilities::LearningAgreement>>> get_partner_la(EwpClient& client,
                                                                              const std::string& sending_hei_id,
                                                                              const std::string& omobility_id) {
  using Found = std::optional<mobilities::LearningAgreement>;
  ApiCall call{sending_hei_id,  ns::kOmobilityLasEntry,
               "omobility-las", "get-url",
               "GET",           {{"sending_hei_id", sending_hei_id}, {"omobility_id", omobility_id}}};
  return call_and_read<Found>(client, call, [&](std::string_view body) -> Result<Found> {
    auto las = read_las_get_response(body);
    if (!las) return las.status();
    for (mobilities::LearningAgreement& la : *las) {
      if (la.mobility.omobility_id == omobility_id) return Found(std::move(la));
    }
    return Found();
  });
}

Result<Answered<bool>> send_la_update(EwpClient& client, const LaUpdateRequest& request) {
  ApiCall call{request.sending_hei_id, ns::kOmobilityLasEntry, "omobility-las", "update-url", "POST", {}};
  call.xml_body = la_update_request_xml(request);
  return call_and_read<bool>(client, call, [](std::string_view) -> Result<bool> { return true; });
}

}  // namespace mobility::ewp
