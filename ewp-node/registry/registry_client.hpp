// The node's view of the EWP registry: the current catalogue snapshot, kept fresh.
//
// Freshness (ewp-core.md §6.3):
//   - the registry's Cache-Control max-age or Expires decides when to ask again, clamped to
//     [1 min, 3 h] (5 min when it says nothing); asking uses If-None-Match / If-Modified-Since,
//     and a 304 keeps the snapshot and extends it;
//   - never more than one request per min_interval (60 s), forced or not;
//   - every good copy is saved in PostgreSQL; at start-up the saved copy is used until the
//     registry answers, so a restart works while the registry is down;
//   - a copy the registry has not confirmed for more than a day is logged as stale at every
//     failed refresh; after max_stale (5 days) it is no longer used: lookups fail closed
//     (no client key is known), because revoked keys must not stay trusted forever.
// An unknown key_id in find_client_key() triggers one forced refresh (subject to the 60 s limit)
// and a second lookup: partners' new keys are accepted within a minute.
//
// Thread safety: every method may be called from any thread; one refresh runs at a time, and
// lookups never wait for the network except the forced refresh of an unknown key.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "db/pool.hpp"
#include "db/registry_catalogues.hpp"
#include "ewp-node/client/http_transport.hpp"
#include "ewp-node/registry/catalogue.hpp"
#include "http/http_date.hpp"

namespace mobility::ewp {

struct RegistrySettings {
  std::string url;  // http(s):// or file://
  std::chrono::seconds min_interval{60};
  std::chrono::seconds default_ttl{300};
  std::chrono::seconds max_ttl{3 * 3600};
  std::chrono::hours warn_stale{24};
  std::chrono::hours max_stale{5 * 24};
};

class RegistryClient : public ClientKeyDirectory {
 public:
  using Now = std::function<Clock::time_point()>;

  RegistryClient(
      RegistrySettings settings, HttpTransport& transport, db::Pool& pool, Now now = [] { return Clock::now(); });
  ~RegistryClient() override;

  // Loads the copy saved in PostgreSQL, if any (call once at start-up).
  Status load_saved();
  // Asks the registry when the snapshot has expired (or there is none); ok when nothing was due.
  Status refresh_if_due();
  // Asks the registry now unless it was asked less than min_interval ago. (const: the client is
  // a cache, and lookups of unknown keys refresh it.)
  Status refresh() const;

  // The snapshot in use, or null when there is none or it is older than max_stale.
  std::shared_ptr<const Catalogue> current() const;
  std::optional<ClientKey> find_client_key(const std::string& key_id) const override;

  // Calls refresh_if_due() every `period` on a background thread until destruction.
  void start_background_refresh(std::chrono::seconds period);

 private:
  Status fetch(bool conditional) const;
  void install(std::shared_ptr<const Catalogue> catalogue, const db::CachedCatalogue& copy) const;

  RegistrySettings settings_;
  HttpTransport& transport_;
  db::Pool& pool_;
  Now now_;

  mutable std::mutex state_mutex_;  // guards the fields below
  mutable std::shared_ptr<const Catalogue> catalogue_;
  mutable db::CachedCatalogue copy_;  // validators and times of the snapshot (body not kept)
  mutable Clock::time_point last_attempt_{};

  mutable std::mutex refresh_mutex_;  // one refresh at a time
  std::mutex stop_mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  std::thread background_;
};

}  // namespace mobility::ewp
