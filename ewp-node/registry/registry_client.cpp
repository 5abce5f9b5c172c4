#include "ewp-node/registry/registry_client.hpp"

#include <charconv>

#include "base/log.hpp"
#include "base/text.hpp"
#include "db/registry_catalogues.hpp"

namespace mobility::ewp {
namespace {

std::optional<long> max_age_of(const http::HeaderList& headers) {
  for (const std::string& value : http::header_values(headers, "Cache-Control")) {
    size_t at = ascii_lower(value).find("max-age=");
    if (at == std::string::npos) continue;
    long seconds = 0;
    const char* begin = value.data() + at + 8;
    auto [end, error] = std::from_chars(begin, value.data() + value.size(), seconds);
    if (error == std::errc() && end != begin) return seconds;
  }
  return std::nullopt;
}

// How long the registry says its answer stays fresh, clamped to the allowed range. Expires is
// read relative to the registry's own Date, so clock differences do not matter.
std::chrono::seconds time_to_live(const http::HeaderList& headers, const RegistrySettings& settings) {
  std::chrono::seconds ttl = settings.default_ttl;
  if (auto max_age = max_age_of(headers)) {
    ttl = std::chrono::seconds(*max_age);
  } else {
    auto expires = http::header_values(headers, "Expires");
    auto date = http::header_values(headers, "Date");
    auto expires_at = expires.empty() ? std::nullopt : parse_http_date(expires.front());
    auto sent_at = date.empty() ? std::nullopt : parse_http_date(date.front());
    if (expires_at && sent_at) ttl = std::chrono::duration_cast<std::chrono::seconds>(*expires_at - *sent_at);
  }
  return std::clamp(ttl, std::chrono::seconds(60), settings.max_ttl);
}

std::string first_header(const http::HeaderList& headers, std::string_view name) {
  auto values = http::header_values(headers, name);
  return values.empty() ? "" : values.front();
}

}  // namespace

RegistryClient::RegistryClient(RegistrySettings settings, HttpTransport& transport, db::Pool& pool, Now now)
    : settings_(std::move(settings)), transport_(transport), pool_(pool), now_(std::move(now)) {
  copy_.registry_url = settings_.url;
}

RegistryClient::~RegistryClient() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  if (background_.joinable()) background_.join();
}

Status RegistryClient::load_saved() {
  auto connection = pool_.acquire();
  if (!connection) return connection.status();
  auto saved = db::load_cached_catalogue(**connection, settings_.url);
  if (!saved) return saved.status();
  if (!*saved) return Status::ok();
  auto catalogue = Catalogue::parse((*saved)->body);
  if (!catalogue) return catalogue.status().with_context("saved registry catalogue");
  std::lock_guard lock(state_mutex_);
  catalogue_ = *catalogue;
  copy_ = **saved;
  copy_.body.clear();
  log::info("registry_catalogue_loaded", {{"source", "database"}, {"hosts", std::to_string(catalogue_->host_count())}});
  return Status::ok();
}

Status RegistryClient::refresh_if_due() {
  {
    std::lock_guard lock(state_mutex_);
    if (catalogue_ && now_() < copy_.expires_at) return Status::ok();
  }
  return refresh();
}

Status RegistryClient::refresh() const {
  std::lock_guard refreshing(refresh_mutex_);
  bool conditional = false;
  {
    std::lock_guard lock(state_mutex_);
    Clock::time_point now = now_();
    if (last_attempt_ != Clock::time_point{} && now - last_attempt_ < settings_.min_interval) return Status::ok();
    last_attempt_ = now;
    conditional = catalogue_ != nullptr;
  }
  Status fetched = fetch(conditional);
  if (!fetched) {
    std::lock_guard lock(state_mutex_);
    auto age = now_() - copy_.fetched_at;
    log::warn("registry_refresh_failed",
              {{"url", settings_.url},
               {"error", fetched.message()},
               {"copy_age_hours",
                catalogue_ ? std::to_string(std::chrono::duration_cast<std::chrono::hours>(age).count()) : std::string("none")},
               {"stale", catalogue_ && age > settings_.warn_stale ? "yes" : "no"}});
  }
  return fetched;
}

Status RegistryClient::fetch(bool conditional) const {
  http::HeaderList headers = {{"Accept", "application/xml"}};
  {
    std::lock_guard lock(state_mutex_);
    if (conditional && !copy_.etag.empty()) headers.emplace_back("If-None-Match", copy_.etag);
    if (conditional && !copy_.last_modified.empty()) headers.emplace_back("If-Modified-Since", copy_.last_modified);
  }
  auto reply = transport_.send("GET", settings_.url, headers, "");
  if (!reply) return reply.status();
  Clock::time_point now = now_();
  Clock::time_point expires = now + time_to_live(reply->headers, settings_);
  if (reply->status == 304 && conditional) {
    std::lock_guard lock(state_mutex_);
    copy_.fetched_at = now;
    copy_.expires_at = expires;
    auto connection = pool_.acquire();
    return connection ? db::confirm_cached_catalogue(**connection, settings_.url, now, expires) : connection.status();
  }
  if (reply->status != 200) return Status::unavailable("registry answered HTTP " + std::to_string(reply->status));
  auto catalogue = Catalogue::parse(reply->body);
  if (!catalogue) return catalogue.status().with_context("registry catalogue from " + settings_.url);
  db::CachedCatalogue copy{
      settings_.url, reply->body, first_header(reply->headers, "ETag"), first_header(reply->headers, "Last-Modified"),
      now,           expires};
  install(*catalogue, copy);
  auto connection = pool_.acquire();
  if (!connection) return connection.status();
  return db::save_cached_catalogue(**connection, copy);
}

void RegistryClient::install(std::shared_ptr<const Catalogue> catalogue, const db::CachedCatalogue& copy) const {
  std::lock_guard lock(state_mutex_);
  catalogue_ = std::move(catalogue);
  copy_ = copy;
  copy_.body.clear();
  log::info("registry_catalogue_loaded", {{"source", settings_.url}, {"hosts", std::to_string(catalogue_->host_count())}});
}

std::shared_ptr<const Catalogue> RegistryClient::current() const {
  std::lock_guard lock(state_mutex_);
  if (!catalogue_ || now_() - copy_.fetched_at > settings_.max_stale) return nullptr;
  return catalogue_;
}

std::optional<ClientKey> RegistryClient::find_client_key(const std::string& key_id) const {
  if (auto catalogue = current()) {
    if (auto key = catalogue->client_key(key_id)) return key;
  }
  // A partner's new key may have reached the registry after our last refresh.
  static_cast<void>(refresh());  // a failure is logged there; the old snapshot stays
  auto catalogue = current();
  return catalogue ? catalogue->client_key(key_id) : std::nullopt;
}

void RegistryClient::start_background_refresh(std::chrono::seconds period) {
  background_ = std::thread([this, period] {
    std::unique_lock lock(stop_mutex_);
    while (!stopping_) {
      lock.unlock();
      static_cast<void>(refresh_if_due());  // a failure is logged there
      lock.lock();
      stop_signal_.wait_for(lock, period, [this] { return stopping_; });
    }
  });
}

}  // namespace mobility::ewp
