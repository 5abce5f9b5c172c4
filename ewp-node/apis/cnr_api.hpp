// A change-notification (CNR) API version, in both directions. Each CNR version folder describes
// its API once (a CnrApi) and uses it for both:
//   serving (cnr_receiver_descriptor): POST with the required id parameter (once, or up to
//     max_ids times) and, for APIs that name the owner, its HEI parameter; answered 200 with an
//     empty response root as soon as the request is well-formed and authenticated; the
//     notification is stored in the durable inbox (db/notifications.hpp) for each HEI the
//     caller's key covers and worked off later (cnr/notification_worker.hpp). The answer never
//     depends on what the id turns out to be: unknown ids are not errors.
//   calling (send_cnr): POSTs the id to the partner's API of that kind, signed, through the
//     EwpClient; the partner's HTTP status, or EwpClient::call's errors.
#pragma once

#include <string>
#include <variant>

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"
#include "ewp-node/client/answered.hpp"

namespace mobility::ewp {

struct CnrApi {
  std::string name;     // manifest entry name: "iia-cnr"
  std::string version;  // "3.0.0"
  std::string entry_namespace;
  std::string response_namespace;
  std::string response_root;    // "iia-cnr-response"
  std::string response_schema;  // inside the schema bundle
  std::string path;             // "/ewp/iia-cnr"
  std::string id_parameter;     // "iia_id"
  std::string inbox_kind;       // what the inbox does with it: "iia", "iia-approval"
  // The owner of the changed objects, where the API names it ("sending_hei_id" in LA CNR v1):
  // we send our HEI; a partner must name one its key covers. Empty: not in the API.
  std::string hei_parameter = "";
  // Ids one notification may carry, announced in the manifest as `max_ids_element`
  // ("max-omobility-ids"); APIs without that element take one id.
  int max_ids = 1;
  std::string max_ids_element = "";
};

ApiDescriptor cnr_receiver_descriptor(db::Pool& pool, const CnrApi& api);

// The partner's answer has nothing to read but its status (and, refused, its developer-message).
// `sender_hei_id` is sent as the API's HEI parameter, when it has one.
Result<Answered<std::monostate>> send_cnr(EwpClient& client, const CnrApi& api, const std::string& sender_hei_id,
                                          const std::string& partner_hei_id, const std::string& id);

}  // namespace mobility::ewp
