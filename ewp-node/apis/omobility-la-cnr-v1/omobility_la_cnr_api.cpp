#include "ewp-node/apis/omobility-la-cnr-v1/omobility_la_cnr_api.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

const CnrApi& omobility_la_cnr_v1() {
  static const CnrApi api{.name = "omobility-la-cnr",
                          .version = "1.1.0",
                          .entry_namespace = ns::kOMobilityLaCnrEntry,
                          .response_namespace = ns::kOMobilityLaCnrResponse,
                          .response_root = "omobility-la-cnr-response",
                          .response_schema = "api-omobility-la-cnr/stable-v1/response.xsd",
                          .path = "/ewp/omobility-la-cnr",
                          .id_parameter = "omobility_id",
                          .inbox_kind = "omobility-la",
                          .hei_parameter = "sending_hei_id",
                          .max_ids = 100,
                          .max_ids_element = "max-omobility-ids"};
  return api;
}

ApiDescriptor omobility_la_cnr_v1_descriptor(db::Pool& pool) { return cnr_receiver_descriptor(pool, omobility_la_cnr_v1()); }

}  // namespace mobility::ewp
