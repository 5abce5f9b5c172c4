// /partners: the health of our EWP connections, per partner HEI: the last successful call, the
// last error, and the change notifications still waiting to go out or to be worked off; a
// "send again" button makes every failed or waiting notification to that partner due now, and
// "refresh" asks for its Institutions, Organizational Units and Factsheet to be fetched again;
// "add a partner" makes an HEI that the registry catalogue lists a known partner (a new partner
// can then be chosen for agreements). For the node operator and for the staff who handle agreements (coordinators, IRO admins);
// all three are in the audit log.
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

void add_partner_health_page(http::Router& router, const Site& site);

}  // namespace mobility::portal
