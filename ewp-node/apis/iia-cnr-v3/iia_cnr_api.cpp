#include "ewp-node/apis/iia-cnr-v3/iia_cnr_api.hpp"

#include "ewp-node/apis/cnr_receiver.hpp"
#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

ApiDescriptor iia_cnr_v3_descriptor(db::Pool& pool) {
  return cnr_receiver_descriptor(pool, {"iia-cnr", "3.0.0", ns::kIiaCnrEntry, ns::kIiaCnrResponse, "iia-cnr-response",
                                        "api-iia-cnr/stable-v3/response.xsd", "/ewp/iia-cnr", "iia_id", "iia"});
}

}  // namespace mobility::ewp
