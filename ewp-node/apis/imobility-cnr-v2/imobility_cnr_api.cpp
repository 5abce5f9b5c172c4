#include "ewp-node/apis/imobility-cnr-v2/imobility_cnr_api.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

const CnrApi& imobility_cnr_v2() {
  static const CnrApi api{.name = "imobility-cnr",
                          .version = "2.0.0",
                          .entry_namespace = ns::kIMobilityCnrEntry,
                          .response_namespace = ns::kIMobilityCnrResponse,
                          .response_root = "imobility-cnr-response",
                          .response_schema = "network-schemas/ewp-specs-api-imobility-cnr-v2.0.0/response.xsd",
                          .path = "/ewp/imobility-cnr",
                          .id_parameter = "omobility_id",
                          .inbox_kind = "imobility",
                          .max_ids = 100,
                          .max_ids_element = "max-omobility-ids"};
  return api;
}

ApiDescriptor imobility_cnr_v2_descriptor(db::Pool& pool) { return cnr_receiver_descriptor(pool, imobility_cnr_v2()); }

}  // namespace mobility::ewp
