#include "ewp-node/apis/omobility-cnr-v2/omobility_cnr_api.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

const CnrApi& omobility_cnr_v2() {
  static const CnrApi api{.name = "omobility-cnr",
                          .version = "2.0.0",
                          .entry_namespace = ns::kOMobilityCnrEntry,
                          .response_namespace = ns::kOMobilityCnrResponse,
                          .response_root = "omobility-cnr-response",
                          .response_schema = "network-schemas/ewp-specs-api-omobility-cnr-v2.0.0/response.xsd",
                          .path = "/ewp/omobility-cnr",
                          .id_parameter = "omobility_id",
                          .inbox_kind = "omobility",
                          .max_ids = 100,
                          .max_ids_element = "max-omobility-ids"};
  return api;
}

ApiDescriptor omobility_cnr_v2_descriptor(db::Pool& pool) { return cnr_receiver_descriptor(pool, omobility_cnr_v2()); }

}  // namespace mobility::ewp
