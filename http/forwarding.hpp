// Who sent a request that came through a proxy. Only a proxy we trust (trusted_proxies: its
// address as the TCP peer) may tell us: the last X-Forwarded-For value is the client it saw, and
// X-Forwarded-Proto: https says the client used TLS. Anyone else's such headers are ignored, so
// a client that reaches the node's port directly cannot pass for another address (the login
// throttle counts per address) or claim a secure channel.
#pragma once

#include <string>
#include <vector>

#include "http/message.hpp"

namespace mobility::http {

// Sets request.client_address and request.forwarded_https from request.peer_address and the
// headers, trusting only `trusted_proxies`.
void resolve_client(Request& request, const std::vector<std::string>& trusted_proxies);

}  // namespace mobility::http
