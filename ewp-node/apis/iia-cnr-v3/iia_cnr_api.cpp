#include "ewp-node/apis/iia-cnr-v3/iia_cnr_api.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

const CnrApi& iia_cnr_v3() {
  static const CnrApi api{"iia-cnr",
                          "3.0.0",
                          ns::kIiaCnrEntry,
                          ns::kIiaCnrResponse,
                          "iia-cnr-response",
                          "api-iia-cnr/stable-v3/response.xsd",
                          "/ewp/iia-cnr",
                          "iia_id",
                          "iia"};
  return api;
}

ApiDescriptor iia_cnr_v3_descriptor(db::Pool& pool) { return cnr_receiver_descriptor(pool, iia_cnr_v3()); }

}  // namespace mobility::ewp
