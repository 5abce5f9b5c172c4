#include "ewp-node/apis/iia-approval-cnr-v2/iia_approval_cnr_api.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

const CnrApi& iia_approval_cnr_v2() {
  // Approval CNR v2 has no spec branch of its own in the bundle; its schemas are the network's.
  static const CnrApi api{"iia-approval-cnr",
                          "2.0.0",
                          ns::kIiaApprovalCnrEntry,
                          ns::kIiaApprovalCnrResponse,
                          "iia-approval-cnr-response",
                          "network-schemas/ewp-specs-api-iia-approval-cnr-v2.0.0/response.xsd",
                          "/ewp/iia-approval-cnr",
                          "iia_id",
                          "iia-approval"};
  return api;
}

ApiDescriptor iia_approval_cnr_v2_descriptor(db::Pool& pool) { return cnr_receiver_descriptor(pool, iia_approval_cnr_v2()); }

}  // namespace mobility::ewp
